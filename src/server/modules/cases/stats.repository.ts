import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/tables.ts';

export type Db = Kysely<DB>;

/** The dimensions one counter row is kept under. */
export interface StatKey {
  /** The org path the case hangs on: a counter is kept for every node on it. */
  path: string;
  day: string;
  kind: string;
  category: string | null;
  channel: string;
}

/**
 * Adds `delta` to counters for every ancestor node of `key.path` in one statement per metric, in the
 * caller's transaction (roll-ups change together with the event that moves them).
 */
export async function addToStats(db: Db, key: StatKey, delta: Record<string, number>): Promise<void> {
  const nodes = key.path.split('/').filter(Boolean);
  const rows = Object.entries(delta)
    .filter(([, v]) => v !== 0)
    .flatMap(([metric, value]) => nodes.map((node_id) => ({ node_id, day: key.day, metric, kind: key.kind, category: key.category ?? '', channel: key.channel, value })));
  if (rows.length === 0) return;
  await db
    .insertInto('case_stats')
    .values(rows)
    .onConflict((oc) => oc.columns(['node_id', 'day', 'metric', 'kind', 'category', 'channel']).doUpdateSet({ value: sql<number>`case_stats.value + excluded.value` }))
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

/** Sums of every counter for one node and a range of local days, optionally broken down by one dimension. */
export async function sumStats(db: Db, f: StatsFilter, by?: 'category' | 'channel' | 'kind' | 'day') {
  let q = db
    .selectFrom('case_stats')
    .where('node_id', '=', f.nodeId)
    .where('day', '>=', f.from)
    .where('day', '<=', f.to);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.category) q = f.category.length === 2 ? q.where('category', 'like', `${f.category}%`) : q.where('category', '=', f.category);
  if (f.channel) q = q.where('channel', '=', f.channel);
  const rows = await q
    .select(['metric', sql<number>`sum(value)`.as('total'), ...(by ? [sql.ref(by).as('dim') as any] : [])])
    .groupBy(by ? ['metric', by] : ['metric'])
    .execute();
  return rows.map((r: any) => ({ metric: r.metric as string, total: Number(r.total), dim: by ? String(r.dim) : null }));
}
