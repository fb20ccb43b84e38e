import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { setClock } from '../../platform/clock.ts';
import { type Headers, type PointsWorld, assertLedgerHolds, balanceOf, buildPointsWorld, ok } from '../points/points.test-world.ts';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('activities: capacity, sign-up, check-in and attendance points', () => {
  let t: TestApp;
  let w: PointsWorld;

  const send = (method: 'GET' | 'POST' | 'PATCH', url: string, headers: Headers, payload?: object) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const code = (res: LightMyRequestResponse) => `${res.statusCode} ${res.statusCode >= 400 ? res.json().error.code : ''}`.trim();
  /** Row counts of this module's tables and the ledger: a refused request must leave them as they were. */
  const counts = async () => {
    const n = async (table: 'activities' | 'activity_sign_ups' | 'activity_attendances' | 'point_transfers' | 'role_models') => Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const seats = await t.db.selectFrom('activities').select((eb) => eb.fn.sum<number>('seats_taken').as('s')).executeTakeFirstOrThrow();
    return { activities: await n('activities'), signUps: await n('activity_sign_ups'), attendances: await n('activity_attendances'), transfers: await n('point_transfers'), roleModels: await n('role_models'), seats: Number(seats.s ?? 0) };
  };
  /** A published activity of community A (or B) starting `startsIn` ms from now and lasting two hours. */
  const published = async (office: Headers, community: string, extra: object = {}, startsIn = 48 * HOUR) => {
    const start = Date.now() + startsIn;
    const a = await ok(t, 'POST', '/api/v1/activities', office, { community, title: '书法班（第三期）', kind: 'class', address: '社区党群服务中心二楼', startsAt: iso(start), endsAt: iso(start + 2 * HOUR), ...extra });
    return ok(t, 'POST', `/api/v1/activities/${a.id}/publish`, office, undefined, 200);
  };
  const withClock = async <T>(ms: number, fn: () => Promise<T>) => {
    setClock(() => new Date(ms));
    try {
      return await fn();
    } finally {
      setClock();
    }
  };

  before(async () => {
    t = await startTestApp();
    w = await buildPointsWorld(t, 8);
  });
  after(async () => {
    setClock();
    await t.close();
  });

  test('bad activities are refused with a clear 4xx and nothing is written', async () => {
    const before = await counts();
    const start = Date.now() + 24 * HOUR;
    const base = { community: w.a.community.code, title: '健康讲座', kind: 'talk', address: '社区活动室', startsAt: iso(start), endsAt: iso(start + HOUR) };
    const cases: [object, string][] = [
      [{ endsAt: iso(start - HOUR) }, '400 ACTIVITY_TIMES_INVALID'],
      [{ endsAt: iso(start) }, '400 ACTIVITY_TIMES_INVALID'],
      [{ signUpClosesAt: iso(start + 10 * 60_000) }, '400 ACTIVITY_TIMES_INVALID'],
      [{ signUpOpensAt: iso(start - HOUR), signUpClosesAt: iso(start - 2 * HOUR) }, '400 ACTIVITY_TIMES_INVALID'],
      [{ capacity: 0 }, '400 VALIDATION_FAILED'],
      [{ capacity: -3 }, '400 VALIDATION_FAILED'],
      [{ capacity: 2.5 }, '400 VALIDATION_FAILED'],
      [{ startsAt: 'tomorrow' }, '400 VALIDATION_FAILED'],
      [{ community: w.b.community.code }, '404 ORG_NODE_NOT_FOUND'],
      [{ community: w.a.grids[0]!.code }, '400 ACTIVITY_COMMUNITY_REQUIRED'],
    ];
    for (const [change, expected] of cases) {
      const res = await send('POST', '/api/v1/activities', w.officeA, { ...base, ...change });
      assert.equal(code(res), expected, JSON.stringify(change));
    }
    const en = await t.app.inject({ method: 'POST', url: '/api/v1/activities', headers: { ...w.officeA, 'accept-language': 'en' }, payload: { ...base, endsAt: iso(start - HOUR) } });
    assert.match(en.json().error.message, /must end after it starts/);
    assert.equal(code(await send('POST', '/api/v1/activities', w.residents[0]!.headers, base)), '403 FORBIDDEN', 'residents do not run activities');
    assert.equal(code(await send('POST', '/api/v1/activities', w.gridWorkerA, base)), '403 FORBIDDEN', 'nor do grid workers');
    assert.deepEqual(await counts(), before);

    // A draft is the office's alone; a lowered capacity may not drop below the places taken.
    const draft = await ok(t, 'POST', '/api/v1/activities', w.officeA, { ...base, capacity: 2 });
    assert.equal(draft.state, 'draft');
    assert.equal(code(await send('GET', `/api/v1/activities/${draft.id}`, w.residents[0]!.headers)), '404 ACTIVITY_NOT_FOUND');
    assert.equal(code(await send('POST', `/api/v1/activities/${draft.id}/sign-ups`, w.residents[0]!.headers, {})), '404 ACTIVITY_NOT_FOUND');
    await ok(t, 'POST', `/api/v1/activities/${draft.id}/publish`, w.officeA, undefined, 200);
    assert.equal(code(await send('PATCH', `/api/v1/activities/${draft.id}`, w.officeB, { title: '改名' })), '403 FORBIDDEN', 'another community\'s office');
    await ok(t, 'POST', `/api/v1/activities/${draft.id}/sign-ups`, w.residents[0]!.headers, {}, 201);
    await ok(t, 'POST', `/api/v1/activities/${draft.id}/sign-ups`, w.residents[1]!.headers, {}, 201);
    const mid = await counts();
    assert.equal(code(await send('PATCH', `/api/v1/activities/${draft.id}`, w.officeA, { capacity: 1 })), '409 ACTIVITY_CAPACITY_BELOW_SIGN_UPS');
    assert.equal(code(await send('PATCH', `/api/v1/activities/${draft.id}`, w.officeA, { endsAt: iso(start - 1) })), '400 ACTIVITY_TIMES_INVALID');
    assert.deepEqual(await counts(), mid);
    const edited = await ok(t, 'PATCH', `/api/v1/activities/${draft.id}`, w.officeA, { capacity: 3, title: '健康讲座（改期）' });
    assert.equal(edited.seatsLeft, 1);
  });

  test('racing sign-ups never exceed the capacity: exactly `capacity` succeed', async () => {
    const a = await published(w.officeA, w.a.community.code, { capacity: 3 });
    const results = await Promise.all(w.residents.map((r) => send('POST', `/api/v1/activities/${a.id}/sign-ups`, r.headers, {})));
    const statuses = results.map(code).sort();
    assert.equal(statuses.filter((s) => s === '201').length, 3, statuses.join(', '));
    assert.equal(statuses.filter((s) => s === '409 ACTIVITY_FULL').length, w.residents.length - 3, statuses.join(', '));
    const row = await t.db.selectFrom('activities').select(['seats_taken']).where('id', '=', a.id).executeTakeFirstOrThrow();
    assert.equal(row.seats_taken, 3);
    const live = await t.db.selectFrom('activity_sign_ups').select('id').where('activity_id', '=', a.id).where('state', '=', 'signed_up').execute();
    assert.equal(live.length, 3);
    const view = await ok(t, 'GET', `/api/v1/activities/${a.id}`, {});
    assert.equal(view.signedUp, 3);
    assert.equal(view.seatsLeft, 0);
    assert.ok(!JSON.stringify(view).includes('居民'), 'the public view holds no names');

    // A withdrawal frees a place for the next resident; the same resident twice at once takes one place.
    const winner = w.residents.find((_r, i) => results[i]!.statusCode === 201)!;
    const loser = w.residents.find((_r, i) => results[i]!.statusCode === 409)!;
    await ok(t, 'POST', `/api/v1/activities/${a.id}/withdrawal`, winner.headers, {}, 200);
    const twice = await Promise.all([1, 2, 3].map(() => send('POST', `/api/v1/activities/${a.id}/sign-ups`, loser.headers, {})));
    assert.deepEqual(twice.map((r) => r.statusCode).sort(), [201, 409, 409]);
    assert.equal((await t.db.selectFrom('activities').select('seats_taken').where('id', '=', a.id).executeTakeFirstOrThrow()).seats_taken, 3);
  });

  test('sign-up and withdrawal: cancelled, past and others\' sign-ups are refused and write nothing', async () => {
    const [me, neighbour] = w.residents;
    const a = await published(w.officeA, w.a.community.code);
    await ok(t, 'POST', `/api/v1/activities/${a.id}/sign-ups`, me!.headers, {}, 201);
    assert.equal(code(await send('POST', `/api/v1/activities/${a.id}/sign-ups`, me!.headers, {})), '409 ACTIVITY_ALREADY_SIGNED_UP');
    const before = await counts();
    assert.equal(code(await send('POST', `/api/v1/activities/${a.id}/withdrawal`, neighbour!.headers, { residentId: me!.id })), '403 ACTIVITY_NOT_YOUR_SIGN_UP');
    assert.equal(code(await send('POST', `/api/v1/activities/${a.id}/withdrawal`, w.officeB, { residentId: me!.id })), '403 ACTIVITY_NOT_YOUR_SIGN_UP', 'another community\'s office');
    assert.equal(code(await send('POST', `/api/v1/activities/${a.id}/withdrawal`, neighbour!.headers, {})), '404 ACTIVITY_NOT_SIGNED_UP');
    assert.equal(code(await send('POST', `/api/v1/activities/${a.id}/sign-ups`, w.officeA, {})), '403 ACTIVITY_RESIDENT_ONLY');
    assert.equal(code(await send('POST', `/api/v1/activities/${a.id}/sign-ups`, {}, {})), '401 UNAUTHENTICATED');
    assert.equal(code(await send('POST', `/api/v1/activities/${a.id}/sign-ups`, neighbour!.headers, { residentId: w.residentB.id })), '403 ACTIVITY_NOT_YOUR_SIGN_UP');
    assert.equal(code(await send('POST', `/api/v1/activities/${a.id}/sign-ups`, w.officeA, { residentId: w.residentB.id })), '404 RESIDENT_NOT_FOUND', 'the office signs up only residents it can see');
    assert.equal(code(await send('POST', `/api/v1/activities/${a.id}/sign-ups`, w.residentB.headers, {})), '403 ACTIVITY_OTHER_COMMUNITY', 'a resident of another community');
    assert.deepEqual(await counts(), before);

    // The office signs up an elderly neighbour without a phone (代报名) and can withdraw them.
    const proxy = await ok(t, 'POST', `/api/v1/activities/${a.id}/sign-ups`, w.officeA, { residentId: neighbour!.id }, 201);
    assert.equal(proxy.byStaff, true);
    await ok(t, 'POST', `/api/v1/activities/${a.id}/withdrawal`, w.officeA, { residentId: neighbour!.id }, 200);

    const cancelled = await published(w.officeA, w.a.community.code);
    assert.equal(code(await send('POST', `/api/v1/activities/${cancelled.id}/cancel`, w.officeA, { reason: ' ' })), '400 VALIDATION_FAILED');
    const c = await ok(t, 'POST', `/api/v1/activities/${cancelled.id}/cancel`, w.officeA, { reason: '天气原因改期' }, 200);
    assert.equal(c.cancelReason, '天气原因改期');
    const past = await published(w.officeA, w.a.community.code, {}, -3 * HOUR);
    const closing = await published(w.officeA, w.a.community.code, { signUpClosesAt: iso(Date.now() - HOUR) });
    const notYet = await published(w.officeA, w.a.community.code, { signUpOpensAt: iso(Date.now() + HOUR) });
    const again = await counts();
    assert.equal(code(await send('POST', `/api/v1/activities/${cancelled.id}/sign-ups`, me!.headers, {})), '409 ACTIVITY_STATE_CONFLICT');
    assert.equal(code(await send('POST', `/api/v1/activities/${past.id}/sign-ups`, me!.headers, {})), '409 ACTIVITY_SIGN_UP_CLOSED');
    assert.equal(code(await send('POST', `/api/v1/activities/${closing.id}/sign-ups`, me!.headers, {})), '409 ACTIVITY_SIGN_UP_CLOSED');
    assert.equal(code(await send('POST', `/api/v1/activities/${notYet.id}/sign-ups`, me!.headers, {})), '409 ACTIVITY_SIGN_UP_CLOSED');
    assert.equal(code(await send('POST', `/api/v1/activities/${cancelled.id}/publish`, w.officeA)), '409 ACTIVITY_STATE_CONFLICT');
    assert.deepEqual(await counts(), again);

    const mine = await ok(t, 'GET', '/api/v1/activities/mine', me!.headers);
    assert.ok(mine.items.some((i: { activity: { id: string }; signedUp: boolean }) => i.activity.id === a.id && i.signedUp));
  });

  test('the check-in code works from 30 minutes before the start until the end, once per resident', async () => {
    const [me, walkIn] = w.residents;
    const a = await published(w.officeA, w.a.community.code, { capacity: 5 }, 4 * HOUR);
    const start = Date.parse(a.startsAt);
    await ok(t, 'POST', `/api/v1/activities/${a.id}/sign-ups`, me!.headers, {}, 201);
    assert.equal(code(await send('GET', `/api/v1/activities/${a.id}/check-in-code`, me!.headers)), '403 FORBIDDEN');
    const door = await ok(t, 'GET', `/api/v1/activities/${a.id}/check-in-code`, w.officeA);
    assert.equal(door.validFrom, iso(start - 30 * 60_000));
    const before = await counts();
    const checkIn = (headers: Headers, text = door.code) => send('POST', '/api/v1/activities/check-in', headers, { code: text });
    assert.equal(code(await withClock(start - 31 * 60_000, () => checkIn(me!.headers))), '409 CHECK_IN_NOT_OPEN');
    assert.equal(code(await withClock(start + 2 * HOUR + 1000, () => checkIn(me!.headers))), '409 CHECK_IN_NOT_OPEN');
    assert.equal(code(await withClock(start, () => checkIn(me!.headers, 'not-the-code'))), '404 CHECK_IN_CODE_INVALID');
    assert.equal(code(await withClock(start, () => checkIn(w.officeA))), '403 ACTIVITY_RESIDENT_ONLY');
    assert.deepEqual(await counts(), before);

    const balance = await balanceOf(t, me!.id, w.a.community.id);
    const results = await withClock(start - 10 * 60_000, () => Promise.all([1, 2, 3, 4, 5].map(() => checkIn(me!.headers, door.qr))));
    assert.deepEqual(results.map(code).sort(), ['201', '409 ALREADY_CHECKED_IN', '409 ALREADY_CHECKED_IN', '409 ALREADY_CHECKED_IN', '409 ALREADY_CHECKED_IN']);
    const won = results.find((r) => r.statusCode === 201)!.json();
    assert.equal(won.walkIn, false);
    assert.equal(won.pointsOutcome, 'earned');
    assert.equal(won.points, 1);
    const rows = await t.db.selectFrom('activity_attendances').selectAll().where('activity_id', '=', a.id).execute();
    assert.equal(rows.length, 1, 'one attendance record');
    const paid = await t.db.selectFrom('point_transfers').selectAll().where('source_kind', '=', 'activity').where('source_id', '=', rows[0]!.id).execute();
    assert.equal(paid.length, 1, 'paid once, through the ledger');
    assert.equal(paid[0]!.rule, 'activity_attendance');
    assert.equal(await balanceOf(t, me!.id, w.a.community.id), balance + 1);

    // A walk-in takes a place; the office ticks the next one on its list, also once.
    const walked = await withClock(start + HOUR, () => checkIn(walkIn!.headers));
    assert.equal(walked.statusCode, 201);
    assert.equal(walked.json().walkIn, true);
    assert.equal(walked.json().activity.seatsLeft, 3);
    const third = w.residents[2]!;
    const ticks = await withClock(start + 3 * HOUR, () => Promise.all([1, 2].map(() => send('POST', `/api/v1/activities/${a.id}/attendances`, w.officeA, { residentId: third.id }))));
    assert.deepEqual(ticks.map((r) => r.statusCode).sort(), [201, 409], 'the office may enter its paper list after the end');
    const roster = await ok(t, 'GET', `/api/v1/activities/${a.id}/sign-ups`, w.officeA);
    assert.equal(roster.items.filter((i: { checkedIn: boolean }) => i.checkedIn).length, 3);
    assert.equal(code(await withClock(start + HOUR, () => send('POST', `/api/v1/activities/${a.id}/cancel`, w.officeA, { reason: '取消' }))), '409 ACTIVITY_HAS_ATTENDANCE');
    await withClock(start + 3 * HOUR, () => ok(t, 'POST', `/api/v1/activities/${a.id}/finish`, w.officeA, undefined, 200));
    assert.equal(code(await withClock(start + HOUR, () => checkIn(w.residents[3]!.headers))), '409 ACTIVITY_STATE_CONFLICT');
    await assertLedgerHolds(t);
  });

  test('attendance without an active rule is recorded unpaid, and an activity may pay nothing at all', async () => {
    await ok(t, 'PUT', '/api/v1/points/rules/activity_attendance', w.officeB, { community: w.b.community.code, pointsPerUnit: 1, active: false });
    const b = await published(w.officeB, w.b.community.code, {}, 2 * HOUR);
    const start = Date.parse(b.startsAt);
    const door = await ok(t, 'GET', `/api/v1/activities/${b.id}/check-in-code`, w.officeB);
    const transfers = (await counts()).transfers;
    const res = await withClock(start, () => send('POST', '/api/v1/activities/check-in', { ...w.residentB.headers, 'accept-language': 'en' }, { code: door.code }));
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().pointsOutcome, 'no_rule');
    assert.equal(res.json().points, 0);
    assert.match(res.json().message, /no active attendance points rule/);
    assert.equal((await counts()).transfers, transfers, 'nothing paid');

    const free = await published(w.officeA, w.a.community.code, { earnsPoints: false }, 2 * HOUR);
    const ticked = await withClock(start, () => send('POST', `/api/v1/activities/${free.id}/attendances`, w.officeA, { residentId: w.residents[4]!.id }));
    assert.equal(ticked.statusCode, 201, ticked.body);
    assert.equal(ticked.json().pointsOutcome, 'not_earning');
    assert.equal((await counts()).transfers, transfers);
    assert.equal(code(await withClock(start, () => send('POST', `/api/v1/activities/${free.id}/attendances`, w.officeA, { residentId: w.residentB.id }))), '404 RESIDENT_NOT_FOUND', 'a walk-in the office cannot see');

    const figures = await ok(t, 'GET', `/api/v1/activities/figures?node=${w.a.community.code}&period=custom&from=2000-01-01&to=2100-01-01`, w.officeA);
    const held = await t.db.selectFrom('activities').select('id').where('community_id', '=', w.a.community.id).where('state', 'in', ['published', 'finished']).where('starts_at', '<=', new Date().toISOString()).execute();
    assert.equal(figures.total.held, held.length);
    assert.equal(figures.communities.length, 1);
    assert.equal(code(await send('GET', `/api/v1/activities/figures?node=${w.b.community.code}`, w.officeA)), '404 ORG_NODE_NOT_FOUND');
  });

  test('the calendar shows a community\'s published activities in a range of local days, with counts only', async () => {
    const a = await published(w.officeA, w.a.community.code, { capacity: 10 }, 5 * 24 * HOUR);
    await ok(t, 'POST', '/api/v1/activities', w.officeA, { community: w.a.community.code, title: '未发布的草稿', kind: 'other', address: '活动室', startsAt: iso(Date.now() + 5 * 24 * HOUR), endsAt: iso(Date.now() + 6 * 24 * HOUR) });
    const mine = await ok(t, 'GET', '/api/v1/activities/calendar', w.residents[0]!.headers);
    assert.equal(mine.community.id, w.a.community.id);
    assert.ok(mine.items.some((i: { id: string }) => i.id === a.id));
    assert.ok(!mine.items.some((i: { title: string }) => i.title === '未发布的草稿'));
    const anon = await ok(t, 'GET', `/api/v1/activities/calendar?community=${w.a.community.code}`, {});
    assert.ok(anon.items.every((i: { state: string }) => i.state !== 'draft'));
    assert.equal(code(await send('GET', '/api/v1/activities/calendar', {})), '400 ACTIVITY_COMMUNITY_REQUIRED');
    assert.equal(code(await send('GET', `/api/v1/activities/calendar?community=${w.a.community.code}&from=2026-01-01&to=2026-06-01`, {})), '400 CALENDAR_RANGE_INVALID');
    assert.equal(code(await send('GET', `/api/v1/activities/calendar?community=${w.a.community.code}&from=2026-02-01&to=2026-01-01`, {})), '400 CALENDAR_RANGE_INVALID');
  });
});

