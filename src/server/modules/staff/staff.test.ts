import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { body, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { buildStaffTestTree, createTestAccount, insertStaff, type StaffTestTree } from './staff.test-tree.ts';

describe('staff and their assignments', () => {
  let t: TestApp;
  let tree: StaffTestTree;
  let admin: Record<string, string>;
  let wbWorker: Record<string, string>;
  let wbGridWorker: Record<string, string>;
  let jcStaffId: string;

  const staffRows = () => t.db.selectFrom('staff').selectAll().orderBy('name').execute();
  const assignmentRows = (staffId: string) => t.db.selectFrom('staff_assignments').selectAll().where('staff_id', '=', staffId).orderBy('created_at').execute();

  before(async () => {
    t = await startTestApp();
    tree = await buildStaffTestTree(t.db);
    await createTestAccount(t.db, tree, 'root', 'admin', null);
    await createTestAccount(t.db, tree, 'wb-office', 'community_worker', 'WB');
    await createTestAccount(t.db, tree, 'wb-gridworker', 'grid_worker', 'WB');
    admin = await t.login('root', 'root-pass-1');
    wbWorker = await t.login('wb-office', 'wb-office-pass-1');
    wbGridWorker = await t.login('wb-gridworker', 'wb-gridworker-pass-1');
    jcStaffId = await insertStaff(t.db, tree, '次仁', '13800000009', [['JC-01', 'grid_worker']]);
  });
  after(() => t.close());

  test('a community worker registers a grid worker, assigns, renames and ends the role', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/staff', headers: wbWorker, payload: { name: ' 卓玛 ', workPhone: '13912345678' } });
    assert.equal(created.statusCode, 201, created.body);
    const id = body(created).id;
    assert.deepEqual(body(created), { id, name: '卓玛', workPhone: '13912345678', assignments: [], abilities: ['staff.manage'] });
    const [row] = await t.db.selectFrom('staff').selectAll().where('id', '=', id).execute();
    assert.equal(row!.name, '卓玛');
    assert.equal(row!.work_phone, '13912345678');

    const assigned = await t.app.inject({ method: 'POST', url: `/api/v1/staff/${id}/assignments`, headers: wbWorker, payload: { node: 'WB-01', role: 'grid_worker' } });
    assert.equal(assigned.statusCode, 201, assigned.body);
    const [a] = body(assigned).assignments;
    assert.deepEqual(a, {
      id: a.id, nodeId: tree.ids['WB-01'], nodeCode: 'WB-01', nodeName: '维巴村第一网格', nodeKind: 'grid',
      role: 'grid_worker', roleLabel: '专职网格员', policeBeatId: null, onDuty: true,
    });
    const rows = await assignmentRows(id);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.path, tree.paths['WB-01']);
    assert.equal(rows[0]!.node_id, tree.ids['WB-01']);
    assert.equal(rows[0]!.on_duty, 1);

    const renamed = await t.app.inject({ method: 'PATCH', url: `/api/v1/staff/${id}`, headers: wbWorker, payload: { name: '卓玛央宗', workPhone: '0891-6321234' } });
    assert.equal(renamed.statusCode, 200, renamed.body);
    assert.equal(body(renamed).name, '卓玛央宗');
    const stored = await t.db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(stored.name, '卓玛央宗');
    assert.equal(stored.work_phone, '0891-6321234');

    const offDuty = await t.app.inject({ method: 'PATCH', url: `/api/v1/staff/${id}/assignments/${a.id}`, headers: wbWorker, payload: { onDuty: false } });
    assert.equal(offDuty.statusCode, 200, offDuty.body);
    assert.equal(body(offDuty).assignments[0].onDuty, false);
    assert.equal((await assignmentRows(id))[0]!.on_duty, 0);

    const english = await t.app.inject({ url: `/api/v1/staff/${id}`, headers: { ...wbWorker, 'accept-language': 'en' } });
    assert.equal(body(english).assignments[0].roleLabel, 'full-time grid worker');

    const ended = await t.app.inject({ method: 'DELETE', url: `/api/v1/staff/${id}/assignments/${a.id}`, headers: wbWorker });
    assert.equal(ended.statusCode, 204);
    assert.deepEqual(await assignmentRows(id), []);
  });

  test('a police officer is assigned with a police beat (by code)', async () => {
    const id = body(await t.app.inject({ method: 'POST', url: '/api/v1/staff', headers: admin, payload: { name: '扎西', workPhone: '13700000001' } })).id;
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/staff/${id}/assignments`, headers: wbWorker, payload: { node: 'WB', role: 'police_officer', policeBeat: 'WB-JG' } });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(body(res).assignments[0].policeBeatId, tree.ids['WB-JG']);
    assert.equal((await assignmentRows(id))[0]!.police_beat_id, tree.ids['WB-JG']);
  });

  test('the list filters by node (id or code, everything under it) and role, and pages', async () => {
    await insertStaff(t.db, tree, '阿旺', '13800000001', [['WB-01', 'grid_leader']]);
    await insertStaff(t.db, tree, '巴桑', '13800000002', [['WB-02', 'grid_leader'], ['WB-02', 'community_worker']]);
    await insertStaff(t.db, tree, '格桑', '13800000003', [['WB', 'community_worker']]);

    const leaders = body(await t.app.inject({ url: '/api/v1/staff?node=WB&role=grid_leader', headers: wbGridWorker }));
    assert.deepEqual(leaders.items.map((s: any) => s.name).sort(), ['巴桑', '阿旺'].sort());
    assert.equal(leaders.total, 2);

    const byId = body(await t.app.inject({ url: `/api/v1/staff?node=${tree.ids['WB-02']}`, headers: wbGridWorker }));
    assert.deepEqual(byId.items.map((s: any) => s.name), ['巴桑']);
    assert.deepEqual(byId.items[0].assignments.map((a: any) => a.roleLabel), ['网格长', '社区工作者']);
    assert.deepEqual(byId.items[0].abilities, [], 'a grid worker reads staff but does not manage them');

    const page1 = body(await t.app.inject({ url: '/api/v1/staff?node=WB&pageSize=2', headers: wbWorker }));
    const page2 = body(await t.app.inject({ url: '/api/v1/staff?node=WB&pageSize=2&page=2', headers: wbWorker }));
    assert.equal(page1.total, page2.total);
    assert.equal(page1.items.length, 2);
    assert.equal(page1.page, 1);
    assert.equal(page2.page, 2);
    const names = [...page1.items, ...page2.items].map((s: any) => s.name);
    assert.equal(new Set(names).size, names.length, 'pages do not overlap');

    // The street is above the community office's node: the filter narrows to what the office may see.
    const street = body(await t.app.inject({ url: '/api/v1/staff?node=DD', headers: wbWorker }));
    assert.ok(!street.items.some((s: any) => s.name === '次仁'), 'nothing of 加措社区 leaks through an ancestor filter');
  });

  test('a grid worker of 维巴村 cannot see or change the staff of 加措社区', async () => {
    const list = body(await t.app.inject({ url: '/api/v1/staff?pageSize=200', headers: wbGridWorker }));
    assert.ok(!list.items.some((s: any) => s.id === jcStaffId));
    for (const res of [
      await t.app.inject({ url: `/api/v1/staff/${jcStaffId}`, headers: wbGridWorker }),
      await t.app.inject({ method: 'PATCH', url: `/api/v1/staff/${jcStaffId}`, headers: wbGridWorker, payload: { name: '改名' } }),
      await t.app.inject({ method: 'PATCH', url: `/api/v1/staff/${jcStaffId}`, headers: wbWorker, payload: { name: '改名' } }),
    ]) {
      assert.equal(res.statusCode, 404, res.body);
      assert.equal(body(res).error.code, 'STAFF_NOT_FOUND');
    }
    const other = await t.app.inject({ url: '/api/v1/staff?node=JC', headers: wbGridWorker });
    assert.equal(other.statusCode, 404);
    assert.equal(body(other).error.code, 'ORG_NODE_NOT_FOUND');
    const [row] = await t.db.selectFrom('staff').select('name').where('id', '=', jcStaffId).execute();
    assert.equal(row!.name, '次仁');
  });

  test('a grid worker reads but may not manage staff in their own community (403)', async () => {
    const own = body(await t.app.inject({ url: '/api/v1/staff?node=WB&role=grid_leader', headers: wbGridWorker })).items[0];
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/staff/${own.id}`, headers: wbGridWorker, payload: { name: '改名' } });
    assert.equal(res.statusCode, 403);
    assert.equal(body(res).error.code, 'FORBIDDEN');
    const registered = await t.app.inject({ method: 'POST', url: '/api/v1/staff', headers: wbGridWorker, payload: { name: '某人', workPhone: '13800000000' } });
    assert.equal(registered.statusCode, 403);
  });

  test('a community office cannot assign its staff to a grid of another community', async () => {
    const id = body(await t.app.inject({ method: 'POST', url: '/api/v1/staff', headers: wbWorker, payload: { name: '拉巴', workPhone: '13600000000' } })).id;
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/staff/${id}/assignments`, headers: wbWorker, payload: { node: 'JC-01', role: 'grid_worker' } });
    assert.equal(res.statusCode, 404);
    assert.equal(body(res).error.code, 'ORG_NODE_NOT_FOUND');
    assert.deepEqual(await assignmentRows(id), []);
  });

  test('signed-out callers are asked to sign in', async () => {
    for (const res of [
      await t.app.inject({ url: '/api/v1/staff' }),
      await t.app.inject({ url: `/api/v1/staff/${jcStaffId}` }),
      await t.app.inject({ method: 'POST', url: '/api/v1/staff', payload: { name: '某人', workPhone: '13800000000' } }),
    ]) {
      assert.equal(res.statusCode, 401);
      assert.equal(body(res).error.code, 'UNAUTHENTICATED');
    }
  });

  test('bad input answers 400 in the caller\'s language and writes nothing', async () => {
    const before = await staffRows();
    const en = { ...admin, 'accept-language': 'en' };
    const cases: [object, string][] = [
      [{ name: '某人', workPhone: '12345' }, 'WORK_PHONE_INVALID'],
      [{ name: '某人', workPhone: '0891-12' }, 'WORK_PHONE_INVALID'],
      [{ name: '   ', workPhone: '13800000000' }, 'VALIDATION_FAILED'],
      [{ name: '某人' }, 'VALIDATION_FAILED'],
      [{ name: '某人', workPhone: '13800000000', role: 'admin' }, 'VALIDATION_FAILED'],
      [{ name: '某人', workPhone: 13800000000 }, 'VALIDATION_FAILED'],
    ];
    for (const [payload, code] of cases) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/staff', headers: en, payload });
      assert.equal(res.statusCode, 400, JSON.stringify(payload));
      assert.equal(body(res).error.code, code, JSON.stringify(payload));
    }
    const phone = await t.app.inject({ method: 'POST', url: '/api/v1/staff', headers: en, payload: { name: '某人', workPhone: '12345' } });
    assert.match(body(phone).error.message, /work phone is not valid/);
    const zh = await t.app.inject({ method: 'POST', url: '/api/v1/staff', headers: admin, payload: { name: '某人', workPhone: '12345' } });
    assert.match(body(zh).error.message, /工作电话格式不正确/);
    assert.deepEqual(await staffRows(), before);

    const someone = before.find((s) => s.name === '阿旺')!;
    const beforeAssignments = await assignmentRows(someone.id);
    const assignCases: [object, number, string][] = [
      [{ node: 'WB', role: 'grid_worker' }, 400, 'STAFF_ROLE_NODE_MISMATCH'],
      [{ node: 'WB-01', role: 'grid_worker', policeBeat: 'WB-JG' }, 400, 'POLICE_BEAT_ONLY_FOR_OFFICERS'],
      [{ node: 'WB-01', role: 'police_officer', policeBeat: 'NO-SUCH' }, 404, 'POLICE_BEAT_NOT_FOUND'],
      [{ node: 'WB-01', role: 'mayor' }, 400, 'VALIDATION_FAILED'],
      [{ node: 'NO-SUCH', role: 'grid_worker' }, 404, 'ORG_NODE_NOT_FOUND'],
      [{ node: 'WB-01', role: 'grid_leader' }, 409, 'STAFF_ASSIGNMENT_EXISTS'],
    ];
    for (const [payload, status, code] of assignCases) {
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/staff/${someone.id}/assignments`, headers: en, payload });
      assert.equal(res.statusCode, status, JSON.stringify(payload));
      assert.equal(body(res).error.code, code, JSON.stringify(payload));
    }
    assert.deepEqual(await assignmentRows(someone.id), beforeAssignments);

    const emptyPatch = await t.app.inject({ method: 'PATCH', url: `/api/v1/staff/${someone.id}`, headers: en, payload: {} });
    assert.equal(emptyPatch.statusCode, 400);
    const badDuty = await t.app.inject({ method: 'PATCH', url: `/api/v1/staff/${someone.id}/assignments/${beforeAssignments[0]!.id}`, headers: en, payload: { onDuty: 'yes' } });
    assert.equal(badDuty.statusCode, 400);
    const noSuch = await t.app.inject({ method: 'DELETE', url: `/api/v1/staff/${someone.id}/assignments/nope`, headers: en });
    assert.equal(noSuch.statusCode, 404);
    assert.equal(body(noSuch).error.code, 'STAFF_ASSIGNMENT_NOT_FOUND');
    assert.deepEqual(await assignmentRows(someone.id), beforeAssignments);
  });
});
