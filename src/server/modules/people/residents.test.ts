import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { body, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import {
  createCommunity,
  createCommunityWorker,
  createGridWorker,
  createHousehold,
  createResident,
  createResidentAccount,
  makeIdNumber,
  type OrgNode,
} from '../../../../test/support/factories.ts';

let t: TestApp;
let grid: OrgNode;
let staff: Record<string, string>;
let householdId: string;

const ID = makeIdNumber({ birthDate: '1985-06-15', gender: 'female', serial: 42 });
const WRONG_CHECK = ID.slice(0, 17) + (ID[17] === '0' ? '1' : '0');

before(async () => {
  t = await startTestApp();
  const place = await createCommunity(t.db, { code: 'NQ', name: '乃琼社区', grids: 2 });
  grid = place.grids[0]!;
  const worker = await createCommunityWorker(t.db, place.community);
  staff = await t.login(worker.username, worker.password);
  householdId = (await createHousehold(t.db, { grid, address: '乃琼路 8号' })).id;
});

async function residentRows() {
  return t.db.selectFrom('residents').selectAll().execute();
}

test('anonymous callers get 401 on every people route', async () => {
  const urls = ['/api/v1/residents', '/api/v1/households', '/api/v1/compounds', '/api/v1/party-hubs', '/api/v1/liaisons', '/api/v1/residents/no-such-id', `/api/v1/households/${householdId}`];
  for (const url of urls) {
    const res = await t.app.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 401, url);
    assert.equal(body(res).error.code, 'UNAUTHENTICATED');
  }
  // Even an invalid body answers 401: nothing about the request is looked at before the caller is known.
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/residents', payload: { household: householdId, name: '次仁', unknown: true } });
  assert.equal(res.statusCode, 401);
  assert.equal((await residentRows()).length, 0);
});

test('staff register a resident; gender and birth date come from the ID number; the reply is masked', async () => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/residents',
    headers: staff,
    payload: { household: householdId, name: ' 卓玛 ', phone: '13800138000', idNumber: ID, isPartyMember: true },
  });
  assert.equal(res.statusCode, 201, res.body);
  const r = body(res);
  assert.equal(r.name, '卓玛');
  assert.equal(r.phone, '138****8000');
  assert.equal(r.idNumber, `${ID.slice(0, 4)}**********${ID.slice(14)}`);
  assert.equal(r.gender, 'female');
  assert.equal(r.isPartyMember, true);
  assert.equal(r.address, '乃琼路 8号');
  assert.deepEqual(r.abilities, ['people.read', 'people.manage', 'people.reveal']);
  assert.equal('birthDate' in r, false, 'birth date is part of the masked digits');

  const [row] = await residentRows();
  assert.equal(row!.phone, '13800138000');
  assert.equal(row!.id_number, ID);
  assert.equal(row!.birth_date, '1985-06-15');
  assert.equal(row!.gender, 'female');
  assert.equal(row!.grid_id, grid.id);
  assert.equal(row!.path, grid.path);
  assert.equal(row!.is_party_member, 1);
});

test('lists and GET always mask phone and ID number; q filters by name', async () => {
  const list = await t.app.inject({ method: 'GET', url: '/api/v1/residents?q=卓', headers: staff });
  assert.equal(list.statusCode, 200);
  const page = body(list);
  assert.equal(page.total, 1);
  assert.equal(page.page, 1);
  assert.equal(page.pageSize, 20);
  assert.equal(page.items[0].phone, '138****8000');
  assert.ok(!list.body.includes('13800138000') && !list.body.includes(ID));

  const none = body(await t.app.inject({ method: 'GET', url: '/api/v1/residents?q=%25', headers: staff }));
  assert.equal(none.total, 0, 'a % in q is a literal, not a wildcard');

  const one = await t.app.inject({ method: 'GET', url: `/api/v1/residents/${page.items[0].id}`, headers: staff });
  assert.equal(one.statusCode, 200);
  assert.ok(!one.body.includes('13800138000') && !one.body.includes(ID));

  const household = await t.app.inject({ method: 'GET', url: `/api/v1/households/${householdId}`, headers: staff });
  assert.equal(household.statusCode, 200);
  assert.equal(body(household).members.length, 1);
  assert.equal(body(household).memberCount, 1);
  assert.ok(!household.body.includes('13800138000') && !household.body.includes(ID));
});

