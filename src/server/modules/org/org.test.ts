import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { body, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { createAccount } from '../auth/auth.service.ts';

const square = (x: number, y: number, s: number) => [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]];
const feature = (code: string, name: string, coordinates: unknown, extra: Record<string, unknown> = {}) => ({
  type: 'Feature',
  properties: { code, name, ...extra },
  geometry: { type: 'Polygon', coordinates },
});

describe('org tree, grids and routing', () => {
  let t: TestApp;
  let admin: Record<string, string>;

  before(async () => {
    t = await startTestApp();
    await createAccount(t.db, { username: 'root', password: 'root-pass-1', role: 'admin', node: null });
    admin = await t.login('root', 'root-pass-1');
  });
  after(() => t.close());

  test('admin builds district → street → community and lists them', async () => {
    const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload, headers: admin });
    assert.equal((await post('/api/v1/districts', { code: 'CG', name: '城关区' })).statusCode, 201);
    assert.equal((await post('/api/v1/streets', { code: 'BK', name: '八廓街道', parent: 'CG' })).statusCode, 201);
    const community = await post('/api/v1/communities', { code: 'CSK', name: '冲赛康社区', parent: 'BK' });
    assert.equal(community.statusCode, 201);
    assert.deepEqual(body(community).abilities, ['org.manage']);
    const row = await t.db.selectFrom('org_nodes').selectAll().where('code', '=', 'CSK').executeTakeFirstOrThrow();
    const street = await t.db.selectFrom('org_nodes').selectAll().where('code', '=', 'BK').executeTakeFirstOrThrow();
    assert.equal(row.path, `${street.path}${row.id}/`);

    const list = await t.app.inject({ url: '/api/v1/communities?node=CG' });
    assert.equal(list.statusCode, 200);
    assert.deepEqual(body(list).items.map((c: any) => c.name), ['冲赛康社区']);
    assert.deepEqual(body(list).items[0].abilities, [], 'anonymous may read but not manage');
  });

  test('a sector needs a community as its parent', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/sectors', payload: { code: 'S1', name: '片区', parent: 'CG' }, headers: admin });
    assert.equal(res.statusCode, 400);
    assert.equal(body(res).error.code, 'ORG_PARENT_INVALID');
    assert.equal(await t.db.selectFrom('org_nodes').select('id').where('code', '=', 'S1').executeTakeFirst(), undefined);
  });

  test('grids are created with a boundary and listed with community and centroid', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/grids',
      headers: admin,
      payload: { code: 'CSK-01', name: '第一网格', parent: 'CSK', geometry: { type: 'Polygon', coordinates: square(91.13, 29.65, 0.004) } },
    });
    assert.equal(res.statusCode, 201, res.body);
    const list = body(await t.app.inject({ url: '/api/v1/grids?node=CSK' }));
    assert.equal(list.total, 1);
    const [grid] = list.items;
    assert.equal(grid.code, 'CSK-01');
    assert.equal(grid.community.code, 'CSK');
    assert.deepEqual(grid.centroid, [91.132, 29.652]);
  });

  test('routing finds the grid and its ancestors, and null outside every grid', async () => {
    const inside = body(await t.app.inject({ url: '/api/v1/route?lng=91.131&lat=29.651' }));
    assert.equal(inside.grid.code, 'CSK-01');
    assert.equal(inside.community.code, 'CSK');
    assert.equal(inside.street.code, 'BK');
    assert.equal(inside.district.code, 'CG');
    assert.deepEqual(inside.contacts, []);
    const outside = body(await t.app.inject({ url: '/api/v1/route?lng=100&lat=30' }));
    assert.equal(outside.grid, null);
    assert.equal(outside.community, null);
    const bad = await t.app.inject({ url: '/api/v1/route?lng=200&lat=30', headers: { 'accept-language': 'en' } });
    assert.equal(bad.statusCode, 400);
    assert.equal(body(bad).error.code, 'VALIDATION_FAILED');
    assert.match(body(bad).error.message, /not valid/);
  });

  test('an import with one invalid feature is refused whole, each problem named, nothing written', async () => {
    const before = await t.db.selectFrom('org_nodes').select('id').execute();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/grids/import',
      headers: admin,
      payload: {
        type: 'FeatureCollection',
        features: [
          feature('NEW-01', '新网格一', square(91.2, 29.7, 0.01), { community: '新社区', street: 'BK' }),
          feature('NEW-02', '蝴蝶', [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]], { community: '新社区' }),
          feature('NEW-03', '未闭合', [[[91.1, 29.6], [91.2, 29.6], [91.2, 29.7], [91.1, 29.7]]]),
          feature('NEW-04', '颠倒', square(29.6, 91.1, 0.01)),
          feature('NEW-05', '越界', square(181, 10, 1)),
        ],
      },
    });
    assert.equal(res.statusCode, 400);
    const err = body(res).error;
    assert.equal(err.code, 'GEOJSON_INVALID');
    assert.deepEqual(err.details.problems.map((p: any) => p.index), [1, 2, 3, 4]);
    assert.match(err.details.problems[0].reason, /自相交/);
    assert.match(err.details.problems[1].reason, /未闭合/);
    assert.match(err.details.problems[2].reason, /顺序/);
    assert.match(err.details.problems[3].reason, /超出范围/);
    const after = await t.db.selectFrom('org_nodes').select('id').execute();
    assert.equal(after.length, before.length, 'no node written, not even the valid feature or its parent');
  });

  test('import creates missing parents, re-import updates instead of duplicating, and holes route correctly', async () => {
    const holey = [[[91.2, 29.7], [91.22, 29.7], [91.22, 29.72], [91.2, 29.72], [91.2, 29.7]], [[91.205, 29.705], [91.21, 29.705], [91.21, 29.71], [91.205, 29.71], [91.205, 29.705]]];
    const fc = { type: 'FeatureCollection', features: [feature('JC-01', '加措一网格', holey, { community: '加措社区', street: 'BY', district: 'CG' })] };
    const first = await t.app.inject({ method: 'POST', url: '/api/v1/grids/import', headers: admin, payload: fc });
    assert.equal(first.statusCode, 200, first.body);
    assert.deepEqual(body(first).parentsCreated.map((p: any) => p.kind), ['street', 'community']);
    assert.equal(body(first).created, 1);
    assert.equal(body(await t.app.inject({ url: '/api/v1/route?lng=91.201&lat=29.701' })).grid.code, 'JC-01');
    assert.equal(body(await t.app.inject({ url: '/api/v1/route?lng=91.207&lat=29.707' })).grid, null, 'inside the hole');

    fc.features[0]!.properties.name = '加措第一网格';
    const second = await t.app.inject({ method: 'POST', url: '/api/v1/grids/import', headers: admin, payload: fc });
    assert.deepEqual({ created: body(second).created, updated: body(second).updated, parents: body(second).parentsCreated.length }, { created: 0, updated: 1, parents: 0 });
    const grids = await t.db.selectFrom('org_nodes').select('name').where('code', '=', 'JC-01').execute();
    assert.deepEqual(grids.map((g) => g.name), ['加措第一网格']);
    assert.equal((await t.db.selectFrom('org_nodes').select('id').where('name', '=', '加措社区').execute()).length, 1);
  });

  test('with no parent anywhere the file names the community', async () => {
    const fc = { type: 'FeatureCollection', features: [feature('WB-01', '维巴一网格', square(91.15, 29.7, 0.005))] };
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/grids/import?fileName=维巴村.geojson', headers: admin, payload: fc });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(body(res).parentsCreated.map((p: any) => [p.kind, p.name]), [['community', '维巴村']]);
    const exported = body(await t.app.inject({ url: '/api/v1/grids/geojson' }));
    assert.equal(exported.type, 'FeatureCollection');
    assert.ok(exported.features.some((f: any) => f.properties.code === 'WB-01' && f.geometry.type === 'Polygon'));
  });

  test('a community worker manages only inside their community; anonymous writes are refused', async () => {
    const csk = await t.db.selectFrom('org_nodes').selectAll().where('code', '=', 'CSK').executeTakeFirstOrThrow();
    await createAccount(t.db, { username: 'cw', password: 'cw-pass-123', role: 'community_worker', node: { id: csk.id, path: csk.path } });
    const cw = await t.login('cw', 'cw-pass-123');
    const own = await t.app.inject({ method: 'POST', url: '/api/v1/sectors', headers: cw, payload: { code: 'CSK-S1', name: '东片区', parent: 'CSK' } });
    assert.equal(own.statusCode, 201);
    const other = await t.app.inject({ method: 'PATCH', url: '/api/v1/grids/JC-01', headers: cw, payload: { name: '改名' } });
    assert.equal(other.statusCode, 404, 'out of scope answers as if it did not exist');
    const anon = await t.app.inject({ method: 'POST', url: '/api/v1/sectors', payload: { code: 'X1', name: 'x', parent: 'CSK' } });
    assert.equal(anon.statusCode, 401);
    assert.equal(body(anon).error.code, 'UNAUTHENTICATED');
  });

  test('bad input is a 4xx with a clear message and writes nothing', async () => {
    const count = async () => (await t.db.selectFrom('org_nodes').select('id').execute()).length;
    const n = await count();
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/streets', headers: admin, payload: { code: 'Z', name: 'z', parent: 'CG', colour: 'red' } });
    assert.equal(unknown.statusCode, 400);
    assert.equal(body(unknown).error.details[0].unknownField, 'colour');
    const wrongType = await t.app.inject({ method: 'POST', url: '/api/v1/streets', headers: admin, payload: { code: 12, name: 'z', parent: 'CG' } });
    assert.equal(wrongType.statusCode, 400);
    const malformed = await t.app.inject({ method: 'POST', url: '/api/v1/streets', headers: { ...admin, 'content-type': 'application/json' }, payload: '{"code": "Z", ' });
    assert.equal(malformed.statusCode, 400);
    assert.equal(body(malformed).error.code, 'MALFORMED_JSON');
    const huge = await t.app.inject({ method: 'POST', url: '/api/v1/streets', headers: admin, payload: { code: 'Z', name: 'x'.repeat(2_000_000), parent: 'CG' } });
    assert.equal(huge.statusCode, 413);
    const badGeometry = await t.app.inject({ method: 'POST', url: '/api/v1/grids', headers: admin, payload: { code: 'G-X', name: 'x', parent: 'CSK', geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] } } });
    assert.equal(badGeometry.statusCode, 400);
    assert.equal(body(badGeometry).error.code, 'GEOMETRY_INVALID');
    const nul = await t.app.inject({ method: 'POST', url: '/api/v1/streets', headers: admin, payload: { code: 'NUL', name: 'a\u0000b', parent: 'CG' } });
    assert.equal(nul.statusCode, 400, 'a NUL character is refused on both stores');
    const taken = await t.app.inject({ method: 'POST', url: '/api/v1/streets', headers: admin, payload: { code: 'BK', name: '重复', parent: 'CG' } });
    assert.equal(taken.statusCode, 409);
    assert.equal(await count(), n);
  });

  test('a node with children cannot be deleted; an empty one can', async () => {
    assert.equal((await t.app.inject({ method: 'DELETE', url: '/api/v1/communities/CSK', headers: admin })).statusCode, 409);
    assert.equal((await t.app.inject({ method: 'DELETE', url: '/api/v1/sectors/CSK-S1', headers: admin })).statusCode, 204);
    assert.equal(await t.db.selectFrom('org_nodes').select('id').where('code', '=', 'CSK-S1').executeTakeFirst(), undefined);
  });

  test('police beats overlay grids and show in routing', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/police-beats',
      headers: admin,
      payload: { code: 'PB-1', name: '冲赛康警格', node: 'CSK', geometry: { type: 'Polygon', coordinates: square(91.12, 29.64, 0.03) } },
    });
    assert.equal(res.statusCode, 201, res.body);
    const routed = body(await t.app.inject({ url: '/api/v1/route?lng=91.131&lat=29.651' }));
    assert.equal(routed.policeBeat.code, 'PB-1');
    const tree = body(await t.app.inject({ url: '/api/v1/org/tree?node=CG' }));
    assert.equal(tree[0].code, 'CG');
    assert.ok(tree[0].children.some((s: any) => s.code === 'BK' && s.children[0].code === 'CSK'));
  });

  test('the OpenAPI document describes every operation and the docs page is served', async () => {
    const doc = body(await t.app.inject({ url: '/api/openapi.json' }));
    assert.equal(doc.openapi, '3.0.3');
    const operations = Object.entries(doc.paths).flatMap(([path, ops]: [string, any]) => Object.entries(ops).map(([m, op]: [string, any]) => ({ path, m, op })));
    assert.ok(operations.length > 20);
    for (const { path, m, op } of operations) assert.ok(op.summary && op.description, `${m} ${path} is described`);
    const docs = await t.app.inject({ url: '/api/docs/' });
    assert.equal(docs.statusCode, 200);
    assert.equal(body(await t.app.inject({ url: '/api/health' })).status, 'ok');
  });
});
