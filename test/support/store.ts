import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/server/db/database.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';

/** Which store this run tests: `DB=sqlite` (default) or `DB=postgres`. */
export const STORE = (process.env.DB ?? 'sqlite') as 'sqlite' | 'postgres';
export const PG_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * A fresh, migrated, empty store for one test file: a new SQLite file, or a new PostgreSQL schema in the
 * `test` database. `drop()` removes it.
 */
export async function freshStore(): Promise<{ database: Database; url: string; drop(): Promise<void> }> {
  if (STORE === 'postgres') {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const url = `${PG_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    const database = openDatabase(url);
    await migrateWithRetry(database);
    return {
      database,
      url,
      async drop() {
        await database.close();
        const c = new pg.Client({ connectionString: PG_URL });
        await c.connect();
        await c.query(`drop schema ${schema} cascade`);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'lianxin-test-'));
  const url = `sqlite:${join(dir, 'test.db')}`;
  const database = openDatabase(url);
  await migrateToLatest(database);
  return {
    database,
    url,
    async drop() {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Kysely's migrator looks for its own tables through an introspection of every schema in the database;
 * when another test run drops its schema at that moment, PostgreSQL answers "schema does not exist".
 * Only tests share one database between runs, so only they retry.
 */
async function migrateWithRetry(database: Database): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await migrateToLatest(database);
      return;
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (attempt >= 5 || (code !== '3F000' && code !== '42P01')) throw err;
      await new Promise((r) => setTimeout(r, 50 * attempt));
    }
  }
}
