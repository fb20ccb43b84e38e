import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { body, startTestApp, type TestApp } from './support/app.ts';
import {
  createCommunity,
  createCompound,
  createGridWorker,
  createHousehold,
  createResident,
  createResidentAccount,
  createStaffAccount,
  makeIdNumber,
} from './support/factories.ts';

// Scope is the org tree (DESIGN principle 3): a role reaches everything under its node and nothing else; a
// resident reaches their own household. Out-of-scope records answer 404, as if they did not exist.

let t: TestApp;
let home: { household: Awaited<ReturnType<typeof createHousehold>>; resident: Awaited<ReturnType<typeof createResident>> };
let neighbour: typeof home;
let elsewhere: typeof home;
let compoundB: { id: string };
let workerA: Record<string, string>;
let residentA: Record<string, string>;
let policeA: Record<string, string>;

async function family(grid: Parameters<typeof createHousehold>[1]['grid'], address: string, name: string, phone: string) {
  const household = await createHousehold(t.db, { grid, address, isPartyHub: true });
  const resident = await createResident(t.db, { household, name, phone, idNumber: makeIdNumber() });
  return { household, resident };
}

before(async () => {
  t = await startTestApp();
  const a = await createCommunity(t.db, { code: 'NQ', name: '乃琼社区' });
  const b = await createCommunity(t.db, { code: 'JC', name: '加措社区' });
  home = await family(a.grids[0]!, '乃琼 1号', '次仁', '13800000001');
  neighbour = await family(a.grids[0]!, '乃琼 2号', '邻居', '13800000002');
  elsewhere = await family(b.grids[0]!, '加措 1号', '外社区', '13800000003');
  compoundB = await createCompound(t.db, { grid: b.grids[0]!, name: '加措大院' });

  const worker = await createGridWorker(t.db, a.community);
  workerA = await t.login(worker.username, worker.password);
  const resident = await createResidentAccount(t.db, home.resident);
  residentA = await t.login(resident.username, resident.password);
  const police = await createStaffAccount(t.db, { role: 'police_officer', node: a.community });
  policeA = await t.login(police.username, police.password);
});

const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url, headers });

test('a grid worker of one community gets 404 for every record of another community', async () => {
  const urls = [
    `/api/v1/residents/${elsewhere.resident.id}`,
    `/api/v1/residents/${elsewhere.resident.id}/personal-data`,
    `/api/v1/households/${elsewhere.household.id}`,
    `/api/v1/compounds/${compoundB.id}`,
    `/api/v1/party-hubs/${elsewhere.household.id}/households`,
    `/api/v1/liaisons/${elsewhere.resident.id}/households`,
  ];
  for (const url of urls) {
    const res = await get(url, workerA);
    assert.equal(res.statusCode, 404, url);
  }
  const writes = [
    { method: 'PATCH' as const, url: `/api/v1/residents/${elsewhere.resident.id}`, payload: { name: '改名' } },
    { method: 'DELETE' as const, url: `/api/v1/residents/${elsewhere.resident.id}` },
    { method: 'PATCH' as const, url: `/api/v1/households/${elsewhere.household.id}`, payload: { room: '1' } },
    { method: 'POST' as const, url: '/api/v1/residents', payload: { household: elsewhere.household.id, name: '混入' } },
    { method: 'POST' as const, url: '/api/v1/compounds', payload: { grid: 'JC-G1', name: '混入大院' } },
    { method: 'PUT' as const, url: `/api/v1/party-hubs/${home.household.id}/households`, payload: { householdIds: [elsewhere.household.id] } },
  ];
  for (const w of writes) {
    const res = await t.app.inject({ ...w, headers: workerA });
    assert.equal(res.statusCode, 404, `${w.method} ${w.url} → ${res.body}`);
  }
  const row = await t.db.selectFrom('residents').selectAll().where('id', '=', elsewhere.resident.id).executeTakeFirstOrThrow();
  assert.equal(row.name, '外社区');
  assert.equal((await t.db.selectFrom('residents').select('id').where('name', '=', '混入').execute()).length, 0);
  assert.equal((await t.db.selectFrom('household_links').selectAll().execute()).length, 0);
  assert.equal((await t.db.selectFrom('audit_log').selectAll().where('subject_id', '=', elsewhere.resident.id).execute()).length, 0, 'a refused read is not logged as a read');
});

