import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { body, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import {
  createCommunity,
  createCommunityWorker,
  createGridWorker,
  createHousehold,
  createResident,
  createResidentAccount,
  type OrgNode,
  TEST_PASSWORD,
} from '../../../../test/support/factories.ts';

describe('talent pool: joining, confirming, scope and the personal file', () => {
  let t: TestApp;
  let community: OrgNode;
  let grid1: OrgNode;
  let grid2: OrgNode;
  let office: Record<string, string>;
  let worker1: Record<string, string>;
  let worker2: Record<string, string>;
  let farOffice: Record<string, string>;
  let residentHeaders: Record<string, string>;
  let residentId: string;
  let neighbourId: string;

  const counts = async () => {
    const n = async (table: 'talents' | 'talent_skills' | 'talent_events' | 'talent_service_areas' | 'audit_log') =>
      Number((await t.db.selectFrom(table).select(t.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { talents: await n('talents'), skills: await n('talent_skills'), events: await n('talent_events'), areas: await n('talent_service_areas'), audit: await n('audit_log') };
  };
  const post = (url: string, headers: Record<string, string>, payload: object) => t.app.inject({ method: 'POST', url, headers, payload });

  before(async () => {
    t = await startTestApp();
    const tree = await createCommunity(t.db, { code: 'NDJ', name: '乃东社区', grids: 2 });
    community = tree.community;
    [grid1, grid2] = tree.grids as [OrgNode, OrgNode];
    const far = await createCommunity(t.db, { code: 'FAR', name: '远方社区', grids: 1 });
    const home = await createHousehold(t.db, { grid: grid1, address: '乃东路1号' });
    const resident = await createResident(t.db, { household: home, name: '次仁央宗', phone: '13812345678' });
    residentId = resident.id;
    const neighbourHome = await createHousehold(t.db, { grid: grid1, address: '乃东路3号' });
    neighbourId = (await createResident(t.db, { household: neighbourHome, name: '扎西多吉', phone: '13987654321' })).id;
    const login = async (a: { username: string }) => t.login(a.username, TEST_PASSWORD);
    office = await login(await createCommunityWorker(t.db, community));
    worker1 = await login(await createGridWorker(t.db, grid1));
    worker2 = await login(await createGridWorker(t.db, grid2));
    farOffice = await login(await createCommunityWorker(t.db, far.community));
    residentHeaders = await login(await createResidentAccount(t.db, resident));
  });
  after(() => t.close());

  test('a resident nominates themselves, the office confirms, and the app then knows them as a talent', async () => {
    const before = await counts();
    const proposed = await post('/api/v1/talents', residentHeaders, {
      origin: 'self_nomination',
      skills: [{ skill: 'haircut', level: 2 }],
      availability: [{ weekdays: [6, 7], from: '09:00', to: '12:00' }],
      contactPreference: 'app',
      note: '会理发，周末有空',
    });
    assert.equal(proposed.statusCode, 201, proposed.body);
    const view = body(proposed);
    assert.equal(view.status, 'proposed');
    assert.equal(view.residentId, residentId);
    assert.equal(view.name, '次仁央宗');
    assert.equal(view.phone, '138****5678', 'the phone is masked');
    assert.equal(view.grid.code, grid1.code);
    assert.equal(view.community.code, 'NDJ');
    assert.deepEqual(view.serviceAreas.map((a: any) => a.code), ['NDJ'], 'a talent serves their own community by default');
    assert.deepEqual(view.skills.map((s: any) => [s.skill, s.level, s.confirmed]), [['haircut', 2, false]]);
    assert.deepEqual(view.abilities, ['volunteers.read', 'people.reveal'], 'a resident reads but does not manage their record');
    const after = await counts();
    assert.deepEqual(after, { ...before, talents: before.talents + 1, skills: before.skills + 1, events: before.events + 1, areas: before.areas + 1 });
    const row = await t.db.selectFrom('talents').selectAll().where('id', '=', view.id).executeTakeFirstOrThrow();
    assert.equal(row.phone, null, "a resident's phone stays in the resident record");
    assert.equal(row.path, grid1.path);

    const again = await post('/api/v1/talents', residentHeaders, { origin: 'self_nomination', skills: [{ skill: 'cooking', level: 1 }] });
    assert.equal(again.statusCode, 409);
    assert.equal(body(again).error.code, 'TALENT_EXISTS');

    const confirmed = await post(`/api/v1/talents/${view.id}/confirm`, office, { skills: [{ skill: 'haircut', level: 3 }], note: '试剪后确认' });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.equal(body(confirmed).status, 'confirmed');
    const [skill] = body(confirmed).skills;
    assert.equal(skill.level, 3);
    assert.equal(skill.confirmed, true);
    assert.ok(skill.confirmedBy, 'who confirmed the skill is recorded');
    const stored = await t.db.selectFrom('talent_skills').selectAll().where('talent_id', '=', view.id).executeTakeFirstOrThrow();
    assert.equal(stored.level, 3);
    assert.ok(stored.confirmed_by_account_id);

    const me = await t.app.inject({ url: '/api/v1/talents/me', headers: residentHeaders });
    assert.equal(me.statusCode, 200);
    assert.equal(body(me).id, view.id);
    assert.equal(body(me).status, 'confirmed');

    const twice = await post(`/api/v1/talents/${view.id}/confirm`, office, {});
    assert.equal(twice.statusCode, 409);
    assert.equal(body(twice).error.code, 'TALENT_STATUS_CONFLICT');
    assert.match(body(twice).error.message, /已确认/);

    const history = await t.db.selectFrom('talent_events').select(['action', 'from_status', 'to_status', 'note']).where('talent_id', '=', view.id).orderBy('at').orderBy('id').execute();
    assert.deepEqual(history.map((h) => [h.action, h.from_status, h.to_status]), [['proposed', null, 'proposed'], ['confirmed', 'proposed', 'confirmed']]);
  });

  test('a resident recommends a neighbour by phone: the receipt discloses nothing, staff find the proposal', async () => {
    const receipt = await post('/api/v1/talents/recommendations', residentHeaders, { name: '格桑', phone: '13600001111', skills: [{ skill: 'electrician', level: 3 }], note: '他是电工，常帮邻居修电路' });
    assert.equal(receipt.statusCode, 202, receipt.body);
    assert.deepEqual(Object.keys(body(receipt)).sort(), ['message', 'receivedAt']);
    const list = body(await t.app.inject({ url: '/api/v1/talents?origin=recommendation&status=proposed', headers: office }));
    const found = list.items.find((i: any) => i.name === '格桑');
    assert.ok(found, 'the office sees the recommended person');
    assert.equal(found.phone, '136****1111');
    assert.equal(found.grid.code, grid1.code, "placed in the recommender's grid until staff say otherwise");

    // Recommended again by the same phone: one file, one more line of history, the new skill unconfirmed.
    const again = await post('/api/v1/talents/recommendations', residentHeaders, { name: '格桑', phone: '13600001111', skills: [{ skill: 'household_repairs' }] });
    assert.equal(again.statusCode, 202);
    const rows = await t.db.selectFrom('talents').select('id').where('phone', '=', '13600001111').execute();
    assert.equal(rows.length, 1);
    const file = body(await t.app.inject({ url: `/api/v1/talents/${found.id}/file`, headers: office }));
    assert.equal(file.recommendations.length, 2);
    assert.equal(file.recommendations[0].recommenderName, '次仁央宗');
    assert.deepEqual(file.profile.skills.map((s: any) => [s.skill, s.level, s.confirmed]), [['electrician', 3, false], ['household_repairs', 1, false]]);

    // The resident cannot read what they recommended.
    const asResident = await t.app.inject({ url: `/api/v1/talents/${found.id}`, headers: residentHeaders });
    assert.equal(asResident.statusCode, 404);

    const declined = await post(`/api/v1/talents/${found.id}/decline`, office, { reason: '本人暂无时间' });
    assert.equal(declined.statusCode, 200, declined.body);
    assert.equal(body(declined).statusReason, '本人暂无时间');
    // A declined talent put forward again comes back to proposed, in the same file.
    const back = await post('/api/v1/talents', worker1, { origin: 'survey', name: '格桑', phone: '13600001111', node: grid1.code, skills: [{ skill: 'electrician', level: 3 }] });
    assert.equal(back.statusCode, 200, back.body);
    assert.equal(body(back).id, found.id);
    assert.equal(body(back).status, 'proposed');
  });

  test('two staff confirming the same talent at once: exactly one wins, the history says it once', async () => {
    // In the other community, so the figures of 乃东社区 below do not count it.
    const proposed = await post('/api/v1/talents', farOffice, { origin: 'survey', name: '并发', phone: '13600009999', node: 'FAR-G1', skills: [{ skill: 'cooking', level: 2 }] });
    assert.equal(proposed.statusCode, 201, proposed.body);
    const id = body(proposed).id;
    const answers = await Promise.all([post(`/api/v1/talents/${id}/confirm`, farOffice, {}), post(`/api/v1/talents/${id}/decline`, farOffice, { reason: '重复登记' }), post(`/api/v1/talents/${id}/confirm`, farOffice, {})]);
    assert.deepEqual(answers.map((a) => a.statusCode).sort(), [200, 409, 409]);
    const events = await t.db.selectFrom('talent_events').select('action').where('talent_id', '=', id).where('action', 'in', ['confirmed', 'declined']).execute();
    assert.equal(events.length, 1);
  });

  test('a grid worker records a survey find in their grid, not in another', async () => {
    const ok = await post('/api/v1/talents', worker1, { origin: 'survey', resident: neighbourId, skills: [{ skill: 'translation_bo_zh', level: 3 }], note: '入户走访时发现' });
    assert.equal(ok.statusCode, 201, ok.body);
    assert.equal(body(ok).origin, 'survey');
    assert.deepEqual(body(ok).abilities, ['volunteers.read', 'people.reveal']);

    const before = await counts();
    const outside = await post('/api/v1/talents', worker2, { origin: 'survey', name: '外网格', phone: '13600002222', node: grid1.code, skills: [{ skill: 'cooking', level: 1 }] });
    assert.equal(outside.statusCode, 404, outside.body);
    assert.equal(body(outside).error.code, 'ORG_NODE_NOT_FOUND');
    const notTheirs = await post('/api/v1/talents', worker2, { origin: 'in_service', name: '王建华', phone: '13600003333', node: grid2.code, skills: [{ skill: 'cooking', level: 1 }] });
    assert.equal(notTheirs.statusCode, 403);
    assert.equal(body(notTheirs).error.code, 'TALENT_ORIGIN_NOT_ALLOWED');
    assert.deepEqual(await counts(), before, 'refused proposals write nothing');
  });

  test('a grid worker of another grid and an office of another community can neither read nor change a talent', async () => {
    const talent = body(await t.app.inject({ url: '/api/v1/talents?origin=survey&skill=translation_bo_zh', headers: office })).items[0];
    const before = await counts();
    for (const headers of [worker2, farOffice]) {
      for (const req of [
        { url: `/api/v1/talents/${talent.id}` },
        { url: `/api/v1/talents/${talent.id}/file` },
        { url: `/api/v1/talents/${talent.id}/personal-data` },
        { method: 'PATCH' as const, url: `/api/v1/talents/${talent.id}`, payload: { note: '改' } },
        { method: 'POST' as const, url: `/api/v1/talents/${talent.id}/confirm`, payload: {} },
        { method: 'PUT' as const, url: `/api/v1/talents/${talent.id}/skills/cooking`, payload: { level: 1 } },
      ]) {
        const res = await t.app.inject({ ...req, headers });
        assert.equal(res.statusCode, 404, `${req.url}: ${res.body}`);
        assert.equal(body(res).error.code, 'TALENT_NOT_FOUND');
      }
      const list = body(await t.app.inject({ url: '/api/v1/talents?pageSize=200', headers }));
      assert.ok(!list.items.some((i: any) => i.id === talent.id));
    }
    // The grid worker of the talent's own grid reads it but may not confirm it.
    const read = await t.app.inject({ url: `/api/v1/talents/${talent.id}`, headers: worker1 });
    assert.equal(read.statusCode, 200);
    const refused = await post(`/api/v1/talents/${talent.id}/confirm`, worker1, {});
    assert.equal(refused.statusCode, 403);
    assert.deepEqual(await counts(), before);
  });

  test('bad input gets a clear 4xx in the caller\'s language and writes nothing', async () => {
    const talent = body(await t.app.inject({ url: '/api/v1/talents?skill=translation_bo_zh', headers: office })).items[0];
    const cases: [string, Record<string, string>, object, number, string][] = [
      ['/api/v1/talents', office, { origin: 'survey', skills: [{ skill: 'haircut', level: 1 }] }, 400, 'TALENT_PERSON_REQUIRED'],
      ['/api/v1/talents', office, { origin: 'survey', name: '张三', phone: '12345', node: grid1.code, skills: [{ skill: 'haircut', level: 1 }] }, 400, 'PHONE_INVALID'],
      ['/api/v1/talents', office, { origin: 'survey', name: '张三', phone: '13600004444', node: grid1.code, skills: [{ skill: 'haircut', level: 4 }] }, 400, 'VALIDATION_FAILED'],
      ['/api/v1/talents', office, { origin: 'survey', name: '张三', phone: '13600004444', node: grid1.code, skills: [{ skill: 'juggling', level: 1 }] }, 400, 'VALIDATION_FAILED'],
      ['/api/v1/talents', office, { origin: 'survey', name: '张三', phone: '13600004444', node: grid1.code, skills: [] }, 400, 'VALIDATION_FAILED'],
      ['/api/v1/talents', office, { origin: 'survey', name: '张三', phone: '13600004444', node: grid1.code, skills: [{ skill: 'haircut', level: 1 }, { skill: 'haircut', level: 2 }] }, 400, 'VALIDATION_FAILED'],
      ['/api/v1/talents', office, { origin: 'survey', name: '张三', phone: '13600004444', node: grid1.code, skills: [{ skill: 'haircut', level: 1 }], availability: [{ weekdays: [1], from: '18:00', to: '09:00' }] }, 400, 'WEEKLY_HOURS_INVALID'],
      ['/api/v1/talents', office, { origin: 'survey', name: '张三', phone: '13600004444', node: 'NDJ-D', skills: [{ skill: 'haircut', level: 1 }] }, 400, 'TALENT_PLACE_INVALID'],
      ['/api/v1/talents', office, { origin: 'in_service', name: '张三', phone: '13600004444', node: 'NDJ', skills: [{ skill: 'haircut', level: 1 }] }, 400, 'PARTNER_UNIT_REQUIRED'],
      ['/api/v1/talents', office, { origin: 'in_service', name: '张三', phone: '13600004444', node: 'NDJ', partnerUnit: 'no-such-unit', skills: [{ skill: 'haircut', level: 1 }] }, 404, 'PARTNER_UNIT_NOT_FOUND'],
      ['/api/v1/talents', office, { origin: 'survey', resident: 'no-such-resident', skills: [{ skill: 'haircut', level: 1 }] }, 404, 'RESIDENT_NOT_FOUND'],
      ['/api/v1/talents', office, { origin: 'survey', name: '张三', phone: '13600004444', node: grid1.code, skills: [{ skill: 'haircut', level: 1 }], extra: 1 }, 400, 'VALIDATION_FAILED'],
      ['/api/v1/talents/recommendations', office, { name: '李四', phone: '13600005555', skills: [{ skill: 'haircut' }] }, 403, 'TALENT_ORIGIN_NOT_ALLOWED'],
      ['/api/v1/talents/recommendations', {}, { name: '李四', phone: '13600005555', skills: [{ skill: 'haircut' }] }, 401, 'UNAUTHENTICATED'],
      [`/api/v1/talents/${talent.id}/decline`, office, { reason: '   ' }, 400, 'VALIDATION_FAILED'],
      [`/api/v1/talents/${talent.id}/confirm`, office, { skills: [{ skill: 'haircut', level: 2 }] }, 404, 'TALENT_SKILL_NOT_FOUND'],
    ];
    for (const [url, headers, payload, status, code] of cases) {
      const before = await counts();
      const res = await post(url, { ...headers, 'accept-language': 'en' }, payload);
      assert.equal(res.statusCode, status, `${JSON.stringify(payload)}: ${res.body}`);
      assert.equal(body(res).error.code, code, JSON.stringify(payload));
      assert.match(body(res).error.message, /^[\x20-\x7E]+$/, 'the message is in English when asked');
      assert.deepEqual(await counts(), before, `${code} wrote nothing`);
    }
    const zh = await post('/api/v1/talents', office, { origin: 'survey', skills: [{ skill: 'haircut', level: 1 }] });
    assert.equal(body(zh).error.message, '请选择一位居民，或填写姓名和手机号。');

    const last = await t.app.inject({ method: 'DELETE', url: `/api/v1/talents/${talent.id}/skills/translation_bo_zh`, headers: office });
    assert.equal(last.statusCode, 409);
    assert.equal(body(last).error.code, 'TALENT_LAST_SKILL');
    const reserve = await t.app.inject({ method: 'PUT', url: `/api/v1/talents/${talent.id}/reserve-candidate`, headers: office, payload: { candidate: true } });
    assert.equal(reserve.statusCode, 409, 'only confirmed talents become reserve candidates');
    assert.equal(body(reserve).error.code, 'TALENT_STATUS_CONFLICT');
  });

  test('staff set skills, mark a reserve candidate, edit hours and areas; every change is in the history', async () => {
    const talent = body(await t.app.inject({ url: '/api/v1/talents?skill=translation_bo_zh', headers: office })).items[0];
    assert.equal((await post(`/api/v1/talents/${talent.id}/confirm`, office, {})).statusCode, 200);
    const skill = await t.app.inject({ method: 'PUT', url: `/api/v1/talents/${talent.id}/skills/policy_talk`, headers: office, payload: { level: 2 } });
    assert.equal(skill.statusCode, 200, skill.body);
    assert.deepEqual(body(skill).skills.map((s: any) => [s.skill, s.level, s.confirmed]), [['translation_bo_zh', 3, true], ['policy_talk', 2, true]]);
    const marked = await t.app.inject({ method: 'PUT', url: `/api/v1/talents/${talent.id}/reserve-candidate`, headers: office, payload: { candidate: true, note: '群众满意度高' } });
    assert.equal(marked.statusCode, 200);
    assert.equal(body(marked).reserveCandidate, true);
    assert.equal(body(marked).reserveNote, '群众满意度高');
    const edited = await t.app.inject({ method: 'PATCH', url: `/api/v1/talents/${talent.id}`, headers: office, payload: { availability: [{ weekdays: [3, 1, 1], from: '14:00', to: '17:00' }], serviceAreas: [grid1.code, grid2.id], contactPreference: 'grid_worker' } });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.deepEqual(body(edited).availability, [{ weekdays: [1, 3], from: '14:00', to: '17:00' }]);
    assert.deepEqual(body(edited).serviceAreas.map((a: any) => a.code).sort(), [grid1.code, grid2.code].sort());
    const nameOfResident = await t.app.inject({ method: 'PATCH', url: `/api/v1/talents/${talent.id}`, headers: office, payload: { name: '改名' } });
    assert.equal(nameOfResident.statusCode, 400, "a resident talent's name is the resident record's");
    const outside = await t.app.inject({ method: 'PATCH', url: `/api/v1/talents/${talent.id}`, headers: office, payload: { serviceAreas: ['FAR'] } });
    assert.equal(outside.statusCode, 404);

    const reserveList = body(await t.app.inject({ url: '/api/v1/talents?reserve=true', headers: office }));
    assert.deepEqual(reserveList.items.map((i: any) => i.id), [talent.id]);

    const file = body(await t.app.inject({ url: `/api/v1/talents/${talent.id}/file`, headers: office }));
    assert.deepEqual(file.history.map((h: any) => h.action), ['proposed', 'confirmed', 'skill_set', 'reserve_marked', 'edited']);
    assert.ok(file.history.every((h: any) => h.actor && h.at));
  });

  test('phones are masked everywhere but the audited personal-data read', async () => {
    const talent = body(await t.app.inject({ url: '/api/v1/talents?skill=translation_bo_zh', headers: office })).items[0];
    assert.equal(talent.phone, '139****4321');
    const listText = (await t.app.inject({ url: '/api/v1/talents?pageSize=200', headers: office })).body;
    assert.ok(!listText.includes('13987654321') && !listText.includes('13600001111'), 'no unmasked phone in the list');
    const fileText = (await t.app.inject({ url: `/api/v1/talents/${talent.id}/file`, headers: office })).body;
    assert.ok(!fileText.includes('13987654321'));

    const before = await counts();
    const revealed = await t.app.inject({ url: `/api/v1/talents/${talent.id}/personal-data`, headers: worker1 });
    assert.equal(revealed.statusCode, 200);
    assert.equal(body(revealed).phone, '13987654321');
    assert.equal(revealed.headers['cache-control'], 'no-store');
    assert.equal((await counts()).audit, before.audit + 1, 'a staff read is audited');
    const audit = await t.db.selectFrom('audit_log').selectAll().orderBy('at', 'desc').executeTakeFirstOrThrow();
    assert.equal(audit.action, 'talent.personal_data.read');
    assert.equal(audit.subject_id, talent.id);

    // A resident reads their own talent record's phone unaudited, and nobody else's.
    const mine = body(await t.app.inject({ url: '/api/v1/talents/me', headers: residentHeaders }));
    const own = await t.app.inject({ url: `/api/v1/talents/${mine.id}/personal-data`, headers: residentHeaders });
    assert.equal(body(own).phone, '13812345678');
    assert.equal((await counts()).audit, before.audit + 1);
    assert.equal((await t.app.inject({ url: `/api/v1/talents/${talent.id}/personal-data`, headers: residentHeaders })).statusCode, 404);
    assert.equal((await t.app.inject({ url: `/api/v1/talents/${mine.id}/file`, headers: residentHeaders })).statusCode, 403, 'the file is the office\'s record');
  });

  test('the personal file exports as a workbook with the profile, skills and history', async () => {
    const talent = body(await t.app.inject({ url: '/api/v1/talents?skill=translation_bo_zh', headers: office })).items[0];
    const res = await t.app.inject({ url: `/api/v1/talents/${talent.id}/file.xlsx`, headers: office });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /spreadsheetml/);
    assert.match(String(res.headers['content-disposition']), /filename\*=UTF-8''/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    assert.deepEqual(workbook.worksheets.map((w) => w.name), ['基本信息', '技能', '所在队伍', '推荐记录', '服务记录', '服务评价', '变更记录']);
    const profile = workbook.getWorksheet('基本信息')!;
    assert.equal(profile.getCell('A1').value, '一人一档：扎西多吉');
    const values = profile.getSheetValues().flat().map(String);
    assert.ok(values.includes('139****4321'), 'the phone is masked in the file');
    assert.ok(!values.includes('13987654321'));
    const skills = workbook.getWorksheet('技能')!;
    assert.equal(skills.getCell('A2').value, '藏汉翻译');
    assert.equal(workbook.getWorksheet('变更记录')!.rowCount, 6, 'a header and five history lines');

    const en = await t.app.inject({ url: `/api/v1/talents/${talent.id}/file.xlsx`, headers: { ...office, 'accept-language': 'en' } });
    assert.equal(en.statusCode, 200, en.body);
    const english = new ExcelJS.Workbook();
    await english.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
    assert.deepEqual(english.worksheets.map((w) => w.name), ['Profile', 'Skills', 'Teams', 'Recommendations', 'Services', 'Feedback', 'Changes']);
  });

  test('talents list, figures by skill and grid, and the drill-down link', async () => {
    const figures = await t.app.inject({ url: '/api/v1/talents/figures?node=NDJ', headers: office });
    assert.equal(figures.statusCode, 200, figures.body);
    const f = body(figures);
    assert.equal(f.total, 2, 'two confirmed talents');
    assert.equal(f.reserveCandidates, 1);
    assert.deepEqual(f.bySkill.map((r: any) => [r.skill, r.count]).sort(), [['haircut', 1], ['policy_talk', 1], ['translation_bo_zh', 1]]);
    assert.deepEqual(f.byGrid.map((r: any) => [r.grid.code, r.count]), [[grid1.code, 2]]);
    const drill = body(await t.app.inject({ url: f.bySkill.find((r: any) => r.skill === 'haircut').list, headers: office }));
    assert.equal(drill.total, 1);
    assert.equal(drill.items[0].name, '次仁央宗');
    const all = body(await t.app.inject({ url: '/api/v1/talents/figures?node=NDJ&status=all', headers: office }));
    assert.equal(all.total, 3);
    const gridFigures = await t.app.inject({ url: `/api/v1/talents/figures?node=${grid2.code}`, headers: worker1 });
    assert.equal(gridFigures.statusCode, 404, 'a grid worker sees figures of their grid only');
    const named = body(await t.app.inject({ url: `/api/v1/talents?q=${encodeURIComponent('扎西')}`, headers: office }));
    assert.deepEqual(named.items.map((i: any) => i.name), ['扎西多吉']);
    const page = body(await t.app.inject({ url: '/api/v1/talents?pageSize=1&page=2', headers: office }));
    assert.equal(page.total, 3);
    assert.equal(page.items.length, 1);
  });
});
