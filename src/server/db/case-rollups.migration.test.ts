import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { freshStore } from '../../../test/support/store.ts';
import type { Database } from './database.ts';
import { up } from './migrations/0007_case_rollups.ts';

describe('migration 0007: narrow roll-up rows become one wide row per key', () => {
  let store: Awaited<ReturnType<typeof freshStore>>;
  let database: Database;

  before(async () => {
    store = await freshStore();
    database = store.database;
    // Back to the table as 0002 left it, holding counters a store of that time would have.
    await database.db.schema.dropTable('case_rollups').execute();
    await sql`create table case_stats (node_id text not null, day text not null, metric text not null, kind text not null, category text not null, channel text not null, value double precision not null, primary key (node_id, day, metric, kind, category, channel))`.execute(database.db);
    const row = (node_id: string, day: string, metric: string, value: number, channel = 'app') => ({ node_id, day, metric, kind: 'demand', category: '0101', channel, value });
    await database.db
      .insertInto('case_stats' as any)
      .values([row('d', '2026-05-01', 'received', 3), row('d', '2026-05-01', 'resolved', 2), row('d', '2026-05-01', 'handling_hours', 7.5), row('d', '2026-05-01', 'satisfied', 1), row('d', '2026-05-01', 'received', 1, 'patrol'), row('g', '2026-05-02', 'overdue', 0)])
      .execute();
    await up(database.db, database.store);
  });
  after(() => store.drop());

  test('every counter lands in its column under its key; the narrow table is gone', async () => {
    const rows = await database.db.selectFrom('case_rollups').selectAll().orderBy('node_id').orderBy('channel').execute();
    assert.equal(rows.length, 3);
    const [app, patrol, grid] = rows;
    assert.deepEqual([app!.received, app!.resolved, app!.handling_hours, app!.satisfied, app!.closed], [3, 2, 7.5, 1, 0]);
    assert.equal(patrol!.received, 1);
    assert.equal(patrol!.channel, 'patrol');
    assert.equal(grid!.overdue, 0, 'a key whose counters went back to zero keeps its row');
    await assert.rejects(sql`select count(*) from case_stats`.execute(database.db));
  });
});
