import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

const MAX_STATEMENTS = 1000;

/**
 * Kysely's SQLite driver prepares every query afresh; preparing costs about as much as running a small
 * statement. The app sends the same few hundred SQL texts over and over (values travel as parameters), so
 * prepared statements are kept by their text, the oldest dropped past a bound so generated texts (long
 * `in (...)` lists) cannot grow it without end. Safe because Kysely runs one query at a time on the
 * connection and reads each statement's rows to the end before the next.
 */
export function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    prepare(text: string) {
      let statement = cache.get(text);
      if (statement) {
        cache.delete(text);
      } else {
        statement = sqlite.prepare(text);
        if (cache.size >= MAX_STATEMENTS) cache.delete(cache.keys().next().value!);
      }
      cache.set(text, statement);
      return statement as never;
    },
    close: () => sqlite.close(),
  };
}
