import { type Kysely, sql } from 'kysely';
import { underAnyPath } from '../../db/paths.ts';
import type { CaseState, DB, OrderRatingsTable, ServiceOrdersTable } from '../../db/tables.ts';
import type { CaseRow } from '../cases/cases.repository.ts';

export type Db = Kysely<DB>;
export type ServiceOrderRow = Omit<ServiceOrdersTable, 'points'> & { points: number };
export type RatingRow = OrderRatingsTable;

/** A service order: its case and its own record. */
export interface OrderRow {
  case: CaseRow;
  order: ServiceOrderRow;
}

const OPEN_STATES: CaseState[] = ['dispatched', 'in_progress', 'suspended'];

export async function insertOrder(db: Db, row: ServiceOrderRow): Promise<void> {
  await db.insertInto('service_orders').values(row).execute();
}

export async function updateOrder(db: Db, caseId: string, patch: Partial<Omit<ServiceOrderRow, 'case_id' | 'created_at'>>): Promise<void> {
  await db.updateTable('service_orders').set(patch).where('case_id', '=', caseId).execute();
}

export async function findOrder(db: Db, caseId: string): Promise<ServiceOrderRow | undefined> {
  return db.selectFrom('service_orders').selectAll().where('case_id', '=', caseId).executeTakeFirst();
}

/** Open orders (dispatched, being served or paused) per talent: the matching's "recent load". */
export async function openLoads(db: Db, talentIds: readonly string[]): Promise<Map<string, number>> {
  if (talentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('service_orders')
    .innerJoin('cases', 'cases.id', 'service_orders.case_id')
    .select(['service_orders.talent_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('service_orders.talent_id', 'in', [...talentIds])
    .where('cases.state', 'in', OPEN_STATES)
    .groupBy('service_orders.talent_id')
    .execute();
  return new Map(rows.map((r) => [r.talent_id!, Number(r.n)]));
}

export interface OrderFilter {
  /** Path prefixes the caller reaches. */
  paths: string[];
  states?: CaseState[];
  skill?: string;
  /** Community path prefix. */
  under?: string;
  /** Reported from / before these instants. */
  from?: string;
  before?: string;
  limit: number;
  offset: number;
}

async function withCases(db: Db, orders: ServiceOrderRow[]): Promise<OrderRow[]> {
  if (orders.length === 0) return [];
  const cases = await db.selectFrom('cases').selectAll().where('id', 'in', orders.map((o) => o.case_id)).execute();
  const byId = new Map(cases.map((c) => [c.id, c as CaseRow]));
  return orders.map((order) => ({ case: byId.get(order.case_id)!, order }));
}

/** Orders under the caller's reach, those waiting for dispatch first, oldest first (a queue), with the total. */
export async function listOrders(db: Db, f: OrderFilter): Promise<{ rows: OrderRow[]; total: number }> {
  let q = db.selectFrom('service_orders').innerJoin('cases', 'cases.id', 'service_orders.case_id').where(underAnyPath('service_orders.path', f.paths));
  if (f.states?.length) q = q.where('cases.state', 'in', f.states);
  if (f.skill) q = q.where('service_orders.skill', '=', f.skill);
  if (f.under) q = q.where(underAnyPath('service_orders.path', [f.under]));
  if (f.from) q = q.where('cases.reported_at', '>=', f.from);
  if (f.before) q = q.where('cases.reported_at', '<', f.before);
  const [{ n }] = await q.select((eb) => eb.fn.countAll<number>().as('n')).execute() as [{ n: number }];
  const orders = await q.selectAll('service_orders').orderBy(sql`case when cases.state = 'new' then 0 else 1 end`).orderBy('cases.reported_at').orderBy('cases.id').limit(f.limit).offset(f.offset).execute();
  return { rows: await withCases(db, orders), total: Number(n) };
}

/** Orders a resident asked for (themselves in the app, or staff for them), newest first. */
export async function ordersOfRequester(db: Db, residentId: string, limit = 50): Promise<OrderRow[]> {
  const orders = await db.selectFrom('service_orders').innerJoin('cases', 'cases.id', 'service_orders.case_id').selectAll('service_orders')
    .where('service_orders.requester_resident_id', '=', residentId).orderBy('cases.reported_at', 'desc').limit(limit).execute();
  return withCases(db, orders);
}

/** Orders dispatched to a talent, open ones first, then newest first. */
export async function ordersOfTalent(db: Db, talentId: string, limit = 50): Promise<OrderRow[]> {
  const orders = await db.selectFrom('service_orders').innerJoin('cases', 'cases.id', 'service_orders.case_id').selectAll('service_orders')
    .where('service_orders.talent_id', '=', talentId)
    .orderBy(sql`case when cases.state in ('dispatched', 'in_progress', 'suspended') then 0 else 1 end`)
    .orderBy('cases.reported_at', 'desc').limit(limit).execute();
  return withCases(db, orders);
}

export async function ratingsOf(db: Db, caseIds: string[]): Promise<RatingRow[]> {
  if (caseIds.length === 0) return [];
  return db.selectFrom('order_ratings').selectAll().where('case_id', 'in', caseIds).execute();
}

export async function insertRating(db: Db, row: RatingRow): Promise<void> {
  await db.insertInto('order_ratings').values(row).execute();
}

/** What a talent's verified services add up to: count, hours and points paid. */
export async function serviceTotals(db: Db, talentId: string) {
  const row = await db
    .selectFrom('service_orders')
    .select([(eb) => eb.fn.countAll<number>().as('n'), sql<number | null>`sum(hours)`.as('hours'), sql<number | null>`sum(points)`.as('points')])
    .where('talent_id', '=', talentId)
    .where('verified_at', 'is not', null)
    .executeTakeFirstOrThrow();
  return { services: Number(row.n), hours: Number(row.hours ?? 0), points: Number(row.points ?? 0) };
}

/** A talent's verified services, newest first. */
export async function verifiedOrdersOf(db: Db, talentId: string, limit = 200): Promise<OrderRow[]> {
  const orders = await db.selectFrom('service_orders').selectAll().where('talent_id', '=', talentId).where('verified_at', 'is not', null).orderBy('verified_at', 'desc').limit(limit).execute();
  return withCases(db, orders);
}
