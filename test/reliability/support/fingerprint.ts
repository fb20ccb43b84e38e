import { sql } from 'kysely';
import type { TestApp } from '../../support/app.ts';

/**
 * A cheap summary of everything the store holds: each table's row count and, where the table has one, its
 * latest `updated_at`. One query per call, so it can run after every request: a refused request must leave
 * it unchanged. (An update that keeps the row count and touches no `updated_at` would slip through; the
 * tables without that column are append-only logs, where a write shows in the count.)
 */
export async function fingerprinter(t: TestApp): Promise<() => Promise<string>> {
  // On PostgreSQL the introspection lists every schema of the shared test database; keep this store's own.
  const schema = t.ctx.database.store === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(t.db)).rows[0]!.s : undefined;
  const tables = (await t.db.introspection.getTables())
    .filter((tb) => !tb.isView && !tb.name.startsWith('kysely_') && (schema === undefined || tb.schema === schema));
  const parts = tables.map((tb) => {
    const hasUpdated = tb.columns.some((c) => c.name === 'updated_at');
    const name = sql.id(tb.name);
    return hasUpdated
      ? sql`(select count(*) || ':' || coalesce(max(updated_at), '') from ${name})`
      : sql`(select count(*) || '' from ${name})`;
  });
  const query = sql<{ fp: string }>`select ${sql.join(parts, sql` || '|' || `)} as fp`;
  const names = tables.map((tb) => tb.name);
  return async () => {
    const row = (await query.execute(t.db)).rows[0]!;
    return names.map((n, i) => `${n}=${String(row.fp).split('|')[i]}`).join(' ');
  };
}