test("lists show a grid worker only their own community's records", async () => {
  for (const url of ['/api/v1/residents', '/api/v1/households', '/api/v1/party-hubs']) {
    const page = body(await get(`${url}?pageSize=200`, workerA));
    assert.equal(page.total, 2, url);
    assert.ok(!JSON.stringify(page).includes(elsewhere.household.id), url);
  }
  assert.equal(body(await get('/api/v1/compounds', workerA)).total, 0);
  assert.equal(body(await get('/api/v1/residents?node=JC', workerA)).total, 0);
});

test('a resident sees only their own household, reads its personal data unaudited, and changes nothing', async () => {
  const residents = body(await get('/api/v1/residents?pageSize=200', residentA));
  assert.deepEqual(residents.items.map((r: any) => r.id), [home.resident.id]);
  assert.deepEqual(residents.items[0].abilities, ['people.read', 'people.reveal']);
  assert.equal(residents.items[0].phone, '138****0001');
  const households = body(await get('/api/v1/households', residentA));
  assert.deepEqual(households.items.map((h: any) => h.id), [home.household.id]);
  assert.equal(body(await get('/api/v1/compounds', residentA)).total, 0);

  assert.equal((await get(`/api/v1/households/${home.household.id}`, residentA)).statusCode, 200);
  assert.equal((await get(`/api/v1/households/${neighbour.household.id}`, residentA)).statusCode, 404);
  assert.equal((await get(`/api/v1/residents/${neighbour.resident.id}`, residentA)).statusCode, 404);
  assert.equal((await get(`/api/v1/residents/${neighbour.resident.id}/personal-data`, residentA)).statusCode, 404);

  const own = await get(`/api/v1/residents/${home.resident.id}/personal-data`, residentA);
  assert.equal(own.statusCode, 200);
  assert.equal(body(own).phone, '13800000001');
  assert.equal((await t.db.selectFrom('audit_log').selectAll().where('subject_id', '=', home.resident.id).execute()).length, 0);

  const patch = await t.app.inject({ method: 'PATCH', url: `/api/v1/residents/${home.resident.id}`, headers: residentA, payload: { name: '自己改' } });
  assert.equal(patch.statusCode, 403);
  assert.equal((await t.db.selectFrom('residents').select('name').where('id', '=', home.resident.id).executeTakeFirstOrThrow()).name, '次仁');
});

test('a police officer reads and reveals (audited) in their community but cannot change people', async () => {
  const res = await get(`/api/v1/residents/${neighbour.resident.id}`, policeA);
  assert.equal(res.statusCode, 200);
  assert.deepEqual(body(res).abilities, ['people.read', 'people.reveal']);
  assert.equal((await get(`/api/v1/residents/${neighbour.resident.id}/personal-data`, policeA)).statusCode, 200);
  const audit = await t.db.selectFrom('audit_log').selectAll().where('subject_id', '=', neighbour.resident.id).execute();
  assert.equal(audit.length, 1);
  assert.equal(audit[0]!.action, 'resident.personal_data.read');

  const patch = await t.app.inject({ method: 'PATCH', url: `/api/v1/residents/${neighbour.resident.id}`, headers: policeA, payload: { name: '改名' } });
  assert.equal(patch.statusCode, 403);
  assert.equal(body(patch).error.code, 'FORBIDDEN');
  assert.equal((await get(`/api/v1/residents/${elsewhere.resident.id}`, policeA)).statusCode, 404);
});
