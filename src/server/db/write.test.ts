import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshStore, STORE } from '../../../test/support/store.ts';
import { type Database, openDatabase } from './database.ts';
import { migrateToLatest } from './migrate.ts';

// `database.write` is every case command's transaction. On SQLite concurrent units share one commit
// (group commit); these hold on both stores: each unit all or nothing, each caller answered with its own
// result or its own error, and a unit sees what the units before it wrote.

let store: Awaited<ReturnType<typeof freshStore>>;
let database: Database;

before(async () => {
  store = await freshStore();
  database = store.database;
});

after(() => store?.drop());

async function insertYear(db: Database['db'], year: number): Promise<void> {
  await db.insertInto('case_numbers').values({ year, last: 0 }).execute();
}

async function years(): Promise<number[]> {
  const rows = await database.db.selectFrom('case_numbers').select('year').orderBy('year').execute();
  return rows.map((r) => Number(r.year));
}

test(`concurrent units: the failing ones leave nothing, the others all commit (${STORE})`, async () => {
  const outcomes = await Promise.allSettled(
    Array.from({ length: 60 }, (_, i) =>
      database.write(async (db) => {
        await insertYear(db, 3000 + i);
        if (i % 7 === 3) throw new Error(`unit ${i} refuses after writing`);
        return i;
      }),
    ),
  );
  const refused = outcomes.flatMap((o, i) => (o.status === 'rejected' ? [i] : []));
  assert.deepEqual(refused, Array.from({ length: 60 }, (_, i) => i).filter((i) => i % 7 === 3));
  for (const [i, o] of outcomes.entries()) {
    if (o.status === 'fulfilled') assert.equal(o.value, i, 'each caller gets its own unit result');
    else assert.match(String(o.reason), new RegExp(`unit ${i} refuses`), 'each caller gets its own error');
  }
  const expected = Array.from({ length: 60 }, (_, i) => i).filter((i) => i % 7 !== 3).map((i) => 3000 + i);
  assert.deepEqual(await years(), expected);
});

test(`a unit that breaks a constraint is refused alone, and a later unit sees the earlier ones' writes (${STORE})`, async () => {
  const [first, duplicate, reader] = await Promise.allSettled([
    database.write((db) => insertYear(db, 4000)),
    database.write((db) => insertYear(db, 4000)),
    database.write(async (db) => (await db.selectFrom('case_numbers').select('year').where('year', '=', 4000).execute()).length),
  ]);
  // On SQLite the three run one after another in one batch; PostgreSQL runs them side by side, in no order,
  // so there either insert may come first and the other break the primary key.
  if (STORE === 'sqlite') {
    assert.equal(first.status, 'fulfilled');
    assert.equal(duplicate.status, 'rejected', 'the second insert of the same key breaks the primary key');
  } else {
    assert.deepEqual([first.status, duplicate.status].sort(), ['fulfilled', 'rejected'], 'one of the two inserts of the same key breaks the primary key');
  }
  assert.equal(reader.status, 'fulfilled');
  if (STORE === 'sqlite') assert.deepEqual(reader, { status: 'fulfilled', value: 1 });
  assert.ok((await years()).includes(4000));
});

test(`closing the store waits for the writes already asked for, which are all there when it opens again (${STORE})`, { skip: STORE !== 'sqlite' && 'group commit is the embedded store\'s' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lianxin-close-'));
  const url = `sqlite:${join(dir, 'close.db')}`;
  try {
    const first = openDatabase(url);
    await migrateToLatest(first);
    const asked = Array.from({ length: 40 }, (_, i) => first.write((db) => insertYear(db, 5000 + i)));
    await first.close();
    assert.equal((await Promise.allSettled(asked)).filter((o) => o.status === 'fulfilled').length, 40, 'every write was answered before the store closed');
    const again = openDatabase(url);
    const rows = await again.db.selectFrom('case_numbers').select('year').where('year', '>=', 5000).execute();
    await again.close();
    assert.equal(rows.length, 40);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
