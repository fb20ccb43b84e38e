/**
 * Where the benchmark's data lives and how it is written: the data folder, fresh migrated stores, a bulk
 * writer for both dialects (long transactions over prepared statements on SQLite, multi-row `unnest`
 * statements on PostgreSQL), and the `lianxin_bench` PostgreSQL database whose schemas hold the
 * PostgreSQL stores.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import type { Insertable } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../../src/server/db/database.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import type { DB } from '../../src/server/db/tables.ts';

/** The account the measurements sign in with: an admin at the city's district. */
export const BENCH_ADMIN = { username: 'bench-admin', password: 'bench-admin-password-2026' };

/** Generated stores and files; nothing goes into the repository. */
export const DATA_DIR = process.env.BENCH_DATA_DIR ?? '/tmp/lianxin-bench';

/** PostgreSQL as an administrator; the benchmark's own database is created beside `postgres`. */
export const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const PG_BENCH_DB = 'lianxin_bench';

/** A path in the data folder (created on first use). */
export function dataPath(name: string): string {
  mkdirSync(DATA_DIR, { recursive: true });
  return join(DATA_DIR, name);
}

/** Removes a SQLite file with its WAL and shared-memory files. */
export function removeSqlite(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}

/** A new, empty SQLite store at `path` (anything there before is removed), migrated to the latest schema; its URL. */
export async function freshSqlite(path: string): Promise<string> {
  removeSqlite(path);
  const url = `sqlite:${path}`;
  const database = openDatabase(url);
  try {
    await migrateToLatest(database);
  } finally {
    await database.close();
  }
  return url;
}

