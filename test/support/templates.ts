import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Database } from '../../src/server/db/database.ts';

/**
 * Migrating a store takes about a second on PostgreSQL and loading the demo two to four more, in every test
 * file. A template is built once (per store, source tree and local hour) and each file gets a copy: a file
 * copy on SQLite, `create database … template …` on PostgreSQL. The copy is the same store the file would
 * have built itself, so no test sees a difference.
 */
export type TemplateKind = 'migrated' | 'demo';

/** A database the copies start from, and the sessions of the demo accounts it holds (demo only). */
export interface Template {
  /** SQLite: the template file. PostgreSQL: the template database's name. */
  source: string;
  tokens: Record<string, string>;
}

/** How a template is filled once its migrated copy is open: the demo loads itself and signs its accounts in. */
export type Fill = (database: Database, url: string) => Promise<Record<string, string>>;

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// Everything a template's content can depend on: the server (migrations, demo, services), the taxonomy it
// reads, and this support code.
const SOURCES = ['src/server', 'taxonomy', 'test/support'];
// Templates are stamped with the local hour they were built in (the demo is laid out around "today" and
// "now"); one, or a test's own store, left from three hours ago or more belongs to no run still going.
const STALE_MS = 3 * 3_600_000;

/**
 * Where the SQLite stores of the tests live (`LIANXIN_TEST_TMP`, or memory-backed when the machine has
 * room there, which spares the fsyncs of every commit; the temporary folder otherwise).
 */
export function scratchRoot(): string {
  const dir = join(process.env.LIANXIN_TEST_TMP ?? (roomyShm() ? '/dev/shm' : tmpdir()), `lianxin-test-${process.getuid?.() ?? 'user'}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

function roomyShm(): boolean {
  try {
    const fs = statfsSync('/dev/shm');
    return fs.bavail * fs.bsize >= 1024 ** 3;
  } catch {
    return false;
  }
}

let sourceHash: string | undefined;

function hashSources(): string {
  if (sourceHash) return sourceHash;
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (!name.endsWith('.test.ts')) h.update(relative(ROOT, p)).update('\0').update(readFileSync(p)).update('\0');
    }
  };
  for (const s of SOURCES) walk(join(ROOT, s));
  h.update(process.env.TZ ?? '');
  sourceHash = h.digest('hex').slice(0, 16);
  return sourceHash;
}

function hourStamp(at: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}${get('month')}${get('day')}${get('hour')}`;
}

/** The local hour now, which names templates and test databases: `yyyymmddhh`. */
export function stamp(): string {
  return hourStamp(new Date());
}

const staleBefore = () => hourStamp(new Date(Date.now() - STALE_MS));

function templateName(kind: TemplateKind): string {
  return `lx_tpl_${kind}_${stamp()}_${hashSources()}`;
}

// ---- SQLite

/**
 * The SQLite template of a kind, built by the first process that needs it; others wait on a lock file.
 * `build(file)` fills a new store at `file` and returns the demo's tokens.
 */
export async function sqliteTemplate(kind: TemplateKind, build: (file: string) => Promise<Record<string, string>>): Promise<Template> {
  const dir = join(scratchRoot(), 'templates');
  mkdirSync(dir, { recursive: true });
  const name = templateName(kind);
  const file = join(dir, `${name}.db`);
  const tokensFile = join(dir, `${name}.json`);
  const ready = () => existsSync(file) && existsSync(tokensFile);
  if (!ready()) {
    await withLockFile(join(dir, `${name}.lock`), async () => {
      if (ready()) return;
      pruneFiles(dir);
      const building = join(dir, `${name}.${process.pid}.building`);
      rmSync(building, { force: true });
      const tokens = await build(building);
      // Readers take the store only when both files are there; the database goes last.
      writeFileSync(tokensFile, JSON.stringify(tokens));
      renameSync(building, file);
    });
  }
  return { source: file, tokens: JSON.parse(readFileSync(tokensFile, 'utf8')) };
}

/** A private copy of a SQLite template. */
export function copySqlite(template: Template, target: string): void {
  copyFileSync(template.source, target);
}

async function withLockFile<T>(lock: string, fn: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx'));
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      // A builder that died leaves its lock behind; no build takes anywhere near this long.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { force: true });
      } catch {
        // Removed by its owner meanwhile: try again.
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { force: true });
  }
}

/** Removes templates and test stores left from earlier runs (a killed run never drops its own). */
function pruneFiles(dir: string): void {
  const root = scratchRoot();
  const old = [...readdirSync(dir).map((n) => join(dir, n)), ...readdirSync(root).filter((n) => n.startsWith('store-')).map((n) => join(root, n))];
  for (const p of old) {
    try {
      if (Date.now() - statSync(p).mtimeMs > STALE_MS) rmSync(p, { recursive: true, force: true });
    } catch {
      // Gone already.
    }
  }
}

// ---- PostgreSQL

/**
 * The PostgreSQL template of a kind: a database built once under an advisory lock (so concurrent test files
 * wait for one builder), under a temporary name that becomes the real one only when complete.
 * `build(database)` fills it through `url` and returns the demo's tokens.
 */
export async function pgTemplate(adminUrl: string, kind: TemplateKind, build: (database: string) => Promise<Record<string, string>>): Promise<Template> {
  const name = templateName(kind);
  const tokensFile = join(scratchRoot(), 'templates', `${name}.postgres.json`);
  mkdirSync(dirname(tokensFile), { recursive: true });
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = async () => (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1 && existsSync(tokensFile);
    if (!(await exists())) {
      await admin.query('select pg_advisory_lock(hashtext($1))', [name]);
      try {
        if (!(await exists())) {
          await pruneDatabases(admin);
          const building = `${name}_b`;
          await admin.query(`drop database if exists ${building} with (force)`);
          await admin.query(`drop database if exists ${name} with (force)`);
          const tokens = await build(building);
          writeFileSync(tokensFile, JSON.stringify(tokens));
          await admin.query(`alter database ${building} rename to ${name}`);
        }
      } finally {
        await admin.query('select pg_advisory_unlock(hashtext($1))', [name]);
      }
    }
  } finally {
    await admin.end();
  }
  return { source: name, tokens: JSON.parse(readFileSync(tokensFile, 'utf8')) };
}

/** A new database, empty or a copy of a template (whose builder is done: nobody is connected to it). */
export async function createPgDatabase(adminUrl: string, name: string, template?: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`);
  } finally {
    await admin.end();
  }
}

/**
 * Drops a test database once its pool is closed. A closed pool's connections may still be on their way out
 * (pg's pool resolves `end()` before its sockets are gone); PostgreSQL waits a few seconds for them, where
 * forcing would cut them and raise errors in the test process. Only one still open after that is cut.
 */
export async function dropPgDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name}`).catch(async (err) => {
      if ((err as { code?: string }).code !== '55006') throw err;
      await admin.query(`drop database if exists ${name} with (force)`);
    });
  } finally {
    await admin.end();
  }
}

async function pruneDatabases(admin: pg.Client): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>("select datname from pg_database where datname like 'lx\\_t%'");
  const before = staleBefore();
  for (const { datname } of rows) {
    const built = /^lx_(?:tpl_[a-z]+|t)_(\d{10})_/.exec(datname)?.[1];
    if (built && built < before) await admin.query(`drop database if exists ${datname} with (force)`).catch(() => undefined);
  }
}
