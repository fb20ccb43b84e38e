import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { type Database, openDatabase } from '../../src/server/db/database.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { type Fill, type Template, type TemplateKind, copySqlite, createPgDatabase, dropPgDatabase, pgTemplate, scratchRoot, sqliteTemplate, stamp } from './templates.ts';

/** Which store this run tests: `DB=sqlite` (default) or `DB=postgres`. */
export const STORE = (process.env.DB ?? 'sqlite') as 'sqlite' | 'postgres';
/** The PostgreSQL server's maintenance database; each store under test is a database of its own beside it. */
export const PG_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestStore {
  database: Database;
  url: string;
  /** Bearer tokens of the demo accounts' sessions, for a store made with the demo (empty otherwise). */
  tokens: Record<string, string>;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated store for one test file: a new SQLite file, or a new PostgreSQL database. With `demo`,
 * it also holds the demo community and a session per demo account. Either is copied from a template built
 * once (see templates.ts). `drop()` removes it.
 */
export async function freshStore(options: { demo?: Fill } = {}): Promise<TestStore> {
  const template = await templateOf(options.demo ? 'demo' : 'migrated', options.demo);
  if (STORE === 'postgres') {
    const name = `lx_t_${stamp()}_${randomBytes(6).toString('hex')}`;
    await createPgDatabase(PG_URL, name, template.source);
    const url = pgUrlOf(name);
    const database = openDatabase(url);
    return {
      database,
      url,
      tokens: template.tokens,
      async drop() {
        await database.close();
        await dropPgDatabase(PG_URL, name);
      },
    };
  }
  const dir = mkdtempSync(join(scratchRoot(), 'store-'));
  const file = join(dir, 'test.db');
  copySqlite(template, file);
  const url = `sqlite:${file}`;
  const database = openDatabase(url);
  return {
    database,
    url,
    tokens: template.tokens,
    async drop() {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The URL of a database of the test server. Its sessions commit without waiting for the log to reach the
 * disk: what they commit is visible at once all the same, and only a crash of the PostgreSQL server itself
 * (which no test causes) could lose it — while each wait costs milliseconds, many thousand times a run.
 */
function pgUrlOf(database: string): string {
  const url = new URL(PG_URL);
  url.pathname = `/${database}`;
  url.searchParams.set('options', '-c synchronous_commit=off');
  return url.toString();
}

function templateOf(kind: TemplateKind, fill?: Fill): Promise<Template> {
  // The demo starts from the migrated template, so it is built (or found) first.
  const base = kind === 'demo' ? () => templateOf('migrated') : undefined;
  if (STORE === 'postgres') {
    return pgTemplate(PG_URL, kind, async (name) => {
      await createPgDatabase(PG_URL, name, base ? (await base()).source : undefined);
      return fillStore(pgUrlOf(name), fill);
    });
  }
  return sqliteTemplate(kind, async (file) => {
    if (base) copySqlite(await base(), file);
    return fillStore(`sqlite:${file}`, fill, true);
  });
}

/** Migrates a store (a no-op on a copy of the migrated template) and fills it; leaves nobody connected. */
async function fillStore(url: string, fill: Fill | undefined, sqliteFile = false): Promise<Record<string, string>> {
  const database = openDatabase(url);
  try {
    await migrateToLatest(database);
    const tokens = fill ? await fill(database, url) : {};
    // A single file that copies cleanly: the write-ahead log folded in and switched off (each copy turns
    // it back on when opened, as a new store does).
    if (sqliteFile) await sql`pragma journal_mode = delete`.execute(database.db);
    return tokens;
  } finally {
    await database.close();
  }
}
