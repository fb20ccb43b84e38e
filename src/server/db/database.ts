import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { GroupCommit } from './group-commit.ts';
import { withStatementCache } from './statement-cache.ts';
import type { DB } from './tables.ts';

export type StoreKind = 'sqlite' | 'postgres';

/** An open store: the typed query builder and which dialect is behind it. */
export interface Database {
  db: Kysely<DB>;
  store: StoreKind;
  url: string;
  /**
   * Runs a unit of work in a transaction and resolves once it is durably committed. On SQLite concurrent
   * units share one commit (group commit, see group-commit.ts); on PostgreSQL each is its own transaction.
   */
  write<T>(fn: (db: Kysely<DB>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The default embedded store, relative to the working directory. */
export const DEFAULT_DATABASE_URL = 'sqlite:./data/lianxin.db';

/** Opens `sqlite:PATH` (or `sqlite::memory:`) or `postgres://...`. */
export function openDatabase(url: string = DEFAULT_DATABASE_URL): Database {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return openPostgres(url);
  if (url.startsWith('sqlite:')) return openSqlite(url);
  throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got "${url}")`);
}

function openSqlite(url: string): Database {
  const file = url.slice('sqlite:'.length) || DEFAULT_DATABASE_URL.slice('sqlite:'.length);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL with synchronous=FULL: an acknowledged write is on disk before we answer.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  const group = new GroupCommit(db);
  return {
    db,
    store: 'sqlite',
    url,
    write: (fn) => group.run(fn),
    async close() {
      await group.idle();
      await db.destroy();
    },
  };
}

function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.PG_POOL_SIZE ?? 10) });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, store: 'postgres', url, write: (fn) => db.transaction().execute(fn), close: () => db.destroy() };
}