test('reading personal data answers unmasked and writes an audit row', async () => {
  const [row] = await residentRows();
  const before = await t.db.selectFrom('audit_log').selectAll().execute();
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/residents/${row!.id}/personal-data`, headers: staff });
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['cache-control'], 'no-store');
  assert.deepEqual(body(res), { id: row!.id, name: '卓玛', gender: 'female', phone: '13800138000', idNumber: ID, birthDate: '1985-06-15' });
  const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'resident.personal_data.read').execute();
  assert.equal(audit.length, before.filter((a) => a.action === 'resident.personal_data.read').length + 1);
  assert.equal(audit.at(-1)!.subject_type, 'resident');
  assert.equal(audit.at(-1)!.subject_id, row!.id);
  assert.ok(audit.at(-1)!.account_id);
});

test('bad input answers 400 with details and writes nothing', async () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ household: householdId, name: '次仁', unknown: 1 }, 'VALIDATION_FAILED'],
    [{ household: householdId }, 'VALIDATION_FAILED'],
    [{ household: householdId, name: '   ' }, 'NAME_REQUIRED'],
    [{ household: householdId, name: '次仁', phone: '12345' }, 'PHONE_INVALID'],
    [{ household: householdId, name: '次仁', idNumber: WRONG_CHECK }, 'ID_NUMBER_INVALID'],
    [{ household: householdId, name: '次仁', idNumber: makeIdNumber({ gender: 'male', serial: 7 }), gender: 'female' }, 'ID_NUMBER_MISMATCH'],
    [{ household: householdId, name: '次仁', idNumber: makeIdNumber({ birthDate: '1990-01-01', serial: 8 }), birthDate: '1990-01-02' }, 'ID_NUMBER_MISMATCH'],
    [{ household: householdId, name: '次仁', gender: 'other' }, 'VALIDATION_FAILED'],
    [{ household: householdId, name: '次仁', isPartyMember: 'yes' }, 'VALIDATION_FAILED'],
  ];
  const rowsBefore = (await residentRows()).length;
  for (const [payload, code] of cases) {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/residents', headers: staff, payload });
    assert.equal(res.statusCode, 400, `${JSON.stringify(payload)} → ${res.body}`);
    assert.equal(body(res).error.code, code, JSON.stringify(payload));
    if (code !== 'VALIDATION_FAILED') assert.ok(body(res).error.details, 'details name the field');
  }
  const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/residents', headers: staff, payload: { household: householdId, name: '次仁', unknown: 1 } });
  assert.equal(body(unknown).error.details[0].unknownField, 'unknown');
  const malformed = await t.app.inject({ method: 'POST', url: '/api/v1/residents', headers: { ...staff, 'content-type': 'application/json' }, payload: '{"name":' });
  assert.equal(malformed.statusCode, 400);
  assert.equal((await residentRows()).length, rowsBefore);
});

test('an ID number is registered once (409) and a missing household answers 404', async () => {
  const taken = await t.app.inject({ method: 'POST', url: '/api/v1/residents', headers: staff, payload: { household: householdId, name: '另一人', idNumber: ID.toLowerCase() } });
  assert.equal(taken.statusCode, 409);
  assert.equal(body(taken).error.code, 'ID_NUMBER_TAKEN');
  const nowhere = await t.app.inject({ method: 'POST', url: '/api/v1/residents', headers: staff, payload: { household: 'no-such-household', name: '次仁' } });
  assert.equal(nowhere.statusCode, 404);
  assert.equal(body(nowhere).error.code, 'HOUSEHOLD_NOT_FOUND');
  assert.equal((await residentRows()).length, 1);
});

test('patch corrects data with the same checks and moves a resident to another household and grid', async () => {
  const [row] = await residentRows();
  const other = await createHousehold(t.db, { grid: (await t.db.selectFrom('org_nodes').selectAll().where('code', '=', 'NQ-G2').executeTakeFirstOrThrow()), address: '乃琼路 9号' });

  const bad = await t.app.inject({ method: 'PATCH', url: `/api/v1/residents/${row!.id}`, headers: staff, payload: { gender: 'male' } });
  assert.equal(bad.statusCode, 400);
  assert.equal(body(bad).error.code, 'ID_NUMBER_MISMATCH');
  const empty = await t.app.inject({ method: 'PATCH', url: `/api/v1/residents/${row!.id}`, headers: staff, payload: {} });
  assert.equal(empty.statusCode, 400);

  const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/residents/${row!.id}`, headers: staff, payload: { phone: null, household: other.id, name: '卓玛央宗' } });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(body(res).phone, null);
  assert.equal(body(res).householdId, other.id);
  assert.equal(body(res).address, '乃琼路 9号');
  const after = await t.db.selectFrom('residents').selectAll().where('id', '=', row!.id).executeTakeFirstOrThrow();
  assert.equal(after.phone, null);
  assert.equal(after.name, '卓玛央宗');
  assert.equal(after.household_id, other.id);
  assert.equal(after.grid_id, other.grid_id);
  assert.equal(after.path, other.path);
  assert.equal(after.id_number, ID, 'untouched fields stay');
  assert.equal(after.gender, 'female');

  const newId = makeIdNumber({ birthDate: '1970-03-03', gender: 'male', serial: 11 });
  const changed = await t.app.inject({ method: 'PATCH', url: `/api/v1/residents/${row!.id}`, headers: staff, payload: { idNumber: newId } });
  assert.equal(changed.statusCode, 200, changed.body);
  const derived = await t.db.selectFrom('residents').selectAll().where('id', '=', row!.id).executeTakeFirstOrThrow();
  assert.equal(derived.gender, 'male', 'a new ID number brings its own gender');
  assert.equal(derived.birth_date, '1970-03-03');
});

