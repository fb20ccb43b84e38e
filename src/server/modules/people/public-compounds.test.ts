import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { body } from '../../../../test/support/app.ts';
import { startDemoApp, type DemoApp } from '../../../../test/support/demo-app.ts';

describe('the public list of compounds a resident picks from', () => {
  let t: DemoApp;
  before(async () => {
    t = await startDemoApp();
  });
  after(() => t.close());

  test('anyone sees names, community, grid and a point, and nothing about who lives there', async () => {
    const res = await t.app.inject({ url: '/api/v1/public/compounds?node=CSK&pageSize=200' });
    assert.equal(res.statusCode, 200, res.body);
    const r = body(res);
    assert.ok(r.total > 0 && r.items.length === r.total);
    const c = r.items.find((x: any) => x.name === '西嘎奴大院');
    assert.deepEqual(c.grid, { code: 'CSK-03', name: '第三网格' });
    assert.equal(c.community, '冲赛康社区');
    assert.equal(c.location.length, 2);
    assert.deepEqual(Object.keys(c).sort(), ['community', 'grid', 'id', 'location', 'name']);
    assert.ok(r.items.every((x: any) => x.community === '冲赛康社区'), 'only under the node asked for');
  });

  test('a compound without its own point gets its grid\'s centre, and the name filter matches part of a name', async () => {
    const first = body(await t.app.inject({ url: '/api/v1/public/compounds?q=嘎奴' }));
    assert.deepEqual(first.items.map((x: any) => x.name), ['西嘎奴大院']);
    await t.db.updateTable('compounds').set({ lng: null, lat: null }).where('id', '=', first.items[0].id).execute();
    const grid = await t.db.selectFrom('org_nodes').select(['centroid_lng', 'centroid_lat']).where('code', '=', 'CSK-03').executeTakeFirstOrThrow();
    const again = body(await t.app.inject({ url: '/api/v1/public/compounds?q=嘎奴' }));
    assert.deepEqual(again.items[0].location, [grid.centroid_lng, grid.centroid_lat]);
    assert.equal(body(await t.app.inject({ url: '/api/v1/public/compounds?q=%25' })).total, 0, 'a % is a character, not a wildcard');
  });

  test('the people routes stay closed to anonymous callers', async () => {
    assert.equal((await t.app.inject({ url: '/api/v1/compounds' })).statusCode, 401);
  });
});