describe('role models (身边榜样)', () => {
  let t: TestApp;
  let w: PointsWorld;

  before(async () => {
    t = await startTestApp();
    w = await buildPointsWorld(t, 1);
  });
  after(() => t.close());

  test('the office publishes a story; the public sees the chosen name, never the records behind it', async () => {
    const [r] = w.residents;
    const before = await t.db.selectFrom('role_models').select('id').execute();
    for (const [payload, expected] of [
      [{ people: [{ kind: 'resident', id: w.residentB.id }] }, 400],
      [{ people: [{ kind: 'talent', id: 'no-such-talent' }] }, 400],
      [{ photoIds: ['no-such-photo'] }, 400],
      [{ shownName: '' }, 400],
    ] as const) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/role-models', headers: w.officeA, payload: { community: w.a.community.code, title: '照顾独居老人', shownName: '次仁大爷', story: '三十年如一日。', ...payload } });
      assert.equal(res.statusCode, expected, res.body);
    }
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/role-models', headers: w.residents[0]!.headers, payload: { community: w.a.community.code, title: 'x', shownName: 'x', story: 'x' } })).statusCode, 403);
    assert.equal((await t.db.selectFrom('role_models').select('id').execute()).length, before.length);

    const story = await ok(t, 'POST', '/api/v1/role-models', w.officeA, { community: w.a.community.code, title: '照顾独居老人', shownName: '次仁大爷', story: '次仁大爷三十年照顾邻居，联系电话 13908901234。', people: [{ kind: 'resident', id: r!.id }] });
    assert.equal(story.published, false);
    assert.equal(story.people[0].id, r!.id);
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/role-models/${story.id}` })).statusCode, 404, 'unpublished stories are the office\'s');
    await ok(t, 'POST', `/api/v1/role-models/${story.id}/publish`, w.officeA, undefined, 200);
    const pub = await ok(t, 'GET', `/api/v1/role-models/${story.id}`, {});
    assert.equal(pub.shownName, '次仁大爷');
    assert.equal(pub.people, undefined);
    assert.ok(!pub.story.includes('13908901234'), 'phone numbers in a story are masked for the public');
    const list = await ok(t, 'GET', `/api/v1/role-models?community=${w.a.community.code}`, {});
    assert.deepEqual(list.items.map((i: { id: string }) => i.id), [story.id]);
    assert.equal((await t.app.inject({ method: 'PATCH', url: `/api/v1/role-models/${story.id}`, headers: w.officeB, payload: { title: '改' } })).statusCode, 403);
    await ok(t, 'POST', `/api/v1/role-models/${story.id}/unpublish`, w.officeA, undefined, 200);
    assert.equal((await ok(t, 'GET', `/api/v1/role-models?community=${w.a.community.code}`, {})).items.length, 0);
  });
});
