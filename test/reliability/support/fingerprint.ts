import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import type { TestApp } from '../../support/app.ts';

/**
 * A token that changes whenever anything is written to the store and committed: an insert, update or delete
 * in any table (or a truncate on PostgreSQL), whether or not it changes a row count. A write that is rolled
 * back leaves it as it was. It costs one tiny query, so it can run after every request: a refused request
 * must leave it unchanged.
 *
 * SQLite: `PRAGMA data_version` read on a second connection changes whenever another connection (the app's)
 * commits a change to the file — any table, the full-text index included.
 * PostgreSQL: a row trigger on every table notes each written row in a log table of its own; rolled-back
 * notes vanish with their transaction, committed ones add to the count.
 */
export async function fingerprinter(t: TestApp): Promise<() => Promise<string>> {
  return t.ctx.database.store === 'postgres' ? await writeLog(t) : dataVersion(t);
}

function dataVersion(t: TestApp): () => Promise<string> {
  const watcher = new SQLite(t.ctx.database.url.slice('sqlite:'.length), { readonly: true, fileMustExist: true });
  t.onClose(() => watcher.close());
  const version = watcher.prepare('pragma data_version').pluck();
  return async () => String(version.get());
}

const LOG = 'lianxin_test_writes';

async function writeLog(t: TestApp): Promise<() => Promise<string>> {
  const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(t.db)).rows[0]!.s;
  const tables = (await t.db.introspection.getTables({ withInternalKyselyTables: true }))
    .filter((tb) => !tb.isView && tb.schema === schema && tb.name !== LOG);
  await t.db.transaction().execute(async (trx) => {
    await sql`create table ${sql.id(LOG)} (id bigserial primary key)`.execute(trx);
    await sql.raw(`create function lianxin_test_note_write() returns trigger language plpgsql as $$ begin insert into ${LOG} default values; return null; end $$`).execute(trx);
    for (const tb of tables) {
      await sql`create trigger lianxin_test_rows after insert or update or delete on ${sql.id(tb.name)} for each row execute function lianxin_test_note_write()`.execute(trx);
      await sql`create trigger lianxin_test_truncate after truncate on ${sql.id(tb.name)} for each statement execute function lianxin_test_note_write()`.execute(trx);
    }
  });
  const count = sql<{ n: string }>`select count(*) as n from ${sql.id(LOG)}`;
  return async () => String((await count.execute(t.db)).rows[0]!.n);
}
