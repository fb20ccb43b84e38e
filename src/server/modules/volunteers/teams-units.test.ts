import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { body, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { createCommunity, createCommunityWorker, createGridWorker, createHousehold, createResident, createResidentAccount, type OrgNode, TEST_PASSWORD } from '../../../../test/support/factories.ts';

describe('volunteer teams, partner units, in-service members and shared resources', () => {
  let t: TestApp;
  let grid: OrgNode;
  let office: Record<string, string>;
  let worker: Record<string, string>;
  let farOffice: Record<string, string>;
  let resident: Record<string, string>;
  const talents: Record<string, string> = {};

  const rows = async () => ({
    teams: await t.db.selectFrom('teams').selectAll().execute(),
    members: await t.db.selectFrom('team_members').selectAll().execute(),
    units: await t.db.selectFrom('partner_units').selectAll().execute(),
    pairs: await t.db.selectFrom('partner_unit_communities').selectAll().execute(),
    resources: await t.db.selectFrom('shared_resources').selectAll().execute(),
    talents: await t.db.selectFrom('talents').selectAll().execute(),
  });
  const send = (method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, headers: Record<string, string>, payload?: object) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

  before(async () => {
    t = await startTestApp();
    const home = await createCommunity(t.db, { code: 'CST', name: '慈松塘社区', grids: 1 });
    const far = await createCommunity(t.db, { code: 'JCX', name: '加措社区', grids: 1 });
    grid = home.grids[0]!;
    office = await t.login((await createCommunityWorker(t.db, home.community)).username, TEST_PASSWORD);
    worker = await t.login((await createGridWorker(t.db, grid)).username, TEST_PASSWORD);
    farOffice = await t.login((await createCommunityWorker(t.db, far.community)).username, TEST_PASSWORD);
    const household = await createHousehold(t.db, { grid });
    resident = await t.login((await createResidentAccount(t.db, await createResident(t.db, { household, name: '央金' }))).username, TEST_PASSWORD);
    for (const [key, skill] of [['barber', 'haircut'], ['doctor', 'health_check'], ['singer', 'performance']] as const) {
      const res = await send('POST', '/api/v1/talents', office, { origin: 'survey', name: key === 'barber' ? '普布' : key === 'doctor' ? '德吉' : '拉姆', phone: `1370000000${Object.keys(talents).length}`, node: grid.code, skills: [{ skill, level: 3 }] });
      assert.equal(res.statusCode, 201, res.body);
      talents[key] = body(res).id;
    }
    const farTalent = await send('POST', '/api/v1/talents', farOffice, { origin: 'survey', name: '远方', phone: '13700000009', node: far.grids[0]!.code, skills: [{ skill: 'haircut', level: 1 }] });
    talents.far = body(farTalent).id;
  });
  after(() => t.close());

  test('the office forms 六义社 with a leader, adds and removes members; the history follows', async () => {
    const created = await send('POST', '/api/v1/teams', office, { name: '六义社', kind: 'six_yi', community: 'CST', purpose: '义剪 义卖 义演 义修 义诊 义送', services: ['haircut', 'charity_sale', 'performance', 'household_repairs', 'health_check', 'delivery'], leader: talents.barber });
    assert.equal(created.statusCode, 201, created.body);
    const team = body(created);
    assert.equal(team.kindLabel, '六义社');
    assert.deepEqual(team.leader, { id: talents.barber, name: '普布' });
    assert.equal(team.members.length, 1);
    assert.equal(team.services.length, 6);

    const joined = await send('PUT', `/api/v1/teams/${team.id}/members/${talents.doctor}`, office, { joinedOn: '2025-05-04' });
    assert.equal(joined.statusCode, 200, joined.body);
    assert.deepEqual(body(joined).members.map((m: any) => [m.name, m.joinedOn, m.leader]).sort(), [['德吉', '2025-05-04', false], ['普布', body(joined).members.find((m: any) => m.leader).joinedOn, true]].sort());
    const again = await send('PUT', `/api/v1/teams/${team.id}/members/${talents.doctor}`, office, {});
    assert.equal(again.statusCode, 200);
    assert.equal((await rows()).members.filter((m) => m.team_id === team.id).length, 2, 'joining twice keeps one membership');

    const talentView = body(await t.app.inject({ url: `/api/v1/talents/${talents.doctor}`, headers: office }));
    assert.deepEqual(talentView.teams.map((x: any) => [x.name, x.leader]), [['六义社', false]]);
    const members = body(await t.app.inject({ url: `/api/v1/talents?team=${team.id}`, headers: office }));
    assert.equal(members.total, 2);

    const leaderLeaves = await send('DELETE', `/api/v1/teams/${team.id}/members/${talents.barber}`, office);
    assert.equal(leaderLeaves.statusCode, 409);
    assert.equal(body(leaderLeaves).error.code, 'TEAM_LEADER_REMOVAL');
    const newLeader = await send('PATCH', `/api/v1/teams/${team.id}`, office, { leader: talents.singer });
    assert.equal(newLeader.statusCode, 200, newLeader.body);
    assert.equal(body(newLeader).leader.name, '拉姆');
    assert.equal(body(newLeader).memberCount, 3, 'a new leader joins the team');
    const left = await send('DELETE', `/api/v1/teams/${team.id}/members/${talents.barber}`, office);
    assert.equal(left.statusCode, 200);
    assert.equal(body(left).memberCount, 2);
    const history = await t.db.selectFrom('talent_events').select('action').where('talent_id', '=', talents.barber).orderBy('at').orderBy('id').execute();
    assert.deepEqual(history.map((h) => h.action), ['proposed', 'team_joined', 'team_leader', 'team_left']);

    const byKind = body(await t.app.inject({ url: '/api/v1/teams?kind=six_yi&skill=delivery', headers: office }));
    assert.deepEqual(byKind.items.map((x: any) => x.name), ['六义社']);
    assert.equal(body(await t.app.inject({ url: '/api/v1/teams?skill=plumbing', headers: office })).total, 0);
  });

  test('bad team input and other communities are refused, writing nothing', async () => {
    const team = body(await t.app.inject({ url: '/api/v1/teams?kind=six_yi', headers: office })).items[0];
    const before = await rows();
    const cases: [ReturnType<typeof send>, number, string][] = [
      [send('POST', '/api/v1/teams', office, { name: '六义社', kind: 'six_yi', community: 'CST' }), 409, 'TEAM_EXISTS'],
      [send('POST', '/api/v1/teams', office, { name: '新队', kind: 'juggling', community: 'CST' }), 400, 'VALIDATION_FAILED'],
      [send('POST', '/api/v1/teams', office, { name: '新队', kind: 'other', community: grid.code }), 400, 'TALENT_PLACE_INVALID'],
      [send('POST', '/api/v1/teams', office, { name: '新队', kind: 'other', community: 'JCX' }), 404, 'ORG_NODE_NOT_FOUND'],
      [send('POST', '/api/v1/teams', office, { name: '新队', kind: 'other', community: 'CST', leader: talents.far }), 404, 'TALENT_NOT_FOUND'],
      [send('PUT', `/api/v1/teams/${team.id}/members/${talents.singer}`, office, { joinedOn: '2999-01-01' }), 400, 'VALIDATION_FAILED'],
      [send('PUT', `/api/v1/teams/${team.id}/members/${talents.far}`, office, {}), 404, 'TALENT_NOT_FOUND'],
      [send('DELETE', `/api/v1/teams/${team.id}/members/${talents.barber}`, office), 404, 'TEAM_MEMBER_NOT_FOUND'],
      [send('PATCH', `/api/v1/teams/${team.id}`, farOffice, { purpose: '改' }), 404, 'TEAM_NOT_FOUND'],
      [send('PATCH', `/api/v1/teams/${team.id}`, worker, { purpose: '改' }), 404, 'TEAM_NOT_FOUND'],
      [send('PATCH', `/api/v1/teams/${team.id}`, office, {}), 400, 'VALIDATION_FAILED'],
    ];
    for (const [pending, status, code] of cases) {
      const res = await pending;
      assert.equal(res.statusCode, status, res.body);
      assert.equal(body(res).error.code, code);
    }
    assert.deepEqual(await rows(), before);
  });

  test('a partner unit pairs with the community, registers an in-service member and shares a resource with the public', async () => {
    const unit = await send('POST', '/api/v1/partner-units', office, { name: '拉萨市人民医院', contactName: '次仁卓玛', contactPhone: '0891-6322101', address: '林廓北路18号', communities: ['CST'] });
    assert.equal(unit.statusCode, 201, unit.body);
    const unitId = body(unit).id;
    assert.deepEqual(body(unit).communities.map((c: any) => c.code), ['CST']);

    // 双报到: an in-service party member who does not live here registers with their unit and the community.
    const member = await send('POST', '/api/v1/talents', office, { origin: 'in_service', name: '王建华', phone: '19908910001', node: 'CST', partnerUnit: unitId, skills: [{ skill: 'health_check', level: 3 }] });
    assert.equal(member.statusCode, 201, member.body);
    assert.equal(body(member).partnerUnit.name, '拉萨市人民医院');
    assert.equal(body(member).grid, null);
    assert.equal(body(member).phone, '199****0001');
    const stored = (await rows()).talents.find((r) => r.id === body(member).id)!;
    assert.equal(stored.phone, '19908910001');
    assert.equal(stored.resident_id, null);
    assert.equal(body(await t.app.inject({ url: `/api/v1/partner-units/${unitId}`, headers: office })).inServiceMembers, 1);
    const withoutGrid = body(await t.app.inject({ url: '/api/v1/talents?withoutGrid=true', headers: office }));
    assert.deepEqual(withoutGrid.items.map((i: any) => i.name), ['王建华']);
    const figures = body(await t.app.inject({ url: '/api/v1/talents/figures?node=CST&status=all', headers: office }));
    assert.equal(figures.inService, 1);
    const communityRow = figures.byGrid.find((r: any) => r.grid === null);
    assert.equal(communityRow.count, 1);
    assert.equal(body(await t.app.inject({ url: communityRow.list, headers: office })).total, 1, 'the community row drills down to exactly its talents');

    const shared = await send('POST', `/api/v1/partner-units/${unitId}/shared-resources`, office, {
      kind: 'parking', name: '职工停车场（夜间共享）', address: '林廓北路18号东门', location: [91.12, 29.66], hoursNote: '早 8 点前驶离', community: 'CST',
      openingHours: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '24:00' }],
    });
    assert.equal(shared.statusCode, 201, shared.body);
    const list = await t.app.inject({ url: '/api/v1/shared-resources?node=CST' });
    assert.equal(list.statusCode, 200, 'public: no sign-in');
    const [item] = body(list).items;
    assert.equal(item.name, '职工停车场（夜间共享）');
    assert.equal(item.kindLabel, '停车场');
    assert.equal(item.openNow, true);
    assert.deepEqual(item.partnerUnit, { name: '拉萨市人民医院' });
    assert.ok(!list.body.includes('0891-6322101') && !list.body.includes('次仁卓玛') && !list.body.includes(unitId), 'no contact details or unit ids in the public list');

    const hidden = await send('PATCH', `/api/v1/shared-resources/${item.id}`, office, { active: false });
    assert.equal(hidden.statusCode, 200);
    assert.equal(body(await t.app.inject({ url: '/api/v1/shared-resources?node=CST' })).total, 0);
  });

  test('partner units are refused to other communities, residents and bad input, writing nothing', async () => {
    const unitId = body(await t.app.inject({ url: '/api/v1/partner-units', headers: office })).items[0].id;
    const resource = (await rows()).resources[0]!;
    const before = await rows();
    const cases: [ReturnType<typeof send>, number, string][] = [
      [send('POST', '/api/v1/partner-units', office, { name: '拉萨市人民医院', communities: ['CST'] }), 409, 'PARTNER_UNIT_EXISTS'],
      [send('POST', '/api/v1/partner-units', office, { name: '新单位', contactPhone: '12345', communities: ['CST'] }), 400, 'WORK_PHONE_INVALID'],
      [send('POST', '/api/v1/partner-units', office, { name: '新单位', communities: ['JCX'] }), 404, 'ORG_NODE_NOT_FOUND'],
      [send('POST', '/api/v1/partner-units', office, { name: '新单位', communities: [grid.code] }), 400, 'PARTNER_UNIT_COMMUNITY_INVALID'],
      [send('POST', '/api/v1/partner-units', office, { name: '新单位', communities: [] }), 400, 'VALIDATION_FAILED'],
      [send('POST', '/api/v1/partner-units', resident, { name: '新单位', communities: ['CST'] }), 403, 'FORBIDDEN'],
      [send('PATCH', `/api/v1/partner-units/${unitId}`, farOffice, { note: '改' }), 404, 'PARTNER_UNIT_NOT_FOUND'],
      [send('POST', `/api/v1/partner-units/${unitId}/shared-resources`, office, { kind: 'gym', name: '运动馆', community: 'CST', openingHours: [{ weekdays: [8], from: '09:00', to: '10:00' }] }), 400, 'VALIDATION_FAILED'],
      [send('POST', `/api/v1/partner-units/${unitId}/shared-resources`, office, { kind: 'gym', name: '运动馆', community: 'CST', openingHours: [{ weekdays: [1], from: '10:00', to: '09:00' }] }), 400, 'WEEKLY_HOURS_INVALID'],
      [send('POST', `/api/v1/partner-units/${unitId}/shared-resources`, office, { kind: 'gym', name: '运动馆', community: 'CST', location: [200, 29], openingHours: [] }), 400, 'VALIDATION_FAILED'],
      [send('PATCH', `/api/v1/shared-resources/${resource.id}`, farOffice, { active: true }), 403, 'FORBIDDEN'],
      [send('PATCH', `/api/v1/shared-resources/${resource.id}`, resident, { active: true }), 403, 'FORBIDDEN'],
      [send('POST', '/api/v1/talents', office, { origin: 'in_service', name: '李四', phone: '19908910002', node: 'CST', partnerUnit: unitId, skills: [{ skill: 'health_check', level: 3 }], contactPreference: 'pigeon' }), 400, 'VALIDATION_FAILED'],
    ];
    for (const [pending, status, code] of cases) {
      const res = await pending;
      assert.equal(res.statusCode, status, res.body);
      assert.equal(body(res).error.code, code);
    }
    assert.deepEqual(await rows(), before);
    assert.equal((await t.app.inject({ url: `/api/v1/partner-units/${unitId}`, headers: farOffice })).statusCode, 404);
    assert.equal(body(await t.app.inject({ url: '/api/v1/partner-units', headers: farOffice })).total, 0);
  });
});
