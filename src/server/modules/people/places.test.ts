import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { body, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { createCommunity, createCommunityWorker, createResident, type OrgNode } from '../../../../test/support/factories.ts';

let t: TestApp;
let g1: OrgNode;
let g2: OrgNode;
let community: OrgNode;
let staff: Record<string, string>;

before(async () => {
  t = await startTestApp();
  const place = await createCommunity(t.db, { code: 'XF', name: '幸福社区', grids: 2 });
  [g1, g2] = place.grids as [OrgNode, OrgNode];
  community = place.community;
  const worker = await createCommunityWorker(t.db, community);
  staff = await t.login(worker.username, worker.password);
});

const post = (url: string, payload: unknown) => t.app.inject({ method: 'POST', url, headers: staff, payload: payload as object });
const get = (url: string) => t.app.inject({ method: 'GET', url, headers: staff });

test('compounds: register in a grid (by code), names unique per grid, get with buildings', async () => {
  const res = await post('/api/v1/compounds', { grid: 'XF-G1', name: '幸福小区', address: '金珠西路 1号', location: [91.1, 29.65] });
  assert.equal(res.statusCode, 201, res.body);
  const c = body(res);
  assert.equal(c.gridId, g1.id);
  assert.deepEqual(c.location, [91.1, 29.65]);
  assert.equal(c.buildingCount, 0);
  const row = await t.db.selectFrom('compounds').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
  assert.equal(row.path, g1.path);
  assert.equal(row.name, '幸福小区');

  const twice = await post('/api/v1/compounds', { grid: g1.id, name: '幸福小区' });
  assert.equal(twice.statusCode, 409);
  assert.equal(body(twice).error.code, 'COMPOUND_EXISTS');
  assert.equal((await post('/api/v1/compounds', { grid: g2.id, name: '幸福小区' })).statusCode, 201, 'the same name in another grid is fine');

  const noGrid = await post('/api/v1/compounds', { grid: 'XF', name: '社区不是网格' });
  assert.equal(noGrid.statusCode, 404);
  assert.equal(body(noGrid).error.code, 'GRID_NOT_FOUND');

  const b = await post(`/api/v1/compounds/${c.id}/buildings`, { name: '3栋' });
  assert.equal(b.statusCode, 201, b.body);
  assert.equal((await post(`/api/v1/compounds/${c.id}/buildings`, { name: '3栋' })).statusCode, 409);
  const detail = body(await get(`/api/v1/compounds/${c.id}`));
  assert.equal(detail.buildingCount, 1);
  assert.equal(detail.buildings[0].name, '3栋');
  assert.deepEqual(detail.abilities, ['people.read', 'people.manage', 'people.reveal']);
  assert.equal(body(await get(`/api/v1/buildings/${body(b).id}`)).compoundId, c.id);
  assert.equal(body(await get(`/api/v1/compounds/${c.id}/buildings`)).total, 1);
  assert.equal((await get('/api/v1/buildings/nope')).statusCode, 404);
});

test('compounds list: filter by node (everything under it) and paginate', async () => {
  for (let i = 0; i < 3; i++) assert.equal((await post('/api/v1/compounds', { grid: 'XF-G2', name: `二网格大院${i}` })).statusCode, 201);
  const all = body(await get('/api/v1/compounds?node=XF'));
  assert.equal(all.total, 5);
  const inG2 = body(await get(`/api/v1/compounds?node=${g2.id}&pageSize=2&page=2`));
  assert.equal(inG2.total, 4);
  assert.equal(inG2.items.length, 2);
  assert.equal(inG2.page, 2);
  assert.equal(inG2.pageSize, 2);
  assert.ok(inG2.items.every((c: any) => c.gridId === g2.id));
  assert.equal((await get('/api/v1/compounds?pageSize=201')).statusCode, 400);
  assert.equal((await get('/api/v1/compounds?colour=red')).statusCode, 400);
  const unknownNode = await get('/api/v1/compounds?node=NOPE');
  assert.equal(unknownNode.statusCode, 404);
  assert.equal(body(unknownNode).error.code, 'ORG_NODE_NOT_FOUND');
});

test('households: the address is built from compound, building and room and is unique per grid', async () => {
  const compound = await t.db.selectFrom('compounds').selectAll().where('grid_id', '=', g1.id).where('name', '=', '幸福小区').executeTakeFirstOrThrow();
  const building = await t.db.selectFrom('buildings').selectAll().where('compound_id', '=', compound.id).executeTakeFirstOrThrow();

  const res = await post('/api/v1/households', { grid: 'XF-G1', building: building.id, room: '201' });
  assert.equal(res.statusCode, 201, res.body);
  const h = body(res);
  assert.equal(h.address, '幸福小区 3栋 201');
  assert.equal(h.compoundId, compound.id, 'the building names its compound');
  assert.equal(h.isPartyHub, false);
  const row = await t.db.selectFrom('households').selectAll().where('id', '=', h.id).executeTakeFirstOrThrow();
  assert.equal(row.path, g1.path);
  assert.equal(row.building_id, building.id);

  const twice = await post('/api/v1/households', { grid: 'XF-G1', compound: compound.id, building: building.id, room: '201' });
  assert.equal(twice.statusCode, 409);
  assert.equal(body(twice).error.code, 'HOUSEHOLD_EXISTS');

  const village = await post('/api/v1/households', { grid: 'XF-G2', address: '维巴村 三组 12号' });
  assert.equal(village.statusCode, 201);
  assert.equal(body(village).compoundId, null);

  const before = await t.db.selectFrom('households').select('id').execute();
  const refusals: [Record<string, unknown>, number, string][] = [
    [{ grid: 'XF-G2' }, 400, 'ADDRESS_REQUIRED'],
    [{ grid: 'XF-G2', compound: compound.id, room: '1' }, 400, 'PLACE_MISMATCH'],
    [{ grid: 'XF-G1', compound: compound.id, address: '另写一个' }, 400, 'VALIDATION_FAILED'],
    [{ grid: 'XF-G1', compound: 'nope' }, 404, 'COMPOUND_NOT_FOUND'],
    [{ grid: 'XF-G1', address: 'x', extra: true }, 400, 'VALIDATION_FAILED'],
    [{ grid: 'XF-G1', address: 42 }, 400, 'VALIDATION_FAILED'],
  ];
  for (const [payload, status, code] of refusals) {
    const r = await post('/api/v1/households', payload);
    assert.equal(r.statusCode, status, `${JSON.stringify(payload)} → ${r.body}`);
    assert.equal(body(r).error.code, code);
  }
  assert.equal((await t.db.selectFrom('households').select('id').execute()).length, before.length);
});

test('households list filters by node and compound; GET shows masked members', async () => {
  const compound = await t.db.selectFrom('compounds').selectAll().where('grid_id', '=', g1.id).where('name', '=', '幸福小区').executeTakeFirstOrThrow();
  const h = await t.db.selectFrom('households').selectAll().where('compound_id', '=', compound.id).executeTakeFirstOrThrow();
  await createResident(t.db, { household: h, name: '平措', phone: '13912345678' });

  const byCompound = body(await get(`/api/v1/households?compound=${compound.id}`));
  assert.equal(byCompound.total, 1);
  assert.equal(byCompound.items[0].memberCount, 1);
  assert.equal(body(await get('/api/v1/households?node=XF-G2')).total, 1);
  assert.equal(body(await get('/api/v1/households?node=XF')).total, 2);

  const detail = await get(`/api/v1/households/${h.id}`);
  assert.equal(detail.statusCode, 200);
  assert.equal(body(detail).members[0].phone, '139****5678');
  assert.ok(!detail.body.includes('13912345678'));
});

test('households patch: change room, move to another grid with members following', async () => {
  const h = await t.db.selectFrom('households').selectAll().where('address', '=', '幸福小区 3栋 201').executeTakeFirstOrThrow();
  const room = await t.app.inject({ method: 'PATCH', url: `/api/v1/households/${h.id}`, headers: staff, payload: { room: '202' } });
  assert.equal(room.statusCode, 200, room.body);
  assert.equal(body(room).address, '幸福小区 3栋 202');

  const mismatch = await t.app.inject({ method: 'PATCH', url: `/api/v1/households/${h.id}`, headers: staff, payload: { grid: 'XF-G2' } });
  assert.equal(mismatch.statusCode, 400);
  assert.equal(body(mismatch).error.code, 'PLACE_MISMATCH', 'the compound stays in grid 1 unless the patch names another');

  const moved = await t.app.inject({ method: 'PATCH', url: `/api/v1/households/${h.id}`, headers: staff, payload: { grid: 'XF-G2', compound: null, address: '新家 5号' } });
  assert.equal(moved.statusCode, 200, moved.body);
  assert.equal(body(moved).gridId, g2.id);
  assert.equal(body(moved).address, '新家 5号');
  assert.equal(body(moved).buildingId, null);
  const member = await t.db.selectFrom('residents').selectAll().where('household_id', '=', h.id).executeTakeFirstOrThrow();
  assert.equal(member.grid_id, g2.id);
  assert.equal(member.path, g2.path);

  const clash = await t.app.inject({ method: 'PATCH', url: `/api/v1/households/${h.id}`, headers: staff, payload: { address: '维巴村 三组 12号' } });
  assert.equal(clash.statusCode, 409);
  const row = await t.db.selectFrom('households').selectAll().where('id', '=', h.id).executeTakeFirstOrThrow();
  assert.equal(row.address, '新家 5号', 'a refused patch changes nothing');
});
