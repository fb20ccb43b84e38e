import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { body } from '../../../../test/support/app.ts';
import { IN_CSK_03, startDemoApp, type DemoApp } from '../../../../test/support/demo-app.ts';

const report = (t: DemoApp, payload: object, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url: '/api/v1/cases', payload, headers });
const act = (t: DemoApp, id: string, action: string, headers: Record<string, string>, payload: object = {}) => t.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/${action}`, payload, headers });

describe('the closed loop of a resident\'s report', () => {
  let t: DemoApp;
  before(async () => {
    t = await startDemoApp();
  });
  after(() => t.close());

  test('an anonymous report lands with grid 3\'s on-duty grid worker, numbered, with deadlines and a first event', async () => {
    const res = await report(t, { description: '西嘎奴大院门口的路灯坏了，晚上一片漆黑', location: IN_CSK_03, category: '0501', reporter: { phone: '13800138000' } });
    assert.equal(res.statusCode, 201, res.body);
    const view = body(res);
    assert.match(view.number, /^LX-\d{4}-\d{6}$/);
    assert.equal(view.state, 'dispatched');
    assert.equal(view.handler.roleLabel, '专职网格员');
    const row = await t.db.selectFrom('cases').selectAll().where('id', '=', view.id).executeTakeFirstOrThrow();
    const grid = await t.db.selectFrom('org_nodes').select(['id', 'path']).where('code', '=', 'CSK-03').executeTakeFirstOrThrow();
    assert.equal(row.grid_id, grid.id);
    assert.equal(row.path, grid.path);
    assert.equal(row.anonymous, 1);
    assert.equal(row.reporter_phone, '13800138000');
    assert.equal(Date.parse(row.respond_by) - Date.parse(row.reported_at), 24 * 3_600_000);
    assert.ok(row.resolve_by > row.respond_by);
    const events = await t.db.selectFrom('case_events').selectAll().where('case_id', '=', row.id).execute();
    assert.deepEqual(events.map((e) => [e.seq, e.action, e.to_state]), [[1, 'submit', 'dispatched']]);
    const stats = await t.db.selectFrom('case_rollups').select(['node_id', 'received']).where('received', '>', 0).execute();
    assert.deepEqual(stats.map((s) => s.node_id).sort(), grid.path.split('/').filter(Boolean).sort(), 'one roll-up row per ancestor node');
    assert.ok(stats.every((s) => s.received === 1));
  });

  test('an anonymous reporter follows the case with the secret its phone kept: reads it, rates it; nobody else can', async () => {
    const token = 'Tk_' + 'a1b2c3d4'.repeat(5);
    const created = await report(t, { description: '小区门口的垃圾两天没人清运了', location: IN_CSK_03, category: '0201' }, { 'x-report-token': token });
    assert.equal(created.statusCode, 201, created.body);
    const id = body(created).id;
    const mine = await t.app.inject({ url: `/api/v1/cases/${id}`, headers: { 'x-report-token': token } });
    assert.equal(mine.statusCode, 200, mine.body);
    assert.equal(mine.json().case.reporter, undefined, 'the reporter view, not the staff view');
    const stranger = await t.app.inject({ url: `/api/v1/cases/${id}`, headers: { 'x-report-token': 'Zz_' + 'x9'.repeat(20) } });
    assert.equal(stranger.statusCode, 401);
    const bad = await report(t, { description: '路灯坏了', location: IN_CSK_03 }, { 'x-report-token': 'short' });
    assert.equal(bad.statusCode, 400, 'a token too short to be secret is refused, not ignored');
    for (const [action, who, payload] of [['accept', t.as.gridworker, {}], ['resolve', t.as.gridworker, { result: '已清运' }], ['verify', t.as.gridleader, { pass: true }]] as const) {
      assert.equal((await act(t, id, action, who, payload)).statusCode, 200, action);
    }
    const posing = await act(t, id, 'follow-up', t.as.gridleader, { method: 'app', reached: true, satisfaction: 'satisfied', comment: '居民说满意' });
    assert.equal(posing.statusCode, 400, 'staff cannot record a rating as the reporter\'s own');
    const rated = await act(t, id, 'rate', { 'x-report-token': token }, { satisfaction: 'satisfied', solved: true, comment: '很快' });
    assert.equal(rated.statusCode, 200, rated.body);
    assert.equal(body(rated).state, 'closed');
    const told = (await t.app.inject({ url: `/api/v1/cases/${id}`, headers: { 'x-report-token': token } })).json().timeline.at(-1);
    assert.deepEqual([told.text, told.note], ['您的评价：满意', '很快'], 'the reporter reads their own rating back');
  });

  test('the grid worker accepts, escalates to the community, which resolves; someone else verifies; the follow-up closes the loop', async () => {
    const created = body(await report(t, { description: '巷子里的路灯一直不亮，需要电工', location: IN_CSK_03, category: '0501' }));
    const id = created.id;
    assert.ok((await t.app.inject({ url: `/api/v1/cases/${id}`, headers: t.as.gridworker })).json().case.abilities.includes('accept'));
    assert.equal((await act(t, id, 'accept', t.as.gridworker)).statusCode, 200);
    const escalated = await act(t, id, 'escalate', t.as.gridworker, { reason: '需要街道电工班处理' });
    assert.equal(escalated.statusCode, 200, escalated.body);
    assert.equal(body(escalated).tier, 2);
    assert.equal(body(escalated).handler.node.code, 'CSK');
    assert.equal((await act(t, id, 'accept', t.as.community)).statusCode, 200);
    const resolved = await act(t, id, 'resolve', t.as.community, { result: '已更换灯泡和线路' });
    assert.equal(body(resolved).state, 'resolved');
    const byHandler = await act(t, id, 'verify', t.as.community, { pass: true });
    assert.equal(byHandler.statusCode, 403, 'the handler does not verify their own work');
    assert.equal((await act(t, id, 'verify', t.as.gridleader, { pass: true })).statusCode, 200);
    const followed = await act(t, id, 'follow-up', t.as.gridleader, { method: 'phone', reached: true, contactedInTime: true, solved: true, satisfaction: 'satisfied' });
    assert.equal(body(followed).state, 'closed');
    const row = await t.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.resolved_tier, 2);
    const timeline = body(await t.app.inject({ url: `/api/v1/cases/${id}`, headers: t.as.admin })).timeline;
    assert.deepEqual(timeline.map((e: any) => e.action), ['submit', 'accept', 'escalate', 'accept', 'resolve', 'verify', 'follow_up']);
    assert.deepEqual(timeline.map((e: any) => e.seq), [1, 2, 3, 4, 5, 6, 7]);
    assert.equal(timeline[2].reason, '需要街道电工班处理');
  });

  test('an action the state does not allow is refused with the state named, and nothing changes', async () => {
    const created = body(await report(t, { description: '楼道灯坏了', location: IN_CSK_03, category: '0501' }));
    const res = await act(t, created.id, 'verify', t.as.gridleader, { pass: true });
    assert.equal(res.statusCode, 409);
    assert.equal(body(res).error.code, 'CASE_ACTION_NOT_ALLOWED');
    assert.match(body(res).error.message, /待签收/);
    const en = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${created.id}/verify`, payload: { pass: true }, headers: { ...t.as.gridleader, 'accept-language': 'en' } });
    assert.match(body(en).error.message, /dispatched/);
    const events = await t.db.selectFrom('case_events').select('id').where('case_id', '=', created.id).execute();
    assert.equal(events.length, 1);
  });

  test('"不满意" at the follow-up reopens the case as rework to the same handler', async () => {
    const { id } = body(await report(t, { description: '垃圾桶满了没人清', location: IN_CSK_03, category: '0101' }));
    await act(t, id, 'accept', t.as.gridworker);
    await act(t, id, 'resolve', t.as.gridworker, { result: '已清运' });
    await act(t, id, 'verify', t.as.gridleader, { pass: true });
    const res = await act(t, id, 'follow-up', t.as.gridleader, { method: 'visit', reached: true, contactedInTime: true, solved: false, satisfaction: 'dissatisfied' });
    const row = await t.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(body(res).state, 'in_progress');
    assert.equal(row.rework_count, 1);
    const worker = await t.db.selectFrom('accounts').select('staff_id').where('username', '=', 'gridworker').executeTakeFirstOrThrow();
    assert.equal(row.handler_staff_id, worker.staff_id);
  });

  test('the same Idempotency-Key never makes two cases; reused for another report it is refused', async () => {
    const payload = { description: '下水道堵了，污水冒出来', location: IN_CSK_03, category: '0504' };
    const key = { 'idempotency-key': 'phone-retry-0001' };
    const [a, b] = await Promise.all([report(t, payload, key), report(t, payload, key)]);
    assert.equal(a.statusCode, 201, a.body);
    assert.equal(b.statusCode, 201, b.body);
    assert.equal(body(a).id, body(b).id);
    assert.equal((await t.db.selectFrom('cases').select('id').where('description', '=', payload.description).execute()).length, 1);
    const other = await report(t, { ...payload, description: '另一件事' }, key);
    assert.equal(other.statusCode, 422);
  });

  test('two handlers accepting at once: exactly one wins, every time, and the timeline has one accept', async () => {
    for (let i = 0; i < 8; i++) {
      const { id } = body(await report(t, { description: `路面坑洼第${i}处`, location: IN_CSK_03, category: '0502' }));
      const results = await Promise.all([act(t, id, 'accept', t.as.gridworker), act(t, id, 'accept', t.as.gridleader)]);
      const codes = results.map((r) => r.statusCode).sort();
      assert.deepEqual(codes, [200, 409], `round ${i}: ${results.map((r) => r.body).join(' | ')}`);
      const accepts = await t.db.selectFrom('case_events').select('id').where('case_id', '=', id).where('action', '=', 'accept').execute();
      assert.equal(accepts.length, 1);
    }
  });

  test('bad reports get a clear 4xx and write nothing', async () => {
    const count = async () => (await t.db.selectFrom('cases').select('id').execute()).length;
    const before = await count();
    const noPlace = await report(t, { description: '路灯坏了' });
    assert.equal(body(noPlace).error.code, 'LOCATION_REQUIRED');
    assert.equal((await report(t, { description: '路灯坏了', location: { lng: 200, lat: 29 } })).statusCode, 400);
    assert.equal((await report(t, { description: 'x'.repeat(10_000_000), location: IN_CSK_03 })).statusCode, 413);
    assert.equal(body(await report(t, { description: '路灯坏了', location: IN_CSK_03, category: '7777' })).error.code, 'CATEGORY_UNKNOWN');
    assert.equal(body(await report(t, { description: '路灯坏了', location: IN_CSK_03, photoIds: ['no-such-photo'] })).error.code, 'PHOTO_NOT_FOUND');
    assert.equal((await report(t, { description: '路灯坏了', location: IN_CSK_03, kind: 'patrol_report' })).statusCode, 403, 'residents do not file patrol reports');
    assert.equal(await count(), before);
  });

  test('a report outside every grid goes to the nearest community\'s queue, flagged', async () => {
    const res = await report(t, { description: '河边路灯坏了', location: { lng: 91.30, lat: 29.62 }, category: '0501' }, t.as.resident);
    assert.equal(res.statusCode, 201, res.body);
    const row = await t.db.selectFrom('cases').selectAll().where('id', '=', body(res).id).executeTakeFirstOrThrow();
    assert.equal(row.state, 'new');
    assert.equal(row.outside_grid, 1);
    assert.equal(row.grid_id, null);
    assert.ok(row.community_id);
    assert.equal(row.handler_node_id, row.community_id);
  });

  test('a duplicate near an open case is proposed, and merging counts every reporter', async () => {
    const first = body(await report(t, { description: '格东大院门口井盖没了很危险', location: IN_CSK_03, category: '0503' }));
    const second = body(await report(t, { description: '大院门口井盖没了，很危险', location: { lng: IN_CSK_03.lng + 0.0005, lat: IN_CSK_03.lat }, category: '0503' }, t.as.resident));
    const row = await t.db.selectFrom('cases').selectAll().where('id', '=', second.id).executeTakeFirstOrThrow();
    assert.equal(row.duplicate_candidate_id, first.id);
    const merged = await act(t, second.id, 'merge', t.as.community, { into: first.number, reason: '同一井盖' });
    assert.equal(merged.statusCode, 200, merged.body);
    const target = await t.db.selectFrom('cases').selectAll().where('id', '=', first.id).executeTakeFirstOrThrow();
    assert.equal(target.reporter_count, 2);
    const mine = body(await t.app.inject({ url: `/api/v1/cases/${first.id}`, headers: t.as.resident }));
    assert.equal(mine.case.reporterCount, 2, 'the merged reporter follows the case it was merged into');
  });

  test('a resident sees only their own cases, in plain words', async () => {
    const mine = body(await report(t, { description: '楼下有人占道摆摊', location: IN_CSK_03, category: '0401' }, t.as.resident));
    const list = body(await t.app.inject({ url: '/api/v1/cases', headers: t.as.resident }));
    assert.ok(list.items.length >= 1);
    assert.ok(list.items.every((c: any) => c.stateLabel && !('reporter' in c)), 'the plain view carries no reporter details');
    const detail = body(await t.app.inject({ url: `/api/v1/cases/${mine.id}`, headers: t.as.resident }));
    assert.equal(detail.timeline[0].text, '您的反映已提交');
    const someoneElses = await t.db.selectFrom('cases').select('id').where('reporter_account_id', 'is', null).executeTakeFirstOrThrow();
    assert.equal((await t.app.inject({ url: `/api/v1/cases/${someoneElses.id}`, headers: t.as.resident })).statusCode, 404);
  });

  test('a grid worker files a patrol report; it counts as found proactively', async () => {
    const res = await report(t, { kind: 'patrol_report', description: '巡查发现西嘎奴大院顶楼电线裸露', location: IN_CSK_03, category: '0602', data: { checklist: 'fire' } }, t.as.gridworker);
    assert.equal(res.statusCode, 201, res.body);
    const row = await t.db.selectFrom('cases').selectAll().where('id', '=', body(res).id).executeTakeFirstOrThrow();
    assert.equal(row.channel, 'patrol');
    assert.equal(row.grade, 'urgent', '0602 is an urgent category');
    assert.equal(JSON.parse(row.contributions).proactive, 1);
  });

  test('an extension asked by the worker and approved by the grid leader moves the deadline', async () => {
    const { id } = body(await report(t, { description: '小区健身器材坏了', location: IN_CSK_03, category: '0507' }));
    await act(t, id, 'accept', t.as.gridworker);
    const before = await t.db.selectFrom('cases').select('resolve_by').where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal((await act(t, id, 'extend', t.as.gridworker, { workingDays: 3, reason: '等配件' })).statusCode, 200);
    assert.equal((await act(t, id, 'extend', t.as.gridworker, { workingDays: 3, reason: '再等等' })).statusCode, 409);
    assert.equal((await act(t, id, 'decide-extension', t.as.gridleader, { approve: true })).statusCode, 200);
    const afterRow = await t.db.selectFrom('cases').select('resolve_by').where('id', '=', id).executeTakeFirstOrThrow();
    assert.ok(afterRow.resolve_by > before.resolve_by);
  });

  test('Chinese full-text search finds cases by words in their description', async () => {
    await report(t, { description: '八廓街附近施工噪音太大影响休息', location: IN_CSK_03, category: '0301' });
    const found = body(await t.app.inject({ url: `/api/v1/cases?q=${encodeURIComponent('施工噪音')}`, headers: t.as.community }));
    assert.ok(found.items.length >= 1);
    assert.ok(found.items.every((c: any) => c.description.includes('施工噪音')));
    const none = body(await t.app.inject({ url: `/api/v1/cases?q=${encodeURIComponent('电梯困人')}`, headers: t.as.community }));
    assert.equal(none.total, 0);
  });

  test('without a category the classifier proposes one; below the threshold a person confirms, and the correction teaches it', async () => {
    const auto = body(await report(t, { description: '小区门口的路灯不亮了，晚上黑漆漆的', location: IN_CSK_03 }));
    const row = await t.db.selectFrom('cases').selectAll().where('id', '=', auto.id).executeTakeFirstOrThrow();
    assert.equal(row.category, '0501');
    assert.equal(row.category_source, 'classifier');
    assert.ok(row.category_confidence! >= 0.5);
    assert.equal(row.state, 'dispatched');

    const threshold = t.ctx.config.classifierThreshold;
    t.ctx.config.classifierThreshold = 1;
    const text = '大院里那棵老树的枝子快要压到电线了';
    let waiting;
    try {
      waiting = body(await report(t, { description: text, location: IN_CSK_03 }));
    } finally {
      t.ctx.config.classifierThreshold = threshold;
    }
    const queued = await t.db.selectFrom('cases').selectAll().where('id', '=', waiting.id).executeTakeFirstOrThrow();
    assert.equal(queued.state, 'new');
    assert.equal(queued.needs_review, 1);
    const review = body(await t.app.inject({ url: '/api/v1/cases?needsReview=true', headers: t.as.community }));
    assert.ok(review.items.some((c: any) => c.id === waiting.id));
    const corrected = queued.category === '0602' ? '0106' : '0602';
    const dispatched = await act(t, waiting.id, 'dispatch', t.as.community, { category: corrected });
    assert.equal(dispatched.statusCode, 200, dispatched.body);
    assert.equal(body(dispatched).state, 'dispatched');
    assert.equal(body(dispatched).needsReview, false);
    const example = await t.db.selectFrom('classifier_examples').selectAll().where('case_id', '=', waiting.id).executeTakeFirstOrThrow();
    assert.equal(example.category, corrected);
    assert.equal(await t.ctx.classifier.refresh(t.db), true);
    assert.equal(t.ctx.classifier.classify(text).category, corrected, 'the retrained model has learnt the correction');
  });

  test('a grid worker of another community can neither read nor act on the case', async () => {
    const { createAccount } = await import('../auth/auth.service.ts');
    const jc = await t.db.selectFrom('org_nodes').select(['id', 'path']).where('code', '=', 'JC-01').executeTakeFirstOrThrow();
    await createAccount(t.db, { username: 'jc-worker', password: 'jc-worker-pass', role: 'grid_worker', node: jc });
    const other = await t.login('jc-worker', 'jc-worker-pass');
    const { id } = body(await report(t, { description: '楼顶防水层破了', location: IN_CSK_03, category: '0704' }));
    assert.equal((await t.app.inject({ url: `/api/v1/cases/${id}`, headers: other })).statusCode, 404);
    assert.equal((await act(t, id, 'accept', other)).statusCode, 404);
    const list = body(await t.app.inject({ url: '/api/v1/cases', headers: other }));
    assert.ok(!list.items.some((c: any) => c.id === id));
    assert.equal((await t.app.inject({ url: '/api/v1/cases' })).statusCode, 401);
  });

  test('return, transfer, grade, suspend and resume, and the reporter reopening a closed case', async () => {
    const { id } = body(await report(t, { description: '小区里的健身器材松动了', location: IN_CSK_03, category: '0507' }, t.as.resident));
    const returned = await act(t, id, 'return', t.as.gridworker, { reason: '不属于本网格' });
    assert.equal(body(returned).state, 'new');
    assert.equal(body(returned).handler.node.code, 'CSK');
    const leader = await t.db.selectFrom('accounts').select('staff_id').where('username', '=', 'gridleader').executeTakeFirstOrThrow();
    const dispatched = await act(t, id, 'dispatch', t.as.community, { staffId: leader.staff_id });
    assert.equal(body(dispatched).handler.roleLabel, '网格长');
    const worker = await t.db.selectFrom('accounts').select('staff_id').where('username', '=', 'gridworker').executeTakeFirstOrThrow();
    const transferred = await act(t, id, 'transfer', t.as.gridleader, { staffId: worker.staff_id, reason: '网格员熟悉情况' });
    assert.equal(body(transferred).handler.roleLabel, '专职网格员');
    const before = await t.db.selectFrom('cases').select(['resolve_by', 'respond_by']).where('id', '=', id).executeTakeFirstOrThrow();
    const graded = await act(t, id, 'grade', t.as.gridleader, { grade: 'urgent' });
    assert.equal(body(graded).grade, 'urgent');
    assert.ok(body(graded).resolveBy < before.resolve_by, 'urgent moves the deadline closer');
    await act(t, id, 'accept', t.as.gridworker);
    assert.equal(body(await act(t, id, 'suspend', t.as.gridworker, { reason: '等待物业配件' })).state, 'suspended');
    assert.equal((await act(t, id, 'resolve', t.as.gridworker, { result: 'x' })).statusCode, 409);
    assert.equal(body(await act(t, id, 'resume', t.as.gridworker)).state, 'in_progress');
    await act(t, id, 'resolve', t.as.gridworker, { result: '已加固' });
    await act(t, id, 'verify', t.as.gridleader, { pass: true });
    const rated = await act(t, id, 'rate', t.as.resident, { satisfaction: 'satisfied' });
    assert.equal(rated.statusCode, 200, rated.body);
    const reopened = await act(t, id, 'reopen', t.as.resident, { reason: '又松了' });
    assert.equal(reopened.statusCode, 200, reopened.body);
    assert.equal(body(reopened).state, 'in_progress');
    const row = await t.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.rework_count, 1);
    assert.equal(row.return_count, 1);
    assert.equal(JSON.parse(row.contributions).suspended, 1, 'a case once suspended stays out of the on-time figure');
    const stranger = await act(t, id, 'reject', t.as.resident, { reason: 'x' });
    assert.equal(stranger.statusCode, 409, 'not in a state to reject, and the resident may not anyway');
  });
});
