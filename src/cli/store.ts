import { type Database, openDatabase } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import type { Locale } from '../server/http/errors.ts';

/** Opens the store named by DATABASE_URL (default: the embedded SQLite file) and brings its schema up to date. */
export async function openStore(): Promise<Database> {
  const database = openDatabase(process.env.DATABASE_URL);
  await migrateToLatest(database);
  return database;
}

/** Runs a command against the store and always closes it. */
export async function withStore<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openStore();
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

/** The operator's language: English when LANG or LIANXIN_LANG asks for it, Simplified Chinese otherwise. */
export function cliLocale(): Locale {
  const lang = process.env.LIANXIN_LANG ?? process.env.LANG ?? '';
  return lang.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

/** Picks the message for the operator's language. */
export function say(zh: string, en: string): string {
  return cliLocale() === 'en' ? en : zh;
}
