import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { body } from '../../../../test/support/app.ts';
import { IN_CSK_03, startDemoApp, type DemoApp } from '../../../../test/support/demo-app.ts';
import { STORE } from '../../../../test/support/store.ts';

// Searching the case list pages through every match once, newest first, with the right total, inside the
// caller's scope and the other filters; on SQLite the matches are read newest first in growing chunks.

const IN_JC = { lng: 91.085, lat: 29.652 };
const WORD = '雪狮雕像';
let t: DemoApp;
const home: string[] = [];
const far: string[] = [];
/** Every case in the order it was received. */
const received: string[] = [];

before(async () => {
  t = await startDemoApp();
  for (let i = 0; i < 95; i++) {
    const inHome = i % 4 !== 0;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: { description: `第${i}号：广场上的${WORD}${i % 2 ? '底座开裂' : '被涂画'}`, location: inHome ? IN_CSK_03 : IN_JC, category: i % 3 ? '0501' : '0201' },
    });
    assert.equal(res.statusCode, 201, res.body);
    (inHome ? home : far).push(body(res).id);
    received.push(body(res).id);
  }
});

after(() => t?.close());

async function everyPage(headers: Record<string, string>, extra = ''): Promise<{ ids: string[]; totals: number[]; reported: string[] }> {
  const ids: string[] = [];
  const totals: number[] = [];
  const reported: string[] = [];
  for (let page = 1; page < 20; page++) {
    const res = await t.app.inject({ url: `/api/v1/cases?q=${encodeURIComponent(WORD)}&pageSize=15&page=${page}${extra}`, headers });
    assert.equal(res.statusCode, 200, res.body);
    const list = body(res);
    totals.push(list.total);
    if (list.items.length === 0) break;
    for (const item of list.items) {
      ids.push(item.id);
      reported.push(item.reportedAt);
    }
  }
  return { ids, totals, reported };
}

test(`an admin pages through every match once, newest first, with the total on every page (${STORE})`, async () => {
  const { ids, totals, reported } = await everyPage(t.as.admin);
  assert.deepEqual([...ids].sort(), [...home, ...far].sort());
  assert.ok(totals.every((n) => n === 95), `totals ${totals.join(',')}`);
  assert.deepEqual(reported, [...reported].sort().reverse(), 'newest first');
  assert.deepEqual(ids, [...received].reverse(), 'in the reverse of the order they were received');
});

test(`a community worker finds only their community's matches, and other filters narrow the words (${STORE})`, async () => {
  const scoped = await everyPage(t.as.community);
  assert.deepEqual([...scoped.ids].sort(), [...home].sort());
  assert.ok(scoped.totals.every((n) => n === home.length));
  const lamps = await everyPage(t.as.admin, '&category=0501');
  assert.equal(lamps.ids.length, lamps.totals[0]);
  const rows = await t.db.selectFrom('cases').select('id').where('category', '=', '0501').where('description', 'like', `%${WORD}%`).execute();
  assert.deepEqual([...lamps.ids].sort(), rows.map((r) => r.id).sort());
  // Few matches pass both the scope and the category, so a page takes more than one chunk of matches.
  const rubbish = await everyPage(t.as.community, '&category=0201');
  const expected = received.filter((id, i) => home.includes(id) && i % 3 === 0);
  assert.deepEqual(rubbish.ids, [...expected].reverse());
  assert.ok(rubbish.totals.every((n) => n === expected.length));
});

test(`a word nobody wrote finds nothing (${STORE})`, async () => {
  const list = body(await t.app.inject({ url: `/api/v1/cases?q=${encodeURIComponent('冰川融水')}`, headers: t.as.admin }));
  assert.deepEqual([list.total, list.items.length], [0, 0]);
});
