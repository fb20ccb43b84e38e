import { type Kysely, sql } from 'kysely';
import { underAnyPath, underPath } from '../../db/paths.ts';
import type { DB, PointAccountKind, PointAccountsTable, PointRuleName, PointTransferKind, PointTransfersTable } from '../../db/tables.ts';

export type Db = Kysely<DB>;
export type PointAccountRow = PointAccountsTable;
export type TransferRow = PointTransfersTable;

/** The org node of kind `community` on a path, if any (roots may be streets or communities). */
export async function communityOnPath(db: Db, path: string) {
  const ids = path.split('/').filter(Boolean);
  if (ids.length === 0) return undefined;
  return db.selectFrom('org_nodes').select(['id', 'code', 'name', 'path']).where('id', 'in', ids).where('kind', '=', 'community').executeTakeFirst();
}

export async function findAccount(db: Db, kind: PointAccountKind, communityId: string, ownerId: string): Promise<PointAccountRow | undefined> {
  return db.selectFrom('point_accounts').selectAll().where('kind', '=', kind).where('community_id', '=', communityId).where('owner_id', '=', ownerId).executeTakeFirst();
}

export async function findAccountById(db: Db, id: string): Promise<PointAccountRow | undefined> {
  return db.selectFrom('point_accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts the account unless a concurrent writer already did (the unique owner key decides), then reads it. */
export async function insertAccountIfMissing(db: Db, row: PointAccountRow): Promise<PointAccountRow> {
  await db.insertInto('point_accounts').values(row).onConflict((oc) => oc.columns(['kind', 'community_id', 'owner_id']).doNothing()).execute();
  return (await findAccount(db, row.kind, row.community_id, row.owner_id))!;
}

/**
 * Takes `amount` off an account. Person, merchant and expiry accounts only when the balance covers it, in
 * one statement, so racing debits cannot overdraw; with `expectBalance`, only if the balance is still what
 * the caller read (compare-and-set). Whether a row changed is the answer.
 */
export async function debitAccount(db: Db, account: PointAccountRow, amount: number, at: string, expectBalance?: number): Promise<boolean> {
  let q = db.updateTable('point_accounts').set({ balance: sql`balance - ${amount}`, updated_at: at }).where('id', '=', account.id);
  if (account.kind !== 'pool') q = q.where('balance', '>=', amount);
  if (expectBalance !== undefined) q = q.where('balance', '=', expectBalance);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function creditAccount(db: Db, accountId: string, amount: number, at: string): Promise<void> {
  await db.updateTable('point_accounts').set({ balance: sql`balance + ${amount}`, updated_at: at }).where('id', '=', accountId).execute();
}

export async function insertTransfer(db: Db, row: TransferRow): Promise<void> {
  await db.insertInto('point_transfers').values(row).execute();
}

export async function findTransfer(db: Db, id: string): Promise<TransferRow | undefined> {
  return db.selectFrom('point_transfers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findReversalOf(db: Db, id: string): Promise<TransferRow | undefined> {
  return db.selectFrom('point_transfers').selectAll().where('reverses_id', '=', id).executeTakeFirst();
}

export async function findEarnBySource(db: Db, rule: PointRuleName, sourceKind: string, sourceId: string, toAccountId: string): Promise<TransferRow | undefined> {
  return db
    .selectFrom('point_transfers')
    .selectAll()
    .where('rule', '=', rule)
    .where('source_kind', '=', sourceKind)
    .where('source_id', '=', sourceId)
    .where('to_account_id', '=', toAccountId)
    .executeTakeFirst();
}

/** Opens the per-period earning total at zero (a no-op when it exists). */
export async function openEarningTotal(db: Db, accountId: string, rule: PointRuleName, periodKey: string, at: string): Promise<number> {
  await db.insertInto('point_earning_totals').values({ account_id: accountId, rule, period_key: periodKey, points: 0, updated_at: at })
    .onConflict((oc) => oc.columns(['account_id', 'rule', 'period_key']).doNothing()).execute();
  const row = await db.selectFrom('point_earning_totals').select('points').where('account_id', '=', accountId).where('rule', '=', rule).where('period_key', '=', periodKey).executeTakeFirstOrThrow();
  return Number(row.points);
}

/** Adds to an earning total only while it stays within `limit` (no limit: always). */
export async function raiseEarningTotal(db: Db, accountId: string, rule: PointRuleName, periodKey: string, points: number, limit: number | null, at: string): Promise<boolean> {
  let q = db.updateTable('point_earning_totals').set({ points: sql`points + ${points}`, updated_at: at })
    .where('account_id', '=', accountId).where('rule', '=', rule).where('period_key', '=', periodKey);
  if (limit !== null) q = q.where(sql<boolean>`points + ${points} <= ${limit}`);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A reversed award frees its share of the period's limit again. */
export async function lowerEarningTotal(db: Db, accountId: string, rule: PointRuleName, periodKey: string, points: number, at: string): Promise<void> {
  await db.updateTable('point_earning_totals').set({ points: sql`case when points >= ${points} then points - ${points} else 0 end`, updated_at: at })
    .where('account_id', '=', accountId).where('rule', '=', rule).where('period_key', '=', periodKey).execute();
}

export interface TransferFilter {
  /** Community paths the caller reaches (already narrowed). */
  under: string[];
  residentId?: string;
  merchantId?: string;
  kind?: PointTransferKind;
  fromDay?: string;
  toDay?: string;
  limit: number;
  offset: number;
}

/** A transfer as lists show it: with the resident's and merchant's names and the operator's username. */
export type TransferListRow = TransferRow & { resident_name: string | null; merchant_name: string | null; community_name: string; operator_name: string | null; reversed_by: string | null };

function filtered(db: Db, f: Omit<TransferFilter, 'limit' | 'offset'>) {
  let q = db.selectFrom('point_transfers').where(underAnyPath('point_transfers.path', f.under));
  if (f.residentId) q = q.where('point_transfers.resident_id', '=', f.residentId);
  if (f.merchantId) q = q.where('point_transfers.merchant_id', '=', f.merchantId);
  if (f.kind) q = q.where('point_transfers.kind', '=', f.kind);
  if (f.fromDay) q = q.where('point_transfers.day', '>=', f.fromDay);
  if (f.toDay) q = q.where('point_transfers.day', '<=', f.toDay);
  return q;
}

function withNames(db: Db, f: Omit<TransferFilter, 'limit' | 'offset'>) {
  return filtered(db, f)
    .innerJoin('org_nodes', 'org_nodes.id', 'point_transfers.community_id')
    .leftJoin('residents', 'residents.id', 'point_transfers.resident_id')
    .leftJoin('merchants', 'merchants.id', 'point_transfers.merchant_id')
    .leftJoin('accounts', 'accounts.id', 'point_transfers.operator_account_id')
    .leftJoin('point_transfers as rev', 'rev.reverses_id', 'point_transfers.id')
    .selectAll('point_transfers')
    .select(['residents.name as resident_name', 'merchants.name as merchant_name', 'org_nodes.name as community_name', 'accounts.display_name as operator_name', 'rev.id as reversed_by']);
}

/** One transfer with the names lists show. */
export async function findTransferListed(db: Db, id: string): Promise<TransferListRow | undefined> {
  return (await withNames(db, { under: ['/'] }).where('point_transfers.id', '=', id).executeTakeFirst()) as TransferListRow | undefined;
}

/** One page of the ledger, newest first, and how many transfers match. */
export async function listTransfers(db: Db, f: TransferFilter): Promise<{ rows: TransferListRow[]; total: number }> {
  if (f.under.length === 0) return { rows: [], total: 0 };
  const totalRow = await filtered(db, f).select(sql<string | number>`count(*)`.as('n')).executeTakeFirst();
  const rows = await withNames(db, f).orderBy('point_transfers.at', 'desc').orderBy('point_transfers.id', 'desc').limit(f.limit).offset(f.offset).execute();
  return { rows: rows as TransferListRow[], total: Number(totalRow?.n ?? 0) };
}

/** Every matching transfer, oldest first, a page at a time (for the Excel ledger). */
export async function transfersInOrder(db: Db, f: Omit<TransferFilter, 'limit' | 'offset'>, after: { at: string; id: string } | null, limit: number): Promise<TransferListRow[]> {
  if (f.under.length === 0) return [];
  let q = withNames(db, f);
  if (after) q = q.where((eb) => eb.or([eb('point_transfers.at', '>', after.at), eb.and([eb('point_transfers.at', '=', after.at), eb('point_transfers.id', '>', after.id)])]));
  return (await q.orderBy('point_transfers.at').orderBy('point_transfers.id').limit(limit).execute()) as TransferListRow[];
}

/** A person's transfers in and out of their accounts, newest first. */
export async function transfersOfAccounts(db: Db, accountIds: string[], limit: number, offset: number) {
  if (accountIds.length === 0) return { rows: [] as TransferListRow[], total: 0 };
  const base = () => db.selectFrom('point_transfers').where((eb) => eb.or([eb('point_transfers.from_account_id', 'in', accountIds), eb('point_transfers.to_account_id', 'in', accountIds)]));
  const totalRow = await base().select(sql<string | number>`count(*)`.as('n')).executeTakeFirst();
  const rows = await base()
    .innerJoin('org_nodes', 'org_nodes.id', 'point_transfers.community_id')
    .leftJoin('residents', 'residents.id', 'point_transfers.resident_id')
    .leftJoin('merchants', 'merchants.id', 'point_transfers.merchant_id')
    .leftJoin('accounts', 'accounts.id', 'point_transfers.operator_account_id')
    .leftJoin('point_transfers as rev', 'rev.reverses_id', 'point_transfers.id')
    .selectAll('point_transfers')
    .select(['residents.name as resident_name', 'merchants.name as merchant_name', 'org_nodes.name as community_name', 'accounts.display_name as operator_name', 'rev.id as reversed_by'])
    .orderBy('point_transfers.at', 'desc')
    .orderBy('point_transfers.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return { rows: rows as TransferListRow[], total: Number(totalRow?.n ?? 0) };
}

export async function personAccounts(db: Db, residentId: string) {
  return db
    .selectFrom('point_accounts')
    .innerJoin('org_nodes', 'org_nodes.id', 'point_accounts.community_id')
    .selectAll('point_accounts')
    .select(['org_nodes.name as community_name', 'org_nodes.code as community_code'])
    .where('point_accounts.kind', '=', 'person')
    .where('point_accounts.owner_id', '=', residentId)
    .orderBy('point_accounts.created_at')
    .execute();
}

/** Sums of amounts by transfer kind within local days, for every community under `path`. */
export async function sumsByKind(db: Db, path: string, fromDay: string, toDay: string) {
  const rows = await db
    .selectFrom('point_transfers')
    .select(['kind', sql<string | number>`sum(amount)`.as('points'), sql<string | number>`count(*)`.as('n')])
    .where(underPath('path', path))
    .where('day', '>=', fromDay)
    .where('day', '<=', toDay)
    .groupBy('kind')
    .execute();
  return rows.map((r) => ({ kind: r.kind, points: Number(r.points), count: Number(r.n) }));
}

/** Points reversed within the days, by the kind of the transfer each reversal undid. */
export async function reversedByKind(db: Db, path: string, fromDay: string, toDay: string) {
  const rows = await db
    .selectFrom('point_transfers as r')
    .innerJoin('point_transfers as o', 'o.id', 'r.reverses_id')
    .select(['o.kind as kind', sql<string | number>`sum(r.amount)`.as('points')])
    .where(underPath('r.path', path))
    .where('r.day', '>=', fromDay)
    .where('r.day', '<=', toDay)
    .groupBy('o.kind')
    .execute();
  return rows.map((r) => ({ kind: r.kind, points: Number(r.points) }));
}

/**
 * Points residents held at the end of a day: everything that flowed into person accounts under `path` up
 * to then, less everything that flowed out.
 */
export async function personHoldingsAt(db: Db, path: string, toDay: string): Promise<number> {
  const row = await db
    .selectFrom('point_transfers')
    .innerJoin('point_accounts as f', 'f.id', 'point_transfers.from_account_id')
    .innerJoin('point_accounts as t', 't.id', 'point_transfers.to_account_id')
    .select([
      sql<string | number>`coalesce(sum(case when t.kind = 'person' then amount else 0 end), 0)`.as('inflow'),
      sql<string | number>`coalesce(sum(case when f.kind = 'person' then amount else 0 end), 0)`.as('outflow'),
    ])
    .where(underPath('point_transfers.path', path))
    .where('point_transfers.day', '<=', toDay)
    .executeTakeFirstOrThrow();
  return Number(row.inflow) - Number(row.outflow);
}

/** Person accounts of a community holding points, for the expiry pass. */
export async function personAccountsWithBalance(db: Db, communityId: string, afterId: string | null, limit: number) {
  let q = db.selectFrom('point_accounts').select(['id']).where('kind', '=', 'person').where('community_id', '=', communityId).where('balance', '>', 0);
  if (afterId) q = q.where('id', '>', afterId);
  return q.orderBy('id').limit(limit).execute();
}

/**
 * What FIFO expiry needs of one person account: points earned before the cutoff and never reversed, and
 * points consumed so far (redeemed or expired, less redemptions reversed back to the person).
 */
export async function expiryFigures(db: Db, accountId: string, cutoff: string): Promise<{ earnedBefore: number; consumed: number }> {
  const earned = await db
    .selectFrom('point_transfers as t')
    .select(sql<string | number>`coalesce(sum(t.amount), 0)`.as('points'))
    .where('t.to_account_id', '=', accountId)
    .where('t.kind', '=', 'earn')
    .where('t.at', '<', cutoff)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('point_transfers as r').select(sql`1`.as('one')).whereRef('r.reverses_id', '=', 't.id'))))
    .executeTakeFirstOrThrow();
  const spent = await db
    .selectFrom('point_transfers')
    .select(sql<string | number>`coalesce(sum(amount), 0)`.as('points'))
    .where('from_account_id', '=', accountId)
    .where('kind', 'in', ['redeem', 'expire'])
    .executeTakeFirstOrThrow();
  const refunded = await db
    .selectFrom('point_transfers as r')
    .innerJoin('point_transfers as o', 'o.id', 'r.reverses_id')
    .select(sql<string | number>`coalesce(sum(r.amount), 0)`.as('points'))
    .where('r.to_account_id', '=', accountId)
    .where('o.kind', '=', 'redeem')
    .executeTakeFirstOrThrow();
  return { earnedBefore: Number(earned.points), consumed: Number(spent.points) - Number(refunded.points) };
}

export async function communitiesWithExpiry(db: Db) {
  return db.selectFrom('point_settings').select(['community_id', 'path', 'expiry_months']).where('expiry_months', 'is not', null).execute();
}
