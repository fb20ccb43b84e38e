import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { body, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { createCommunity, createGridWorker, createHousehold, createResident, type OrgNode } from '../../../../test/support/factories.ts';

let t: TestApp;
let g1: OrgNode;
let g2: OrgNode;
let worker: Record<string, string>;
type Household = Awaited<ReturnType<typeof createHousehold>>;
let hub: Household;
let served: Household[];

before(async () => {
  t = await startTestApp();
  const place = await createCommunity(t.db, { code: 'CST', name: '慈松塘社区', grids: 2 });
  [g1, g2] = place.grids as [OrgNode, OrgNode];
  const account = await createGridWorker(t.db, g1);
  worker = await t.login(account.username, account.password);
  hub = await createHousehold(t.db, { grid: g1, address: '中心户 1号' });
  served = [];
  for (let i = 0; i < 12; i++) served.push(await createHousehold(t.db, { grid: g1, address: `邻居 ${i}号` }));
});

const put = (url: string, householdIds: string[]) => t.app.inject({ method: 'PUT', url, headers: worker, payload: { householdIds } });
const get = (url: string) => t.app.inject({ method: 'GET', url, headers: worker });
const links = (kind: 'party_hub' | 'liaison', linkerId: string) =>
  t.db.selectFrom('household_links').selectAll().where('kind', '=', kind).where('linker_id', '=', linkerId).execute();

test('a party hub household is designated with the households it serves, and listed with their count', async () => {
  const ids = served.slice(0, 10).map((h) => h.id);
  const res = await put(`/api/v1/party-hubs/${hub.id}/households`, ids);
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(body(res).isPartyHub, true);
  assert.equal(body(res).linkedHouseholdCount, 10);
  const flag = await t.db.selectFrom('households').select('is_party_hub').where('id', '=', hub.id).executeTakeFirstOrThrow();
  assert.equal(flag.is_party_hub, 1);
  assert.deepEqual((await links('party_hub', hub.id)).map((l) => l.household_id).sort(), [...ids].sort());

  const list = body(await get('/api/v1/party-hubs?node=CST'));
  assert.equal(list.total, 1);
  assert.equal(list.items[0].id, hub.id);
  assert.equal(list.items[0].linkedHouseholdCount, 10);
  assert.equal(body(await get(`/api/v1/party-hubs?node=${g2.id}`)).total, 0);

  const linked = body(await get(`/api/v1/party-hubs/${hub.id}/households?pageSize=4`));
  assert.equal(linked.total, 10);
  assert.equal(linked.items.length, 4);
});

test('PUT replaces the list; the hub cannot serve itself; more than 30 or repeated ids are refused', async () => {
  const res = await put(`/api/v1/party-hubs/${hub.id}/households`, served.slice(5, 12).map((h) => h.id));
  assert.equal(res.statusCode, 200);
  assert.equal((await links('party_hub', hub.id)).length, 7);

  const self = await put(`/api/v1/party-hubs/${hub.id}/households`, [hub.id, served[0]!.id]);
  assert.equal(self.statusCode, 400);
  assert.equal(body(self).error.code, 'PARTY_HUB_LINKS_ITSELF');
  const tooMany = await put(`/api/v1/party-hubs/${hub.id}/households`, Array.from({ length: 31 }, (_, i) => `h${i}`));
  assert.equal(tooMany.statusCode, 400);
  assert.equal(body(tooMany).error.code, 'VALIDATION_FAILED');
  const repeated = await put(`/api/v1/party-hubs/${hub.id}/households`, [served[0]!.id, served[0]!.id]);
  assert.equal(repeated.statusCode, 400);
  assert.equal((await links('party_hub', hub.id)).length, 7, 'refusals leave the list alone');
});

test('households outside the worker\'s grid cannot be linked, and nothing is half-written', async () => {
  const far = await createHousehold(t.db, { grid: g2, address: '二网格 1号' });
  const res = await put(`/api/v1/party-hubs/${hub.id}/households`, [served[0]!.id, far.id, 'missing']);
  assert.equal(res.statusCode, 404);
  assert.equal(body(res).error.code, 'HOUSEHOLD_NOT_FOUND');
  assert.deepEqual(body(res).error.details.householdIds, [far.id, 'missing']);
  assert.equal((await links('party_hub', hub.id)).length, 7);

  const farHub = await put(`/api/v1/party-hubs/${far.id}/households`, []);
  assert.equal(farHub.statusCode, 404);
  assert.equal((await t.db.selectFrom('households').select('is_party_hub').where('id', '=', far.id).executeTakeFirstOrThrow()).is_party_hub, 0);
});

test('a household that is not a hub answers 404 PARTY_HUB_NOT_FOUND; DELETE ends a hub', async () => {
  const notHub = await get(`/api/v1/party-hubs/${served[0]!.id}/households`);
  assert.equal(notHub.statusCode, 404);
  assert.equal(body(notHub).error.code, 'PARTY_HUB_NOT_FOUND');

  const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/party-hubs/${hub.id}`, headers: worker });
  assert.equal(res.statusCode, 204);
  assert.equal((await links('party_hub', hub.id)).length, 0);
  assert.equal((await t.db.selectFrom('households').select('is_party_hub').where('id', '=', hub.id).executeTakeFirstOrThrow()).is_party_hub, 0);
  assert.equal(body(await get('/api/v1/party-hubs')).total, 0);
});

test('a household liaison links households; an empty list ends the role', async () => {
  const liaison = await createResident(t.db, { household: served[0]!, name: '联户长 次旦', phone: '13700001111' });
  const ids = served.slice(0, 5).map((h) => h.id);
  const res = await put(`/api/v1/liaisons/${liaison.id}/households`, ids);
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(body(res).linkedHouseholdCount, 5);
  assert.equal(body(res).phone, '137****1111');
  assert.equal((await links('liaison', liaison.id)).length, 5);

  const list = body(await get('/api/v1/liaisons?node=CST'));
  assert.equal(list.total, 1);
  assert.equal(list.items[0].id, liaison.id);
  assert.equal(list.items[0].linkedHouseholdCount, 5);
  assert.ok(!JSON.stringify(list).includes('13700001111'));
  assert.equal(body(await get(`/api/v1/liaisons/${liaison.id}/households`)).total, 5);

  const cleared = await put(`/api/v1/liaisons/${liaison.id}/households`, []);
  assert.equal(cleared.statusCode, 200);
  assert.equal((await links('liaison', liaison.id)).length, 0);
  assert.equal(body(await get('/api/v1/liaisons')).total, 0);
  assert.equal(body(await get(`/api/v1/liaisons/${liaison.id}/households`)).total, 0);

  const nobody = await put('/api/v1/liaisons/no-such-resident/households', ids);
  assert.equal(nobody.statusCode, 404);
  assert.equal(body(nobody).error.code, 'RESIDENT_NOT_FOUND');
  const extra = await t.app.inject({ method: 'PUT', url: `/api/v1/liaisons/${liaison.id}/households`, headers: worker, payload: { householdIds: ids, note: 'x' } });
  assert.equal(extra.statusCode, 400);
  assert.equal((await links('liaison', liaison.id)).length, 0);
});