test('a resident without an ID number keeps a stated gender and birth date', async () => {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/residents', headers: staff, payload: { household: householdId, name: '扎西', gender: 'male', birthDate: '1950-05-05' } });
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(body(res).idNumber, null);
  const row = await t.db.selectFrom('residents').selectAll().where('id', '=', body(res).id).executeTakeFirstOrThrow();
  assert.equal(row.gender, 'male');
  assert.equal(row.birth_date, '1950-05-05');
});

test('delete removes the resident and their liaison links, audited; a resident with an account is refused', async () => {
  const household = await createHousehold(t.db, { grid, address: '乃琼路 10号' });
  const liaison = await createResident(t.db, { household, name: '洛桑' });
  await t.db.insertInto('household_links').values({ kind: 'liaison', linker_id: liaison.id, household_id: household.id, created_at: new Date().toISOString() }).execute();

  const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/residents/${liaison.id}`, headers: staff });
  assert.equal(res.statusCode, 204);
  assert.equal(await t.db.selectFrom('residents').select('id').where('id', '=', liaison.id).executeTakeFirst(), undefined);
  assert.equal((await t.db.selectFrom('household_links').selectAll().where('linker_id', '=', liaison.id).execute()).length, 0);
  assert.ok(await t.db.selectFrom('audit_log').select('id').where('action', '=', 'resident.deleted').where('subject_id', '=', liaison.id).executeTakeFirst());

  const again = await t.app.inject({ method: 'DELETE', url: `/api/v1/residents/${liaison.id}`, headers: staff });
  assert.equal(again.statusCode, 404);
  assert.equal(body(again).error.code, 'RESIDENT_NOT_FOUND');

  const holder = await createResident(t.db, { household, name: '有账号' });
  await createResidentAccount(t.db, holder);
  const refused = await t.app.inject({ method: 'DELETE', url: `/api/v1/residents/${holder.id}`, headers: staff });
  assert.equal(refused.statusCode, 409);
  assert.equal(body(refused).error.code, 'RESIDENT_HAS_ACCOUNT');
  assert.ok(await t.db.selectFrom('residents').select('id').where('id', '=', holder.id).executeTakeFirst());
});

test('a grid worker of grid 1 manages grid 1 only; grid 2 residents answer 404', async () => {
  const [g1, g2] = await t.db.selectFrom('org_nodes').selectAll().where('code', 'in', ['NQ-G1', 'NQ-G2']).orderBy('code').execute();
  const worker = await createGridWorker(t.db, g1!);
  const headers = await t.login(worker.username, worker.password);
  const far = await createResident(t.db, { household: await createHousehold(t.db, { grid: g2!, address: '远处 1号' }), name: '远处的人' });
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/residents/${far.id}`, headers });
  assert.equal(res.statusCode, 404);
  assert.equal(body(res).error.code, 'RESIDENT_NOT_FOUND');
  const list = body(await t.app.inject({ method: 'GET', url: '/api/v1/residents?pageSize=200', headers }));
  assert.ok(list.items.every((r: any) => r.gridId === g1!.id));
  const filtered = body(await t.app.inject({ method: 'GET', url: '/api/v1/residents?node=NQ-G2', headers }));
  assert.equal(filtered.total, 0, 'filtering on a node outside the scope shows nothing');
});
