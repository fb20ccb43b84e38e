import { type Kysely, sql } from 'kysely';
import type { StoreKind } from '../database.ts';

// The counters as they stood when this migration was written (figures.ts may add more in later migrations).
const COUNTERS = [
  'received',
  'proactive',
  'merged',
  'rejected',
  'repeat',
  'accepted',
  'accepted_on_time',
  'resolved',
  'resolved_on_time',
  'suspended',
  'closed',
  'closed_in_grid',
  'overdue',
  'reworked',
  'handling_hours',
  'follow_ups',
  'valid_follow_ups',
  'contacted_in_time',
  'solved',
  'satisfied',
  'basically_satisfied',
  'dissatisfied',
] as const;

/**
 * The KPI roll-ups as one row per node, day, kind, category and channel with a column per counter, in place
 * of one row per counter. `npm run bench` showed the narrow table was 70% of a store (1.4 GB of 2 GB at
 * 100,000 cases, three B-trees of 5 million rows each) and that each report wrote some fifty index entries:
 * a case touches about ten counters on each of its five ancestor nodes. Wide rows cut that to five, and on
 * SQLite the table is clustered on its key (WITHOUT ROWID), so a node's range of days is one contiguous read
 * without a covering index. Existing counters are carried over. Frozen.
 */
export async function up(db: Kysely<any>, store: StoreKind): Promise<void> {
  const double = sql`double precision`;
  let table = db.schema
    .createTable('case_rollups')
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull());
  for (const counter of COUNTERS) table = table.addColumn(counter, double, (c) => c.notNull().defaultTo(0));
  table = table.addPrimaryKeyConstraint('case_rollups_pk', ['node_id', 'day', 'kind', 'category', 'channel']);
  await (store === 'sqlite' ? table.modifyEnd(sql`without rowid`) : table).execute();

  const columns = sql.join(COUNTERS.map((c) => sql.ref(c)));
  const sums = sql.join(COUNTERS.map((c) => sql`coalesce(sum(case when metric = ${c} then value end), 0)`));
  await sql`
    insert into case_rollups (node_id, day, kind, category, channel, ${columns})
    select node_id, day, kind, category, channel, ${sums}
    from case_stats
    group by node_id, day, kind, category, channel
  `.execute(db);
  await db.schema.dropTable('case_stats').execute();
}
