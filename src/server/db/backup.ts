import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { PhotoStore } from '../platform/photos/store.ts';

/**
 * Backup and restore of the embedded store (SQLite + the photo folder) as one file, while the server runs.
 *
 * The backup is `VACUUM INTO`: one read transaction, so the copy is a consistent snapshot however many
 * reports arrive meanwhile (WAL lets writers go on). The photos the snapshot refers to are added to the copy
 * as one more table, so the file is itself a SQLite database that any sqlite3 shell can open.
 * PostgreSQL deployments use pg_dump / pg_restore, which do the same job better than we could.
 */
const PHOTO_TABLE = 'lianxin_backup_photos';

export function sqliteFileOf(databaseUrl: string): string {
  if (!databaseUrl.startsWith('sqlite:')) throw new BackupRefused('NOT_SQLITE');
  const file = databaseUrl.slice('sqlite:'.length);
  if (!file || file === ':memory:') throw new BackupRefused('NOT_SQLITE');
  return resolve(file);
}

export class BackupRefused extends Error {
  constructor(readonly reason: 'NOT_SQLITE' | 'NO_STORE' | 'TARGET_EXISTS' | 'NOT_A_BACKUP') {
    super(reason);
  }
}

export interface BackupSummary {
  file: string;
  bytes: number;
  cases: number;
  photos: number;
}

export async function backupSqlite(databaseUrl: string, photoDir: string, target: string): Promise<BackupSummary> {
  const source = sqliteFileOf(databaseUrl);
  if (!existsSync(source)) throw new BackupRefused('NO_STORE');
  const out = resolve(target);
  if (existsSync(out)) throw new BackupRefused('TARGET_EXISTS');
  // Written beside the target and renamed at the end, so a backup file is never half a backup.
  const partial = join(dirname(out), `.${Date.now()}.partial-backup`);
  const live = new SQLite(source, { fileMustExist: true });
  try {
    live.pragma('busy_timeout = 5000');
    live.prepare('VACUUM INTO ?').run(partial);
  } finally {
    live.close();
  }
  const copy = new SQLite(partial);
  let photos = 0;
  let cases = 0;
  try {
    copy.exec(`create table ${PHOTO_TABLE} (storage_key text primary key, display blob not null, thumbnail blob not null)`);
    const store = new PhotoStore(photoDir);
    const insert = copy.prepare(`insert or ignore into ${PHOTO_TABLE} values (?, ?, ?)`);
    const keys = copy.prepare('select distinct storage_key from photos').pluck().all() as string[];
    for (const key of keys) {
      const [display, thumbnail] = await Promise.all([store.get(key, 'display'), store.get(key, 'thumb')]);
      if (!display || !thumbnail) continue; // a photo row whose upload never finished has no file to keep
      insert.run(key, display, thumbnail);
      photos++;
    }
    cases = Number(copy.prepare('select count(*) from cases').pluck().get());
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  renameSync(partial, out);
  return { file: out, bytes: statSync(out).size, cases, photos };
}

/**
 * Puts a backup in place of the store: photos back into the folder (content-addressed, so existing ones are
 * kept), then the database pages through SQLite's backup API, which takes the store's locks and so is safe
 * beside a running server. The server should be restarted after, so its in-memory grid index reloads.
 */
export async function restoreSqlite(databaseUrl: string, photoDir: string, backupFile: string): Promise<BackupSummary> {
  const target = sqliteFileOf(databaseUrl);
  const from = resolve(backupFile);
  const work = join(dirname(target), `.${Date.now()}.restoring`);
  rmSync(work, { force: true });
  const backup = new SQLite(from, { readonly: true, fileMustExist: true });
  let photos = 0;
  try {
    const hasPhotos = backup.prepare("select count(*) from sqlite_master where type = 'table' and name = ?").pluck().get(PHOTO_TABLE);
    const hasCases = backup.prepare("select count(*) from sqlite_master where type = 'table' and name = 'cases'").pluck().get();
    if (!hasPhotos || !hasCases) throw new BackupRefused('NOT_A_BACKUP');
    const store = new PhotoStore(photoDir);
    for (const row of backup.prepare(`select display, thumbnail from ${PHOTO_TABLE}`).iterate() as Iterable<{ display: Buffer; thumbnail: Buffer }>) {
      await store.put({ display: row.display, thumbnail: row.thumbnail });
      photos++;
    }
    backup.prepare('VACUUM INTO ?').run(work);
  } catch (error) {
    if (error instanceof SQLite.SqliteError && /not a database|malformed/.test(error.message)) throw new BackupRefused('NOT_A_BACKUP');
    throw error;
  } finally {
    backup.close();
  }
  const clean = new SQLite(work);
  let cases = 0;
  try {
    clean.exec(`drop table ${PHOTO_TABLE}`);
    cases = Number(clean.prepare('select count(*) from cases').pluck().get());
    await clean.backup(target);
  } finally {
    clean.close();
    rmSync(work, { force: true });
  }
  return { file: target, bytes: statSync(target).size, cases, photos };
}
