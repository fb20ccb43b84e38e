import { type Kysely, sql } from 'kysely';
import { underAnyPath, underPath } from '../../db/paths.ts';
import { ftsMatch, tsQuery } from './search.ts';
import { PROACTIVE_CHANNELS } from './kinds.ts';
import type { CaseEventsTable, CaseReportersTable, CasesTable, DB, ExtensionRequestsTable, FollowUpsTable } from '../../db/tables.ts';

export type Db = Kysely<DB>;
export type CaseRow = CasesTable;
export type CaseEventRow = CaseEventsTable;

export async function findCase(db: Db, idOrNumber: string): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where((eb) => eb.or([eb('id', '=', idOrNumber), eb('number', '=', idOrNumber)])).executeTakeFirst();
}

export async function insertCase(db: Db, row: CaseRow): Promise<void> {
  await db.insertInto('cases').values(row).execute();
}

/** Compare-and-set: writes only if nobody changed the case since `version` was read. */
export async function updateCaseIfVersion(db: Db, id: string, version: number, patch: Partial<CaseRow>): Promise<boolean> {
  const result = await db.updateTable('cases').set(patch).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The next number of the year, LX-2026-000123 style; one statement, so concurrent intakes never share one. */
export async function nextCaseNumber(db: Db, year: number): Promise<number> {
  const row = await db
    .insertInto('case_numbers')
    .values({ year, last: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet({ last: sql<number>`case_numbers.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return Number(row.last);
}

export async function insertEvent(db: Db, row: CaseEventRow): Promise<void> {
  await db.insertInto('case_events').values(row).execute();
}

export async function listEvents(db: Db, caseId: string): Promise<CaseEventRow[]> {
  return db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
}

export async function insertReporter(db: Db, row: CaseReportersTable): Promise<void> {
  await db.insertInto('case_reporters').values(row).onConflict((oc) => oc.columns(['case_id', 'reporter_key']).doNothing()).execute();
}

/** Whether an anonymous reporter's follow-up secret (its hash) belongs to this case. */
export async function isTokenReporter(db: Db, caseId: string, tokenHash: string): Promise<boolean> {
  return !!(await db.selectFrom('case_reporters').select('case_id').where('case_id', '=', caseId).where('reporter_key', '=', `token:${tokenHash}`).executeTakeFirst());
}

export async function listReporters(db: Db, caseId: string): Promise<CaseReportersTable[]> {
  return db.selectFrom('case_reporters').selectAll().where('case_id', '=', caseId).orderBy('reported_at').execute();
}

export async function countReporters(db: Db, caseId: string): Promise<number> {
  const row = await db.selectFrom('case_reporters').select(sql<string | number>`count(*)`.as('n')).where('case_id', '=', caseId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function isReporter(db: Db, caseId: string, accountId: string): Promise<boolean> {
  return !!(await db.selectFrom('case_reporters').select('case_id').where('case_id', '=', caseId).where('account_id', '=', accountId).executeTakeFirst());
}

export async function linkPhotos(db: Db, rows: { case_id: string; photo_id: string; role: 'report' | 'proof' | 'note'; event_id: string | null; released: number; position: number }[]): Promise<void> {
  if (rows.length) await db.insertInto('case_photos').values(rows).onConflict((oc) => oc.columns(['case_id', 'photo_id', 'role']).doNothing()).execute();
}

export async function casePhotos(db: Db, caseId: string) {
  return db
    .selectFrom('case_photos')
    .innerJoin('photos', 'photos.id', 'case_photos.photo_id')
    .select(['photos.id', 'photos.width', 'photos.height', 'case_photos.role', 'case_photos.released', 'case_photos.event_id'])
    .where('case_photos.case_id', '=', caseId)
    .orderBy('case_photos.position')
    .execute();
}

export async function photosExist(db: Db, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  return (await db.selectFrom('photos').select('id').where('id', 'in', ids).execute()).map((r) => r.id);
}

export async function findIdempotencyKey(db: Db, key: string) {
  return db.selectFrom('idempotency_keys').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function insertIdempotencyKey(db: Db, row: { key: string; fingerprint: string; case_id: string; created_at: string }): Promise<void> {
  await db.insertInto('idempotency_keys').values(row).execute();
}

/** Open cases of a category near a point (a bounding box first; the caller measures exact distance). */
export async function openCasesNear(db: Db, f: { category: string; lng: number; lat: number; dLng: number; dLat: number; since: string; excludeId?: string }) {
  return db
    .selectFrom('cases')
    .select(['id', 'number', 'lng', 'lat', 'description', 'reported_at', 'reporter_count'])
    .where('category', '=', f.category)
    .where('state', 'in', ['new', 'dispatched', 'in_progress', 'suspended'])
    .where('lat', '>=', f.lat - f.dLat)
    .where('lat', '<=', f.lat + f.dLat)
    .where('lng', '>=', f.lng - f.dLng)
    .where('lng', '<=', f.lng + f.dLng)
    .where('reported_at', '>=', f.since)
    .$if(!!f.excludeId, (q) => q.where('id', '!=', f.excludeId!))
    .orderBy('reported_at', 'desc')
    .limit(50)
    .execute();
}

/** The reporter's earlier cases of a category since a time (for the repeat-demand figure). */
export async function reporterCasesSince(db: Db, accountId: string, category: string, since: string) {
  return db
    .selectFrom('cases')
    .select(['id', 'lng', 'lat'])
    .where('reporter_account_id', '=', accountId)
    .where('category', '=', category)
    .where('reported_at', '>=', since)
    .where('state', 'not in', ['merged', 'rejected'])
    .orderBy('reported_at', 'desc')
    .limit(20)
    .execute();
}

export async function insertFollowUp(db: Db, row: FollowUpsTable): Promise<void> {
  await db.insertInto('follow_ups').values(row).execute();
}

export async function listFollowUps(db: Db, caseId: string): Promise<FollowUpsTable[]> {
  return db.selectFrom('follow_ups').selectAll().where('case_id', '=', caseId).orderBy('at').execute();
}

export async function insertExtensionRequest(db: Db, row: ExtensionRequestsTable): Promise<void> {
  await db.insertInto('extension_requests').values(row).execute();
}

export async function pendingExtension(db: Db, caseId: string): Promise<ExtensionRequestsTable | undefined> {
  return db.selectFrom('extension_requests').selectAll().where('case_id', '=', caseId).where('state', '=', 'pending').executeTakeFirst();
}

/** Decides a pending request once: a second, racing decision finds it no longer pending. */
export async function decideExtension(db: Db, id: string, patch: { state: 'approved' | 'refused'; decided_by: string | null; decided_at: string; decision_note: string | null }): Promise<boolean> {
  const r = await db.updateTable('extension_requests').set(patch).where('id', '=', id).where('state', '=', 'pending').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface CaseFilter {
  /** Org paths the caller may read (null: everywhere). */
  scopePaths: string[] | null;
  /** For a resident: only cases they reported. */
  reporterAccountId?: string;
  node?: string;
  state?: string[];
  family?: 'open' | 'resolved' | 'closed';
  category?: string;
  kind?: string;
  channel?: string;
  overdue?: boolean;
  needsReview?: boolean;
  handlerPath?: string;
  handlerStaffId?: string;
  /** Only these cases (figure drill-down through follow-ups). */
  ids?: string[];
  from?: string;
  to?: string;
  searchTokens?: string[];
  store: 'sqlite' | 'postgres';
  /** Restrict to cases whose contribution to this counter is not zero (figure drill-down). */
  contributes?: string;
  /** Day range (local days) for the drill-down, on `reported_day`. */
  dayFrom?: string;
  dayTo?: string;
  limit: number;
  offset: number;
}

const OPEN_STATES = ['new', 'dispatched', 'in_progress', 'suspended'] as const;

/** The cases matching a filter, as a query still to be ordered and paged (lists, ledgers, drill-downs share it). */
export function filteredCases(db: Db, f: Omit<CaseFilter, 'limit' | 'offset'>) {
  let q = db.selectFrom('cases');
  if (f.scopePaths) q = q.where(underAnyPath('cases.path', f.scopePaths));
  if (f.reporterAccountId) {
    const account = f.reporterAccountId;
    q = q.where((eb) => eb.exists(eb.selectFrom('case_reporters').select('case_reporters.case_id').whereRef('case_reporters.case_id', '=', 'cases.id').where('case_reporters.account_id', '=', account)));
  }
  if (f.node) q = q.where(underPath('cases.path', f.node));
  if (f.handlerPath) q = q.where('handler_path', '=', f.handlerPath);
  if (f.handlerStaffId) q = q.where('handler_staff_id', '=', f.handlerStaffId);
  if (f.ids) q = q.where('id', 'in', f.ids.length ? f.ids : ['']);
  if (f.state?.length) q = q.where('state', 'in', f.state as CaseRow['state'][]);
  if (f.family === 'open') q = q.where('state', 'in', [...OPEN_STATES]);
  if (f.family === 'resolved') q = q.where('state', '=', 'resolved');
  if (f.family === 'closed') q = q.where('state', 'in', ['closed', 'merged', 'rejected']);
  if (f.category) q = f.category.length === 2 ? q.where('category', 'like', `${f.category}%`) : q.where('category', '=', f.category);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.channel) q = q.where('channel', '=', f.channel);
  if (f.overdue) q = q.where('state', 'in', [...OPEN_STATES]).where('overdue_at', 'is not', null);
  if (f.needsReview) q = q.where('needs_review', '=', 1);
  if (f.from) q = q.where('reported_at', '>=', f.from);
  if (f.to) q = q.where('reported_at', '<', f.to);
  if (f.dayFrom) q = q.where('reported_day', '>=', f.dayFrom);
  if (f.dayTo) q = q.where('reported_day', '<=', f.dayTo);
  if (f.contributes) q = q.where('contributions', 'like', `%"${f.contributes}":%`);
  if (f.searchTokens?.length) {
    if (f.store === 'postgres') {
      const tsq = tsQuery(f.searchTokens);
      if (tsq) q = q.where(sql<boolean>`to_tsvector('simple', search_text) @@ to_tsquery('simple', ${tsq})`);
    } else {
      q = q.where(sql<boolean>`cases.rowid in (select rowid from cases_fts where cases_fts match ${ftsMatch(f.searchTokens)})`);
    }
  }
  return q;
}

export async function listCases(db: Db, f: CaseFilter): Promise<{ rows: CaseRow[]; total: number }> {
  if (f.store === 'sqlite' && f.searchTokens?.length) return searchCasesSqlite(db, f);
  const q = filteredCases(db, f);
  const totalRow = await q.select(sql<string | number>`count(*)`.as('n')).executeTakeFirst();
  const rows = await q.selectAll().orderBy('reported_at', 'desc').orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute();
  return { rows, total: Number(totalRow?.n ?? 0) };
}

/** Filters besides the words and the caller's scope; without any, the full-text index alone answers the count. */
function narrowsBeyondWords(f: CaseFilter): boolean {
  const { scopePaths, searchTokens, store, limit, offset, ...rest } = f;
  return scopePaths !== null || Object.values(rest).some((v) => v !== undefined && v !== false);
}

/**
 * Full-text search on SQLite, newest received first. Sorting every match by date costs as many row reads as
 * there are matches (tens of thousands for a common word in a million cases); instead FTS5 hands over its
 * matches newest first by rowid (the order cases are received in), and they are read in growing chunks
 * through the other filters until the page is full.
 */
async function searchCasesSqlite(db: Db, f: CaseFilter): Promise<{ rows: CaseRow[]; total: number }> {
  const match = ftsMatch(f.searchTokens!);
  const others = filteredCases(db, { ...f, searchTokens: undefined });
  const wanted = f.offset + f.limit;
  const found: CaseRow[] = [];
  let below = Number.MAX_SAFE_INTEGER;
  for (let chunk = Math.max(2 * wanted, 50); found.length < wanted; chunk = Math.min(chunk * 2, 4000)) {
    const matched = await sql<{ rowid: number }>`select rowid from cases_fts where cases_fts match ${match} and rowid < ${below} order by rowid desc limit ${chunk}`.execute(db);
    const rowids = matched.rows.map((r) => r.rowid);
    if (rowids.length === 0) break;
    found.push(...(await others.where(sql<number>`cases.rowid`, 'in', rowids).selectAll().orderBy(sql`cases.rowid`, 'desc').execute()));
    if (rowids.length < chunk) break;
    below = rowids[rowids.length - 1]!;
  }
  const total = narrowsBeyondWords(f)
    ? Number((await filteredCases(db, f).select(sql<number>`count(*)`.as('n')).executeTakeFirst())?.n ?? 0)
    : Number((await sql<{ n: number }>`select count(*) as n from cases_fts where cases_fts match ${match}`.execute(db)).rows[0]?.n ?? 0);
  return { rows: found.slice(f.offset, wanted), total };
}

/** Open cases past their deadline and not yet marked overdue (for the scheduler). */
export async function casesNewlyOverdue(db: Db, nowIso: string, limit: number): Promise<CaseRow[]> {
  return db.selectFrom('cases').selectAll().where('state', 'in', ['new', 'dispatched', 'in_progress']).where('resolve_by', '<', nowIso).where('overdue_at', 'is', null).limit(limit).execute();
}

/** Overdue cases still open past the grace and not yet escalated by the scheduler. */
export async function casesToAutoEscalate(db: Db, overdueBefore: string, limit: number, keptKinds: string[] = []): Promise<CaseRow[]> {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('state', 'in', ['dispatched', 'in_progress'])
    .$if(keptKinds.length > 0, (q) => q.where('kind', 'not in', keptKinds))
    .where('overdue_at', '<', overdueBefore)
    .where('escalated_auto_at', 'is', null)
    .where('tier', '<', 3)
    .limit(limit)
    .execute();
}

/** Open cases whose deadline falls before `soon` and whose handler has not been reminded. */
export async function casesToRemind(db: Db, nowIso: string, soonIso: string, limit: number): Promise<CaseRow[]> {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('state', 'in', ['dispatched', 'in_progress'])
    .where('resolve_by', '>=', nowIso)
    .where('resolve_by', '<', soonIso)
    .where('reminded_at', 'is', null)
    .limit(limit)
    .execute();
}

/**
 * Resolved or closed cases in these org paths, resolved since `since`, that nobody has reached the reporter
 * about since their latest resolution. Cases staff found themselves (patrol, visit, sensor) have no resident
 * to ask, so they are left out. Oldest resolution first: the longer a resident has waited, the sooner.
 */
export async function casesDueFollowUp(db: Db, paths: string[], since: string, limit: number): Promise<CaseRow[]> {
  return db
    .selectFrom('cases')
    .selectAll()
    .where(underAnyPath('cases.path', paths))
    .where('state', 'in', ['resolved', 'closed'])
    .where('resolved_at', '>=', since)
    .where('channel', 'not in', [...PROACTIVE_CHANNELS])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('follow_ups')
            .select('follow_ups.id')
            .whereRef('follow_ups.case_id', '=', 'cases.id')
            .where('follow_ups.reached', '=', 1)
            .whereRef('follow_ups.at', '>=', 'cases.resolved_at'),
        ),
      ),
    )
    .orderBy('resolved_at', 'asc')
    .orderBy('id', 'asc')
    .limit(limit)
    .execute();
}