/** The bench database's URL with `search_path` set to `schema` (how the server is pointed at one store). */
export function pgSchemaUrl(schema: string): string {
  const base = PG_ADMIN_URL.replace(/\/[^/?]*(\?.*)?$/, `/${PG_BENCH_DB}`);
  return `${base}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

let pgUp: Promise<boolean> | null = null;

/** Whether PostgreSQL answers at PG_ADMIN_URL (asked once per process). */
export function isPostgresUp(): Promise<boolean> {
  pgUp ??= (async () => {
    const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return pgUp;
}

let benchDbReady: Promise<void> | null = null;

/** Creates the `lianxin_bench` database unless it exists. */
function ensureBenchDb(): Promise<void> {
  benchDbReady ??= (async () => {
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    try {
      const found = await admin.query('select 1 from pg_database where datname = $1', [PG_BENCH_DB]);
      if (!found.rowCount) {
        try {
          await admin.query(`create database ${PG_BENCH_DB}`);
        } catch (err) {
          // Another process created it meanwhile.
          if ((err as { code?: string }).code !== '42P04') throw err;
        }
      }
    } finally {
      await admin.end();
    }
  })();
  return benchDbReady;
}

/** Runs `fn` with a client connected to the `lianxin_bench` database (created on first use). */
export async function withBenchPg<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  await ensureBenchDb();
  const client = new pg.Client({ connectionString: pgSchemaUrl('public') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, migrated PostgreSQL store: the schema `schema` of `lianxin_bench`, dropped and created again.
 * Returns its URL.
 */
export async function freshPgSchema(schema: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`not a plain schema name: ${schema}`);
  await withBenchPg(async (c) => {
    await c.query(`drop schema if exists ${schema} cascade`);
    await c.query(`create schema ${schema}`);
  });
  const url = pgSchemaUrl(schema);
  const database = openDatabase(url);
  try {
    await migrateToLatest(database);
  } finally {
    await database.close();
  }
  return url;
}

type Row<T extends keyof DB> = Insertable<DB[T]>;

/** Writes many rows fast into a store that nothing else is using. */
export interface BulkWriter {
  /** Inserts rows (all with the same columns) into `table`, in one transaction or a few multi-row statements. */
  insert<T extends keyof DB>(table: T, rows: Row<T>[]): Promise<void>;
  /** Runs SQL as it is (e.g. `analyze`). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** A bulk writer for `sqlite:PATH` or a `postgres://` URL. */
export async function bulkWriter(url: string): Promise<BulkWriter> {
  if (url.startsWith('sqlite:')) return sqliteWriter(url.slice('sqlite:'.length));
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return pgWriter(url);
  throw new Error(`bulkWriter: unsupported store ${url}`);
}

/**
 * SQLite: one connection of its own without a journal and without syncing (a failed build is thrown away,
 * never used), a large page cache, and one prepared statement per table run row by row in long
 * transactions. Closing returns the file to WAL mode, as the server opens it.
 */
function sqliteWriter(path: string): BulkWriter {
  const db = new SQLite(path);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  db.pragma('temp_store = MEMORY');
  db.pragma('locking_mode = EXCLUSIVE');
  const statements = new Map<string, { columns: string[]; stmt: SQLite.Statement }>();
  const statementFor = (table: string, columns: string[]) => {
    const key = `${table}(${columns.join(',')})`;
    let s = statements.get(key);
    if (!s) {
      s = { columns, stmt: db.prepare(`insert into ${table} (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`) };
      statements.set(key, s);
    }
    return s;
  };
  // One transaction over many calls: every commit writes out every dirty page (the roll-up indexes are
  // touched all over), so committing per call would write the file many times over.
  let open = false;
  let sinceCommit = 0;
  const commit = () => {
    if (open) db.exec('commit');
    open = false;
    sinceCommit = 0;
  };
  return {
    async insert(table, rows) {
      if (rows.length === 0) return;
      const columns = Object.keys(rows[0]!);
      const { stmt } = statementFor(table, columns);
      const values = new Array<unknown>(columns.length);
      if (!open) db.exec('begin');
      open = true;
      for (const row of rows as Record<string, unknown>[]) {
        for (let i = 0; i < columns.length; i++) values[i] = row[columns[i]!] ?? null;
        stmt.run(values);
      }
      sinceCommit += rows.length;
      if (sinceCommit >= 5_000_000) commit();
    },
    async exec(sql) {
      commit();
      db.exec(sql);
    },
    async close() {
      commit();
      db.pragma('locking_mode = NORMAL');
      db.pragma('journal_mode = WAL');
      db.close();
    },
  };
}

const PG_ARRAY_TYPES: Record<string, string> = { text: 'text[]', integer: 'int4[]', bigint: 'int8[]', 'double precision': 'float8[]', real: 'float4[]', boolean: 'bool[]' };
const PG_CHUNK = 5000;

/** PostgreSQL: one client; each chunk of rows is one `insert … select * from unnest($1::text[], …)` statement. */
async function pgWriter(url: string): Promise<BulkWriter> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('set synchronous_commit = off');
  const types = new Map<string, Map<string, string>>();
  const columnTypes = async (table: string) => {
    let t = types.get(table);
    if (!t) {
      const res = await client.query<{ column_name: string; data_type: string }>('select column_name, data_type from information_schema.columns where table_schema = current_schema() and table_name = $1', [table]);
      if (res.rowCount === 0) throw new Error(`bulkWriter: no table ${table} in the current schema`);
      t = new Map(res.rows.map((r) => [r.column_name, PG_ARRAY_TYPES[r.data_type] ?? 'text[]']));
      types.set(table, t);
    }
    return t;
  };
  return {
    async insert(table, rows) {
      if (rows.length === 0) return;
      const columns = Object.keys(rows[0]!);
      const t = await columnTypes(table);
      const casts = columns.map((c, i) => {
        const type = t.get(c);
        if (!type) throw new Error(`bulkWriter: ${table} has no column ${c}`);
        return `$${i + 1}::${type}`;
      });
      const text = `insert into ${table} (${columns.map((c) => `"${c}"`).join(', ')}) select * from unnest(${casts.join(', ')})`;
      await client.query('begin');
      try {
        for (let start = 0; start < rows.length; start += PG_CHUNK) {
          const chunk = (rows as Record<string, unknown>[]).slice(start, start + PG_CHUNK);
          await client.query(text, columns.map((c) => chunk.map((r) => r[c] ?? null)));
        }
        await client.query('commit');
      } catch (err) {
        await client.query('rollback').catch(() => {});
        throw err;
      }
    },
    async exec(sql) {
      await client.query(sql);
    },
    async close() {
      await client.end();
    },
  };
}
