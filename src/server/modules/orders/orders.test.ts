import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { setClock } from '../../platform/clock.ts';
import { runDeadlines } from '../cases/scheduler.ts';
import { type Headers, type PointsWorld, assertLedgerHolds, balanceOf, buildPointsWorld, ok } from '../points/points.test-world.ts';

const DAY = 86_400_000;

describe('service orders: order, dispatch, serve, verify, rate', () => {
  let t: TestApp;
  let w: PointsWorld;
  let requester: { id: string; headers: Headers };
  let barber: { id: string; headers: Headers; talentId: string };
  let other: { id: string; headers: Headers; talentId: string };
  let stranger: { id: string; headers: Headers };

  const send = (method: 'GET' | 'POST', url: string, headers: Headers, payload?: object) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const code = (res: LightMyRequestResponse) => `${res.statusCode} ${res.statusCode >= 400 ? res.json().error.code : ''}`.trim();
  /** Row counts a refused request must leave as they were. */
  const counts = async () => {
    const n = async (table: 'cases' | 'case_events' | 'service_orders' | 'order_ratings' | 'point_transfers' | 'follow_ups') => Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { cases: await n('cases'), events: await n('case_events'), orders: await n('service_orders'), ratings: await n('order_ratings'), transfers: await n('point_transfers'), followUps: await n('follow_ups') };
  };
  const order = (headers: Headers = requester.headers, extra: object = {}) => ok(t, 'POST', '/api/v1/orders', headers, { skill: 'haircut', description: '老人行动不便，想请师傅上门理发', ...extra });
  /** An order taken by the barber and reported done with `hours`. */
  const servedOrder = async (hours = 1.5) => {
    const o = await order();
    await ok(t, 'POST', `/api/v1/orders/${o.id}/dispatch`, w.officeA, { talentId: barber.talentId }, 200);
    await ok(t, 'POST', `/api/v1/orders/${o.id}/accept`, barber.headers, {}, 200);
    return ok(t, 'POST', `/api/v1/orders/${o.id}/done`, barber.headers, { result: '上门理发完成', hours }, 200);
  };

  async function talent(resident: { id: string }) {
    const res = await ok(t, 'POST', '/api/v1/talents', w.officeA, { origin: 'survey', resident: resident.id, skills: [{ skill: 'haircut', level: 3 }], availability: [] });
    await ok(t, 'POST', `/api/v1/talents/${res.id}/confirm`, w.officeA, {}, 200);
    return res.id as string;
  }

  before(async () => {
    t = await startTestApp();
    w = await buildPointsWorld(t, 4);
    await t.ctx.geo.reload(t.db);
    requester = w.residents[0]!;
    barber = { ...w.residents[1]!, talentId: await talent(w.residents[1]!) };
    other = { ...w.residents[2]!, talentId: await talent(w.residents[2]!) };
    stranger = w.residents[3]!;
    await t.db.updateTable('residents').set({ phone: '13912345678' }).where('id', '=', requester.id).execute();
  });
  after(() => t.close());

  test('a resident orders a haircut; the community dispatches it to a barber who serves it; verification pays points; both rate', async () => {
    const o = await order();
    assert.equal(o.state, 'new');
    assert.equal(o.side, 'requester');
    const row = await t.db.selectFrom('cases').selectAll().where('id', '=', o.id).executeTakeFirstOrThrow();
    assert.equal(row.kind, 'service_order');
    assert.equal(row.category, '1202');
    assert.equal(row.handler_node_id, w.a.community.id, '社区派单: the order waits in the community\'s queue');
    assert.equal(row.handler_staff_id, null, 'not with the grid worker');
    assert.equal(row.is_public, 0, 'a service at home stays off the public board');

    const board = await ok(t, 'GET', '/api/v1/orders?state=waiting', w.officeA);
    const onBoard = board.items.find((i: any) => i.id === o.id);
    assert.ok(onBoard, 'the office sees it on the board');
    assert.ok(onBoard.suggestions.length >= 2);
    assert.ok(onBoard.suggestions[0].reasons.some((r: any) => r.factor === 'load'), 'each suggestion comes with its reasons');
    assert.equal(onBoard.requester.phone, '139****5678', 'staff see the number masked');
    assert.equal(code(await send('GET', '/api/v1/orders', w.officeB)), '200');
    assert.equal((await ok(t, 'GET', '/api/v1/orders', w.officeB)).items.some((i: any) => i.id === o.id), false, 'another community does not');

    const dispatched = await ok(t, 'POST', `/api/v1/orders/${o.id}/dispatch`, w.officeA, { talentId: barber.talentId }, 200);
    assert.equal(dispatched.state, 'dispatched');
    assert.equal(dispatched.talent.id, barber.talentId);
    const afterDispatch = await t.db.selectFrom('cases').selectAll().where('id', '=', o.id).executeTakeFirstOrThrow();
    assert.equal(afterDispatch.handler_node_id, w.a.community.id, 'the case stays with the community as its unit');
    const dispatchEvent = await t.db.selectFrom('case_events').selectAll().where('case_id', '=', o.id).where('action', '=', 'dispatch').executeTakeFirstOrThrow();
    assert.match(dispatchEvent.reason ?? '', /派给能人：居民2/, 'the timeline names the talent');
    const told = await t.db.selectFrom('notifications').innerJoin('accounts', 'accounts.id', 'notifications.account_id').select(['notifications.kind', 'accounts.resident_id']).where('notifications.case_id', '=', o.id).where('notifications.kind', '=', 'order.dispatched').execute();
    assert.deepEqual(told.map((n) => n.resident_id), [barber.id], 'the barber is told');

    const mine = await ok(t, 'GET', '/api/v1/orders/mine', barber.headers);
    const assigned = mine.assigned.find((i: any) => i.id === o.id);
    assert.equal(assigned.side, 'talent');
    assert.equal(assigned.requester.phone, '13912345678', 'the barber gets a number to call while the order is theirs');
    assert.deepEqual(assigned.abilities.sort(), ['accept', 'decline']);
    const asCase = await ok(t, 'GET', `/api/v1/cases/${o.id}`, barber.headers);
    assert.equal(asCase.case.reporter, undefined, 'the general case view gives the talent no reporter details');

    await ok(t, 'POST', `/api/v1/orders/${o.id}/accept`, barber.headers, {}, 200);
    const done = await ok(t, 'POST', `/api/v1/orders/${o.id}/done`, barber.headers, { result: '上门理发完成', hours: 1.5 }, 200);
    assert.equal(done.state, 'resolved');
    assert.equal(done.hours, 1.5);
    assert.equal(done.points, null, 'nothing is paid before verification');
    assert.equal(await balanceOf(t, barber.id, w.a.community.id), 0);

    const verified = await ok(t, 'POST', `/api/v1/orders/${o.id}/verify`, w.officeA, { pass: true }, 200);
    assert.equal(verified.state, 'closed');
    assert.deepEqual([verified.points.amount, verified.points.outcome], [3, 'earned'], '1.5 hours at 2 points an hour');
    assert.equal(await balanceOf(t, barber.id, w.a.community.id), 3);
    const transfer = await t.db.selectFrom('point_transfers').selectAll().where('source_kind', '=', 'service_order').where('source_id', '=', o.id).execute();
    assert.equal(transfer.length, 1);
    assert.equal(transfer[0]!.resident_id, barber.id);

    const rated = await ok(t, 'POST', `/api/v1/orders/${o.id}/rating`, requester.headers, { score: 5, comment: '师傅手艺好' }, 200);
    assert.equal(rated.ratings.requester.score, 5);
    assert.equal(rated.ratings.revealed, false);
    const followUp = await t.db.selectFrom('follow_ups').selectAll().where('case_id', '=', o.id).executeTakeFirstOrThrow();
    assert.deepEqual([followUp.method, followUp.satisfaction], ['app', 'satisfied'], 'the requester\'s rating is the case\'s satisfaction too');
    const talentSees = await ok(t, 'GET', `/api/v1/orders/${o.id}`, barber.headers);
    assert.equal(talentSees.ratings.requester, null, 'hidden from the talent until they rate too');
    assert.equal(talentSees.ratings.requesterRated, true);
    assert.equal(talentSees.requester.phone, null, 'the number is gone once the service is over');
    const both = await ok(t, 'POST', `/api/v1/orders/${o.id}/rating`, barber.headers, { score: 4, comment: '老人很热情' }, 200);
    assert.equal(both.ratings.revealed, true);
    assert.equal(both.ratings.requester.comment, '师傅手艺好');
    assert.equal((await ok(t, 'GET', `/api/v1/orders/${o.id}`, requester.headers)).ratings.talent.score, 4);
    assert.equal(code(await send('POST', `/api/v1/orders/${o.id}/rating`, requester.headers, { score: 1 })), '409 ORDER_ALREADY_RATED');

    const file = await ok(t, 'GET', '/api/v1/orders/my-file', barber.headers);
    assert.equal(file.record.servicesDone, 1);
    assert.equal(file.record.hours, 1.5);
    assert.equal(file.record.points, 3);
    assert.equal(file.record.averageRating, 5);
    assert.equal(file.record.feedback[0].comment, '师傅手艺好');
    const staffFile = await ok(t, 'GET', `/api/v1/talents/${barber.talentId}/file`, w.officeA);
    assert.equal(staffFile.services.servicesDone, 1, 'the personal file (一人一档) shows the services');

    const figures = await ok(t, 'GET', `/api/v1/orders/figures?node=${w.a.community.code}`, w.officeA);
    assert.equal(figures.total.done, 1);
    assert.equal(figures.total.hours, 1.5);
    assert.equal(figures.total.averageRating, 5);
    assert.equal(figures.total.pointsPaid, 3);
    const xlsx = await send('GET', `/api/v1/orders/figures.xlsx?node=${w.a.community.code}`, w.officeA);
    assert.equal(xlsx.statusCode, 200);
    assert.equal(xlsx.rawPayload.subarray(0, 2).toString(), 'PK');
    await assertLedgerHolds(t);
  });

  test('a declined order goes back to the queue, and the decliner is neither suggested nor dispatched again', async () => {
    const o = await order();
    await ok(t, 'POST', `/api/v1/orders/${o.id}/dispatch`, w.officeA, { talentId: barber.talentId }, 200);
    assert.equal(code(await send('POST', `/api/v1/orders/${o.id}/decline`, barber.headers, { reason: '' })), '400 VALIDATION_FAILED');
    const declined = await ok(t, 'POST', `/api/v1/orders/${o.id}/decline`, barber.headers, { reason: '这周在外地' }, 200);
    assert.equal(declined.state, 'new');
    assert.equal(declined.talent, null);
    assert.equal(declined.declinedCount, 1);
    assert.equal(code(await send('GET', `/api/v1/orders/${o.id}`, barber.headers)), '404 ORDER_NOT_FOUND', 'no longer theirs to read');
    const matches = await ok(t, 'GET', `/api/v1/orders/${o.id}/matches`, w.officeA);
    assert.equal(matches.talents.some((c: any) => c.id === barber.talentId), false);
    assert.ok(matches.talents.some((c: any) => c.id === other.talentId));
    assert.equal(code(await send('POST', `/api/v1/orders/${o.id}/dispatch`, w.officeA, { talentId: barber.talentId })), '409 ORDER_TALENT_DECLINED');
    const again = await ok(t, 'POST', `/api/v1/orders/${o.id}/dispatch`, w.officeA, { talentId: other.talentId }, 200);
    assert.equal(again.talent.id, other.talentId);
    const row = await t.db.selectFrom('cases').select(['kind_data', 'return_count']).where('id', '=', o.id).executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(row.kind_data!).declinedTalentIds, [barber.talentId]);
    assert.equal(row.return_count, 1);
  });

  test('an overdue order is marked overdue but stays with the office: the scheduler never escalates it', async () => {
    const o = await order();
    await ok(t, 'POST', `/api/v1/orders/${o.id}/dispatch`, w.officeA, { talentId: barber.talentId }, 200);
    await ok(t, 'POST', `/api/v1/orders/${o.id}/accept`, barber.headers, {}, 200);
    const { resolve_by, tier } = await t.db.selectFrom('cases').select(['resolve_by', 'tier']).where('id', '=', o.id).executeTakeFirstOrThrow();
    const late = Date.parse(resolve_by) + DAY;
    try {
      setClock(() => new Date(late));
      await runDeadlines(t.ctx);
      setClock(() => new Date(late + (t.ctx.config.autoEscalateGraceHours + 1) * 3_600_000));
      await runDeadlines(t.ctx);
    } finally {
      setClock();
    }
    const row = await t.db.selectFrom('cases').select(['state', 'tier', 'overdue_at']).where('id', '=', o.id).executeTakeFirstOrThrow();
    assert.ok(row.overdue_at, 'marked overdue');
    assert.deepEqual([row.state, row.tier], ['in_progress', tier], 'still with the office, at the tier it had');
    const steps = await t.db.selectFrom('case_events').select('action').where('case_id', '=', o.id).execute();
    assert.equal(steps.some((e) => e.action === 'escalate'), false);
  });

  test('only the assigned talent accepts; the general case routes cannot strip an order of its talent or hours', async () => {
    const o = await order();
    assert.equal(code(await send('POST', `/api/v1/cases/${o.id}/dispatch`, w.officeA, {})), '409 ORDER_TALENT_REQUIRED');
    assert.equal(code(await send('POST', `/api/v1/orders/${o.id}/dispatch`, w.officeA, { talentId: barber.talentId, teamId: 'x' })), '400 ORDER_TARGET_REQUIRED');
    assert.equal(code(await send('POST', `/api/v1/orders/${o.id}/dispatch`, w.officeB, { talentId: barber.talentId })), '404 ORDER_NOT_FOUND');
    assert.equal(code(await send('POST', `/api/v1/orders/${o.id}/dispatch`, w.gridWorkerA, { talentId: barber.talentId })), '403 FORBIDDEN');
    await ok(t, 'POST', `/api/v1/orders/${o.id}/dispatch`, w.officeA, { talentId: barber.talentId }, 200);
    const before = await counts();
    assert.equal(code(await send('POST', `/api/v1/orders/${o.id}/accept`, other.headers)), '404 ORDER_NOT_FOUND', 'another talent');
    assert.equal(code(await send('POST', `/api/v1/orders/${o.id}/accept`, stranger.headers)), '404 ORDER_NOT_FOUND', 'a stranger');
    assert.equal(code(await send('POST', `/api/v1/cases/${o.id}/accept`, other.headers, {})), '404 CASE_NOT_FOUND');
    assert.equal(code(await send('POST', `/api/v1/orders/${o.id}/accept`, requester.headers)), '403 NOT_CASE_HANDLER', 'the requester does not serve their own order');
    assert.equal(code(await send('POST', `/api/v1/cases/${o.id}/return`, barber.headers, { reason: '不去了' })), '409 ORDER_USE_DECLINE');
    assert.equal(code(await send('POST', `/api/v1/cases/${o.id}/transfer`, w.officeA, { reason: '转给别人', node: w.a.grids[0]!.id })), '409 ORDER_NOT_TRANSFERABLE');
    await ok(t, 'POST', `/api/v1/orders/${o.id}/accept`, barber.headers, {}, 200);
    assert.equal(code(await send('POST', `/api/v1/cases/${o.id}/resolve`, barber.headers, { result: '完成' })), '400 ORDER_HOURS_REQUIRED');
    assert.equal((await counts()).cases, before.cases);
  });

  test('the talent cannot verify their own service; two racing verifications pay once', async () => {
    const o = await servedOrder(2);
    assert.equal(code(await send('POST', `/api/v1/orders/${o.id}/verify`, barber.headers, { pass: true })), '403 VERIFIER_IS_HANDLER');
    assert.equal(code(await send('POST', `/api/v1/cases/${o.id}/verify`, barber.headers, { pass: true })), '403 VERIFIER_IS_HANDLER');
    const balance = await balanceOf(t, barber.id, w.a.community.id);
    const results = await Promise.all([
      send('POST', `/api/v1/orders/${o.id}/verify`, w.officeA, { pass: true }),
      send('POST', `/api/v1/cases/${o.id}/verify`, w.admin, { pass: true }),
    ]);
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409], results.map((r) => r.body).join('\n'));
    const paid = await t.db.selectFrom('point_transfers').select('amount').where('source_kind', '=', 'service_order').where('source_id', '=', o.id).execute();
    assert.deepEqual(paid.map((p) => p.amount), [4]);
    assert.equal(await balanceOf(t, barber.id, w.a.community.id), balance + 4);
    assert.equal((await ok(t, 'GET', `/api/v1/orders/${o.id}`, w.officeA)).points.outcome, 'earned');
    await assertLedgerHolds(t);
  });

  test('without an active rule the verification stands, unpaid, and says so', async () => {
    const o = await servedOrder(1);
    await t.db.updateTable('point_rules').set({ active: 0 }).where('community_id', '=', w.a.community.id).where('rule', '=', 'service_hour').execute();
    try {
      const v = await ok(t, 'POST', `/api/v1/orders/${o.id}/verify`, w.officeA, { pass: true }, 200);
      assert.equal(v.state, 'closed');
      assert.deepEqual([v.points.amount, v.points.outcome], [0, 'no_rule']);
      assert.match(v.points.outcomeLabel, /未设置/);
    } finally {
      await t.db.updateTable('point_rules').set({ active: 1 }).where('community_id', '=', w.a.community.id).where('rule', '=', 'service_hour').execute();
    }
  });

  test('ratings hide the other side until both rated or a week after the service', async () => {
    const o = await servedOrder(1);
    assert.equal(code(await send('POST', `/api/v1/orders/${o.id}/rating`, stranger.headers, { score: 3 })), '404 ORDER_NOT_FOUND');
    assert.equal(code(await send('POST', `/api/v1/orders/${o.id}/rating`, w.officeA, { score: 3 })), '403 ORDER_NOT_A_PARTY');
    await ok(t, 'POST', `/api/v1/orders/${o.id}/rating`, barber.headers, { score: 5, comment: '配合很好' }, 200);
    assert.equal((await ok(t, 'GET', `/api/v1/orders/${o.id}`, requester.headers)).ratings.talent, null);
    assert.equal((await ok(t, 'GET', `/api/v1/orders/${o.id}`, w.officeA)).ratings.talent, null, 'staff wait too');
    // A week later (the service moved back in time rather than the clock forward, which would end the sessions).
    await t.db.updateTable('cases').set({ resolved_at: new Date(Date.now() - 7 * DAY - 60_000).toISOString() }).where('id', '=', o.id).execute();
    const later = await ok(t, 'GET', `/api/v1/orders/${o.id}`, requester.headers);
    assert.equal(later.ratings.revealed, true);
    assert.equal(later.ratings.talent.comment, '配合很好');
    const pending = await order();
    assert.equal(code(await send('POST', `/api/v1/orders/${pending.id}/rating`, requester.headers, { score: 4 })), '409 ORDER_NOT_RATABLE');
  });

  test('bad input is refused in the caller\'s language and writes nothing', async () => {
    const o = await order();
    await ok(t, 'POST', `/api/v1/orders/${o.id}/dispatch`, w.officeA, { talentId: barber.talentId }, 200);
    await ok(t, 'POST', `/api/v1/orders/${o.id}/accept`, barber.headers, {}, 200);
    const before = await counts();
    const done = (hours: unknown) => send('POST', `/api/v1/orders/${o.id}/done`, barber.headers, { result: '完成', hours });
    assert.equal(code(await done(0)), '400 VALIDATION_FAILED');
    assert.equal(code(await done(-1)), '400 VALIDATION_FAILED');
    assert.equal(code(await done(1.1)), '400 VALIDATION_FAILED', 'quarter hours only');
    assert.equal(code(await done(1.25)), '400 POINTS_QUANTITY_INVALID', '1.25 hours at 2 points is not a whole number of points');
    assert.equal(code(await done('2')), '400 VALIDATION_FAILED');
    assert.equal(code(await send('POST', '/api/v1/orders', requester.headers, { skill: 'juggling', description: '杂耍' })), '400 VALIDATION_FAILED');
    assert.equal(code(await send('POST', '/api/v1/orders', requester.headers, { skill: 'haircut', description: '' })), '400 VALIDATION_FAILED');
    assert.equal(code(await send('POST', '/api/v1/orders', w.officeA, { skill: 'haircut', description: '代办理发' })), '400 ORDER_REQUESTER_REQUIRED');
    assert.equal(code(await send('POST', '/api/v1/orders', w.officeB, { skill: 'haircut', description: '代办理发', forResident: { residentId: requester.id, consent: '电话同意' } })), '404 RESIDENT_NOT_FOUND');
    assert.equal(code(await send('POST', '/api/v1/orders', {}, { skill: 'haircut', description: '理发' })), '401 UNAUTHENTICATED');
    assert.equal(code(await send('POST', '/api/v1/orders', requester.headers, { skill: 'haircut', description: '替邻居点单', forResident: { residentId: stranger.id, consent: '口头同意' } })), '403 FORBIDDEN', 'only staff order for someone else');
    const en = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${o.id}/done`, headers: { ...barber.headers, 'accept-language': 'en' }, payload: { result: 'done', hours: 1.25 } });
    assert.match(en.json().error.message, /whole number of points/);
    assert.deepEqual(await counts(), before);
    const served = await ok(t, 'POST', `/api/v1/orders/${o.id}/done`, barber.headers, { result: '完成', hours: 1 }, 200);
    assert.equal(code(await send('POST', `/api/v1/orders/${served.id}/rating`, requester.headers, { score: 6 })), '400 VALIDATION_FAILED');
    assert.equal(code(await send('POST', `/api/v1/orders/${served.id}/rating`, requester.headers, { score: 4.5 })), '400 VALIDATION_FAILED');
    assert.equal((await counts()).ratings, before.ratings);
  });

  test('staff order for a resident (代办), who then follows it in the app', async () => {
    const o = await ok(t, 'POST', '/api/v1/orders', w.officeA, { skill: 'haircut', description: '电话代办：老人想理发', forResident: { residentId: requester.id, consent: '本人电话同意，社区记录' } });
    assert.equal(o.channel, 'proxy');
    const mine = await ok(t, 'GET', '/api/v1/orders/mine', requester.headers);
    assert.ok(mine.requested.some((i: any) => i.id === o.id));
    assert.equal(code(await send('GET', '/api/v1/orders/mine', w.officeA)), '403 ORDER_RESIDENT_ONLY');
  });
});
