import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import { underAnyPath, underPath } from '../../db/paths.ts';
import type { CasesTable, DB, ServiceOffersTable, WishClaimsTable } from '../../db/tables.ts';
import { WISH_KIND } from './wish-kind.ts';
import type { WishStatus } from './labels.ts';

export type Db = Kysely<DB>;
export type OfferRow = Omit<ServiceOffersTable, 'claims_taken'> & { claims_taken: number };
export type ClaimRow = WishClaimsTable;

const OPEN_STATES = ['new', 'dispatched', 'in_progress', 'suspended'] as const;
const count = sql<string | number>`count(*)`.as('n');

// ---- the service list

export async function findOffer(db: Db, id: string): Promise<OfferRow | undefined> {
  return db.selectFrom('service_offers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertOffer(db: Db, row: OfferRow): Promise<void> {
  await db.insertInto('service_offers').values(row).execute();
}

/** Changes an offer; a capacity below the claims it already holds changes nothing (false). */
export async function updateOffer(db: Db, id: string, patch: Partial<Omit<OfferRow, 'id' | 'created_at' | 'claims_taken'>>): Promise<boolean> {
  let q = db.updateTable('service_offers').set(patch).where('id', '=', id);
  if (patch.capacity !== undefined) q = q.where('claims_taken', '<=', patch.capacity);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Takes one of an active offer's places in one statement, so racing claims never pass its capacity. */
export async function takeOfferPlace(db: Db, id: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('service_offers')
    .set((eb) => ({ claims_taken: eb('claims_taken', '+', 1), updated_at: at }))
    .where('id', '=', id)
    .where('active', '=', 1)
    .whereRef('claims_taken', '<', 'capacity')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function releaseOfferPlace(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('service_offers').set((eb) => ({ claims_taken: eb('claims_taken', '-', 1), updated_at: at })).where('id', '=', id).where('claims_taken', '>', 0).execute();
}

/** Offers with who provides them: the unit's name, or the talent's (the resident record's name wins). */
function offersWithProvider(db: Db) {
  return db
    .selectFrom('service_offers')
    .leftJoin('partner_units', 'partner_units.id', 'service_offers.partner_unit_id')
    .leftJoin('talents', 'talents.id', 'service_offers.talent_id')
    .leftJoin('residents', 'residents.id', 'talents.resident_id')
    .innerJoin('org_nodes', 'org_nodes.id', 'service_offers.community_id')
    .selectAll('service_offers')
    .select(['partner_units.name as unit_name', sql<string | null>`coalesce(residents.name, talents.name)`.as('talent_name'), 'org_nodes.code as community_code', 'org_nodes.name as community_name']);
}
export type OfferListRow = OfferRow & { unit_name: string | null; talent_name: string | null; community_code: string; community_name: string };

export async function findOfferWithProvider(db: Db, id: string): Promise<OfferListRow | undefined> {
  return offersWithProvider(db).where('service_offers.id', '=', id).executeTakeFirst() as Promise<OfferListRow | undefined>;
}

/** One page of offers under a node (and inside the given scope paths, when given), active first, newest first. */
export async function listOffers(db: Db, f: { nodePath?: string; paths?: string[]; activeOnly: boolean; wishType?: string; limit: number; offset: number }) {
  let q = offersWithProvider(db);
  if (f.nodePath) q = q.where(underPath('service_offers.path', f.nodePath));
  if (f.paths) q = q.where(underAnyPath('service_offers.path', f.paths));
  if (f.activeOnly) q = q.where('service_offers.active', '=', 1);
  if (f.wishType) q = q.where('service_offers.wish_type', '=', f.wishType);
  const total = await q.clearSelect().select(count).executeTakeFirst();
  const rows = await q.orderBy('service_offers.active', 'desc').orderBy('service_offers.created_at', 'desc').orderBy('service_offers.id').limit(f.limit).offset(f.offset).execute();
  return { rows: rows as OfferListRow[], total: Number(total?.n ?? 0) };
}

/** Active offers of these communities with a place left: the candidates for their wishes. */
export async function offersWithPlaces(db: Db, communityIds: string[]): Promise<OfferListRow[]> {
  if (communityIds.length === 0) return [];
  return (await offersWithProvider(db)
    .where('service_offers.community_id', 'in', communityIds)
    .where('service_offers.active', '=', 1)
    .whereRef('service_offers.claims_taken', '<', 'service_offers.capacity')
    .orderBy('service_offers.created_at')
    .execute()) as OfferListRow[];
}

// ---- claims

export async function findClaim(db: Db, id: string): Promise<ClaimRow | undefined> {
  return db.selectFrom('wish_claims').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertClaim(db: Db, row: ClaimRow): Promise<void> {
  await db.insertInto('wish_claims').values(row).execute();
}

/** Moves a claim on from the status it is read in; false when another request moved it first. */
export async function setClaimStatus(db: Db, id: string, from: ClaimRow['status'], patch: Partial<ClaimRow>): Promise<boolean> {
  const r = await db.updateTable('wish_claims').set(patch).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function claimsOfCases(db: Db, caseIds: string[]): Promise<ClaimRow[]> {
  if (caseIds.length === 0) return [];
  return db.selectFrom('wish_claims').selectAll().where('case_id', 'in', caseIds).orderBy('claimed_at').orderBy('id').execute();
}

export async function liveClaimByKey(db: Db, caseId: string, key: string): Promise<ClaimRow | undefined> {
  return db.selectFrom('wish_claims').selectAll().where('case_id', '=', caseId).where('claimant_key', '=', key).where('status', '<>', 'withdrawn').executeTakeFirst();
}

export async function claimCounts(db: Db, caseId: string): Promise<{ live: number; pending: number }> {
  const rows = await db.selectFrom('wish_claims').select(['status', count]).where('case_id', '=', caseId).where('status', '<>', 'withdrawn').groupBy('status').execute();
  const of = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
  return { live: of('claimed') + of('fulfilled'), pending: of('claimed') };
}

// ---- wishes (cases of kind micro_wish)

export interface WishFilter {
  /** Scope: cases located under any of these paths. */
  paths?: string[];
  /** Or: the wishes this account or resident reported. */
  reporter?: { accountId: string; residentId: string | null };
  nodePath?: string;
  status?: WishStatus | 'done';
  from?: string;
  to?: string;
  publicOnly?: boolean;
  hideCancelled?: boolean;
}

const liveClaim = (eb: any) => eb.exists(eb.selectFrom('wish_claims').select(sql`1`.as('one')).whereRef('wish_claims.case_id', '=', 'cases.id').where('wish_claims.status', '<>', 'withdrawn'));

/** The condition each wish status stands for (see wishStatus: the same definitions, in SQL). */
function withStatus<O>(q: SelectQueryBuilder<DB, 'cases', O>, status: WishFilter['status']): SelectQueryBuilder<DB, 'cases', O> {
  switch (status) {
    case 'open':
      return q.where('cases.state', 'in', OPEN_STATES).where((eb) => eb.not(liveClaim(eb)));
    case 'claimed':
      return q.where('cases.state', 'in', OPEN_STATES).where((eb) => liveClaim(eb));
    case 'fulfilled':
      return q.where('cases.state', '=', 'resolved');
    case 'closed':
      return q.where('cases.state', '=', 'closed');
    case 'done':
      return q.where('cases.state', 'in', ['resolved', 'closed']);
    case 'cancelled':
      return q.where('cases.state', 'in', ['rejected', 'merged']);
    default:
      return q;
  }
}

function wishes(db: Db, f: WishFilter) {
  let q = db.selectFrom('cases').where('cases.kind', '=', WISH_KIND);
  if (f.paths) q = q.where(underAnyPath('cases.path', f.paths));
  if (f.reporter) {
    const r = f.reporter;
    q = q.where((eb) => eb.or([eb('cases.reporter_account_id', '=', r.accountId), ...(r.residentId ? [eb('cases.reporter_resident_id', '=', r.residentId)] : [])]));
  }
  if (f.nodePath) q = q.where(underPath('cases.path', f.nodePath));
  if (f.from) q = q.where('cases.reported_day', '>=', f.from);
  if (f.to) q = q.where('cases.reported_day', '<=', f.to);
  if (f.publicOnly) q = q.where('cases.is_public', '=', 1);
  if (f.hideCancelled) q = q.where('cases.state', 'not in', ['rejected', 'merged']);
  return withStatus(q, f.status);
}

/**
 * One page of wishes: for the board, open ones first (oldest first, as they have waited longest), then the
 * rest newest first; `newest` lists them all newest first (a resident's own).
 */
export async function listWishes(db: Db, f: WishFilter & { limit: number; offset: number; newest?: boolean }): Promise<{ rows: CasesTable[]; total: number }> {
  const q = wishes(db, f);
  const total = await q.select(count).executeTakeFirst();
  let ordered = q.selectAll('cases');
  if (!f.newest) {
    ordered = ordered
      .orderBy(sql`case when cases.state in ('new', 'dispatched', 'in_progress', 'suspended') then 0 else 1 end`)
      .orderBy(sql`case when cases.state in ('new', 'dispatched', 'in_progress', 'suspended') then cases.reported_at else '' end`);
  }
  const rows = await ordered
    .orderBy('cases.reported_at', 'desc')
    .orderBy('cases.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { rows, total: Number(total?.n ?? 0) };
}

/** Every wish of a filter, oldest first, in pages (for the Excel export). */
export async function wishesInOrder(db: Db, f: WishFilter, after: { at: string; id: string } | null, limit: number): Promise<CasesTable[]> {
  let q = wishes(db, f).selectAll('cases');
  if (after) q = q.where((eb) => eb.or([eb('cases.reported_at', '>', after.at), eb.and([eb('cases.reported_at', '=', after.at), eb('cases.id', '>', after.id)])]));
  return q.orderBy('cases.reported_at').orderBy('cases.id').limit(limit).execute();
}

/** How many wishes of a filter are in each status, per community. */
export async function statusCounts(db: Db, f: WishFilter): Promise<{ community_id: string | null; status: WishStatus; n: number }[]> {
  const out: { community_id: string | null; status: WishStatus; n: number }[] = [];
  for (const status of ['open', 'claimed', 'fulfilled', 'closed', 'cancelled'] as const) {
    const rows = await wishes(db, { ...f, status }).select(['cases.community_id', count]).groupBy('cases.community_id').execute();
    for (const r of rows) out.push({ community_id: r.community_id, status, n: Number(r.n) });
  }
  return out;
}

/** Wishes that ever had a claim that was not withdrawn, per community (the "claimed" figure counts them). */
export async function everClaimedCounts(db: Db, f: WishFilter): Promise<{ community_id: string | null; n: number }[]> {
  const rows = await wishes(db, f)
    .where((eb) => liveClaim(eb))
    .select(['cases.community_id', count])
    .groupBy('cases.community_id')
    .execute();
  return rows.map((r) => ({ community_id: r.community_id, n: Number(r.n) }));
}

