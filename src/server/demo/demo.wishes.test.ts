import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type DemoApp, startDemoApp } from '../../../test/support/demo-app.ts';
import { loadWishesDemo } from './demo.wishes.ts';

describe('demo micro-wishes (seed 002, 慈松塘)', () => {
  let t: DemoApp;
  let result: Awaited<ReturnType<typeof loadWishesDemo>>;

  before(async () => {
    t = await startDemoApp();
    result = await loadWishesDemo(t.ctx);
  });
  after(() => t?.close());

  it('puts 42 wishes on 慈松塘\'s needs list, 36 fulfilled with photos, and 15 offers on its service list', async () => {
    assert.equal(result.loaded, true);
    const needs = (await t.app.inject({ url: '/api/v1/wishes/public?community=CST' })).json();
    assert.deepEqual(needs.counts, { posted: 42, open: 3, claimed: 3, fulfilled: 36 });
    const offers = (await t.app.inject({ url: '/api/v1/service-offers?community=CST&pageSize=100' })).json();
    assert.equal(offers.total, 15);
    const cst = await t.db.selectFrom('org_nodes').select('path').where('code', '=', 'CST').executeTakeFirstOrThrow();
    const done = await t.db.selectFrom('cases').select('id').where('kind', '=', 'micro_wish').where('path', '>=', cst.path).where('path', '<', `${cst.path}\uffff`).where('state', 'in', ['resolved', 'closed']).execute();
    assert.equal(done.length, 36);
    const withProof = await t.db.selectFrom('case_photos').select('case_id').distinct().where('role', '=', 'proof').where('case_id', 'in', done.map((d) => d.id)).execute();
    assert.equal(withProof.length, 36, 'every fulfilled wish has a photo');
  });

  it('gives the demo accounts wishes of their own: a board for the office, the resident\'s own wish, figures', async () => {
    const res = await t.app.inject({ url: '/api/v1/wishes?node=CSK&status=open', headers: t.as.community });
    assert.equal(res.statusCode, 200, res.body);
    const board = res.json();
    assert.ok(board.items.length >= 2, `${board.items.length} open`);
    assert.ok(board.items.some((w: any) => w.candidates.length > 0), 'open wishes come with candidate offers');
    const toVerify = (await t.app.inject({ url: '/api/v1/wishes?node=CSK&status=fulfilled', headers: t.as.community })).json();
    assert.ok(toVerify.items.length > 0 && toVerify.items.every((w: any) => w.abilities.includes('verify')), 'the office verifies what the grid worker recorded');
    const mine = (await t.app.inject({ url: '/api/v1/wishes', headers: t.as.resident })).json();
    assert.equal(mine.items.length, 1);
    const figures = (await t.app.inject({ url: '/api/v1/wishes/figures?node=BKJD&period=year', headers: t.as.street })).json();
    const row = figures.communities.find((c: any) => c.community.code === 'CST');
    assert.deepEqual([row.posted, row.fulfilled, row.open], [42, 36, 3]);
  });

  it('loads once', async () => {
    assert.deepEqual(await loadWishesDemo(t.ctx), { loaded: false, wishes: 0, offers: 0 });
  });
});
