import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/tables.ts';
import { COHORT_COUNTERS, FOLLOW_UP_COUNTERS } from './figures.ts';

export type Db = Kysely<DB>;

/** Every counter the roll-ups keep, each a column of `case_rollups`. */
const ROLLUP_COUNTERS = [...COHORT_COUNTERS, ...FOLLOW_UP_COUNTERS] as const;
type RollupCounter = (typeof ROLLUP_COUNTERS)[number];
const isCounter = (name: string): name is RollupCounter => (ROLLUP_COUNTERS as readonly string[]).includes(name);

/** The dimensions one roll-up row is kept under. */
export interface StatKey {
  /** The org path the case hangs on: a row is kept for every node on it. */
  path: string;
  day: string;
  kind: string;
  category: string | null;
  channel: string;
}

/**
 * Adds `delta` to the counters of every ancestor node of `key.path` in one statement, in the caller's
 * transaction (roll-ups change together with the event that moves them).
 */
export async function addToStats(db: Db, key: StatKey, delta: Partial<Record<string, number>>): Promise<void> {
  const moved = Object.entries(delta).filter(([, v]) => v !== 0 && v !== undefined) as [string, number][];
  if (moved.length === 0) return;
  for (const [name] of moved) if (!isCounter(name)) throw new Error(`not a roll-up counter: ${name}`);
  const values = Object.fromEntries(moved);
  const rows = key.path
    .split('/')
    .filter(Boolean)
    .map((node_id) => ({ node_id, day: key.day, kind: key.kind, category: key.category ?? '', channel: key.channel, ...values }));
  const set = Object.fromEntries(moved.map(([name]) => [name, sql<number>`case_rollups.${sql.ref(name)} + excluded.${sql.ref(name)}`]));
  await db
    .insertInto('case_rollups')
    .values(rows)
    .onConflict((oc) => oc.columns(['node_id', 'day', 'kind', 'category', 'channel']).doUpdateSet(set))
    .execute();
}

export interface StatsFilter {
  nodeId: string;
  from: string;
  to: string;
  kind?: string;
  category?: string;
  channel?: string;
}

export interface CounterSum {
  metric: RollupCounter;
  total: number;
  dim: string | null;
}

const sumsOfEveryCounter = () => ROLLUP_COUNTERS.map((c) => sql<number>`sum(${sql.ref(c)})`.as(c));

/** One grouped row of sums, as a counter-per-entry list (counters that sum to zero are left out). */
function unpivot(row: Record<string, unknown>, dim: string | null): CounterSum[] {
  const out: CounterSum[] = [];
  for (const metric of ROLLUP_COUNTERS) {
    const total = Number(row[metric] ?? 0);
    if (total !== 0) out.push({ metric, total, dim });
  }
  return out;
}

/** Sums of every counter for one node and a range of local days, optionally broken down by one dimension. */
export async function sumStats(db: Db, f: StatsFilter, by?: 'category' | 'channel' | 'kind' | 'day'): Promise<CounterSum[]> {
  let q = db
    .selectFrom('case_rollups')
    .where('node_id', '=', f.nodeId)
    .where('day', '>=', f.from)
    .where('day', '<=', f.to);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.category) q = f.category.length === 2 ? q.where('category', 'like', `${f.category}%`) : q.where('category', '=', f.category);
  if (f.channel) q = q.where('channel', '=', f.channel);
  if (!by) return unpivot((await q.select(sumsOfEveryCounter()).executeTakeFirst()) ?? {}, null);
  const rows = await q
    .select([sql.ref(by).as('dim') as any, ...sumsOfEveryCounter()])
    .groupBy(by)
    .execute();
  return rows.flatMap((r: any) => unpivot(r, String(r.dim)));
}

/** Counter sums for several nodes and a range of local days, in one grouped read. */
export async function sumStatsByNode(db: Db, nodeIds: string[], from: string, to: string): Promise<{ nodeId: string; metric: RollupCounter; total: number }[]> {
  if (nodeIds.length === 0) return [];
  const rows = await db
    .selectFrom('case_rollups')
    .select(['node_id', ...sumsOfEveryCounter()])
    .where('node_id', 'in', nodeIds)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .groupBy('node_id')
    .execute();
  return rows.flatMap((r) => unpivot(r as Record<string, unknown>, null).map(({ metric, total }) => ({ nodeId: r.node_id, metric, total })));
}
