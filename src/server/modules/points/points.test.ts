import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { body, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { setClock } from '../../platform/clock.ts';
import { earnPoints } from './earning.service.ts';
import { expirePoints } from './expiry.service.ts';
import { pointsFigures } from './figures.ts';
import { type PointsWorld, WIDE_AGREEMENT, assertLedgerHolds, balanceOf, buildPointsWorld, ok, pointsSnapshot } from './points.test-world.ts';

describe('the points ledger: earning, awards, reversals, expiry', () => {
  let t: TestApp;
  let w: PointsWorld;
  const earn = (input: Omit<Parameters<typeof earnPoints>[1], 'operatorAccountId'>) =>
    t.db.transaction().execute((trx) => earnPoints(trx, { operatorAccountId: null, ...input }));
  const refusal = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (err) {
      return (err as { code?: string }).code;
    }
    return 'accepted';
  };

  before(async () => {
    t = await startTestApp();
    w = await buildPointsWorld(t);
  });
  after(async () => {
    setClock();
    await t.close();
  });

  test('verified service hours pay points per hour, once per source, capped at the monthly limit', async () => {
    const [r] = w.residents;
    const first = await earn({ residentId: r!.id, rule: 'service_hour', sourceKind: 'service_order', sourceId: 'order-1', quantity: 1.5 });
    assert.equal(first.amount, 3);
    assert.equal(first.kind, 'earn');
    assert.equal(first.community_id, w.a.community.id, "paid by the resident's own community");
    assert.equal(await balanceOf(t, r!.id, w.a.community.id), 3);
    const pool = await t.db.selectFrom('point_accounts').selectAll().where('kind', '=', 'pool').where('community_id', '=', w.a.community.id).executeTakeFirstOrThrow();
    assert.equal(pool.balance, -3, 'points come out of the community pool');

    assert.equal(await refusal(earn({ residentId: r!.id, rule: 'service_hour', sourceKind: 'service_order', sourceId: 'order-1', quantity: 1.5 })), 'POINTS_ALREADY_EARNED');
    assert.equal(await refusal(earn({ residentId: r!.id, rule: 'service_hour', sourceKind: 'service_order', sourceId: 'order-2', quantity: 1.3 })), 'POINTS_QUANTITY_INVALID', '2.6 points is not a whole number');
    for (const q of [0, -2, Number.NaN]) assert.equal(await refusal(earn({ residentId: r!.id, rule: 'service_hour', sourceKind: 'service_order', sourceId: `bad-${q}`, quantity: q })), 'POINTS_QUANTITY_INVALID');
    for (const q of [0, -5, 2.5]) assert.equal(await refusal(earn({ residentId: r!.id, rule: 'manual', sourceKind: 'award', sourceId: `m-${q}`, quantity: q, reason: '奖励' })), 'POINTS_AMOUNT_INVALID');
    assert.equal(await refusal(earn({ residentId: r!.id, rule: 'manual', sourceKind: 'award', sourceId: 'no-reason', quantity: 5 })), 'POINTS_REASON_REQUIRED');

    // 20 a month: 3 earned, so 10 hours (20 points) pay 17, and the next hour nothing.
    const capped = await earn({ residentId: r!.id, rule: 'service_hour', sourceKind: 'service_order', sourceId: 'order-3', quantity: 10 });
    assert.equal(capped.amount, 17);
    assert.equal(await refusal(earn({ residentId: r!.id, rule: 'service_hour', sourceKind: 'service_order', sourceId: 'order-4', quantity: 1 })), 'POINTS_LIMIT_REACHED');
    assert.equal(await balanceOf(t, r!.id, w.a.community.id), 20);

    // A community without the rule, or with it switched off, pays nothing.
    await ok(t, 'PUT', '/api/v1/points/rules/activity_attendance', w.officeA, { community: w.a.community.code, pointsPerUnit: 1, active: false });
    assert.equal(await refusal(earn({ residentId: r!.id, rule: 'activity_attendance', sourceKind: 'activity', sourceId: 'a-1' })), 'POINTS_RULE_NOT_CONFIGURED');
    await ok(t, 'PUT', '/api/v1/points/rules/activity_attendance', w.officeA, { community: w.a.community.code, pointsPerUnit: 1 });
    // An in-service member (双报到) earns in the community they serve, which holds their account there.
    const elsewhere = await earn({ residentId: r!.id, communityId: w.b.community.id, rule: 'activity_attendance', sourceKind: 'activity', sourceId: 'b-1' });
    assert.equal(elsewhere.community_id, w.b.community.id);
    assert.equal(await balanceOf(t, r!.id, w.b.community.id), 1);
    await assertLedgerHolds(t);
  });

  test('staff award points by hand with a reason; bad amounts get a clear 400 and write nothing', async () => {
    const r = w.residents[1]!;
    const url = '/api/v1/points/awards';
    const good = { community: w.a.community.code, residentId: r.id, points: 8, reason: '身边榜样：照顾独居老人' };
    const before = await pointsSnapshot(t);
    for (const points of [-5, 0, 2.5, '8', null, 10_000_001]) {
      const res = await t.app.inject({ method: 'POST', url, headers: { ...w.officeA, 'accept-language': 'en' }, payload: { ...good, points } });
      assert.equal(res.statusCode, 400, `${points}: ${res.body}`);
      assert.equal(body(res).error.code, 'VALIDATION_FAILED');
      assert.match(body(res).error.message, /not valid/);
    }
    const blank = await t.app.inject({ method: 'POST', url, headers: w.officeA, payload: { ...good, reason: '   ' } });
    assert.equal(blank.statusCode, 400);
    assert.equal(body(blank).error.code, 'POINTS_REASON_REQUIRED');
    assert.equal(body(blank).error.message, '请填写原因。');
    // Outside the office's reach: another community's ledger, a resident it cannot see.
    const far = await t.app.inject({ method: 'POST', url, headers: w.officeA, payload: { ...good, community: w.b.community.code } });
    assert.equal(far.statusCode, 404);
    const farResident = await t.app.inject({ method: 'POST', url, headers: w.officeA, payload: { ...good, residentId: w.residentB.id } });
    assert.equal(body(farResident).error.code, 'RESIDENT_NOT_FOUND');
    for (const who of [w.gridWorkerA, r.headers, w.merchants.clinic.headers]) {
      const res = await t.app.inject({ method: 'POST', url, headers: who, payload: good });
      assert.ok([403, 404].includes(res.statusCode), res.body);
    }
    assert.equal(await pointsSnapshot(t), before, 'refused awards wrote nothing');

    const awarded = await ok(t, 'POST', url, w.officeA, good);
    assert.equal(awarded.amount, 8);
    assert.equal(awarded.rule, 'manual');
    assert.equal(awarded.reason, good.reason);
    assert.deepEqual(awarded.abilities, ['reverse']);
    const row = await t.db.selectFrom('point_transfers').selectAll().where('id', '=', awarded.id).executeTakeFirstOrThrow();
    assert.ok(row.operator_account_id, 'the operator is recorded');
    assert.equal(await balanceOf(t, r.id, w.a.community.id), 8);

    const mine = await ok(t, 'GET', '/api/v1/points/me', r.headers);
    assert.equal(mine.total, 8);
    const history = await ok(t, 'GET', '/api/v1/points/me/transfers', r.headers);
    assert.equal(history.items[0].change, 8);
    const staff = await t.app.inject({ method: 'GET', url: '/api/v1/points/me', headers: w.officeA });
    assert.equal(body(staff).error.code, 'POINTS_NOT_A_RESIDENT');
  });

  test('racing awards never pass a limit that refuses, on either store', async () => {
    const r = w.residents[2]!;
    // The manual rule allows 100 a year; 15 racing awards of 10 each: exactly 10 are paid.
    const results = await Promise.all(Array.from({ length: 15 }, (_, i) =>
      t.app.inject({ method: 'POST', url: '/api/v1/points/awards', headers: w.officeA, payload: { community: w.a.community.code, residentId: r.id, points: 10, reason: `竞争奖励 ${i}` } })));
    const statuses = results.map((x) => x.statusCode).sort();
    assert.equal(statuses.filter((s) => s === 201).length, 10, JSON.stringify(results.map((x) => x.body)));
    assert.ok(results.filter((x) => x.statusCode !== 201).every((x) => x.statusCode === 409 && ['POINTS_LIMIT_REACHED', 'CONFLICT'].includes(body(x).error.code)));
    assert.equal(await balanceOf(t, r.id, w.a.community.id), 100);
    await assertLedgerHolds(t);
  });

  test('a reversal undoes a transfer once, with reason and operator, never overdrawing', async () => {
    const r = w.residents[1]!;
    const award = await ok(t, 'POST', '/api/v1/points/awards', w.officeA, { community: w.a.community.code, residentId: r.id, points: 6, reason: '误发测试' });
    const url = `/api/v1/points/transfers/${award.id}/reversal`;
    assert.equal((await t.app.inject({ method: 'POST', url, headers: w.officeA, payload: { reason: '' } })).statusCode, 400);
    assert.equal((await t.app.inject({ method: 'POST', url, headers: w.officeB, payload: { reason: '越权' } })).statusCode, 404, 'another community office cannot see it');
    assert.equal((await t.app.inject({ method: 'POST', url, headers: w.gridWorkerA, payload: { reason: '越权' } })).statusCode, 403);
    const before = await balanceOf(t, r.id, w.a.community.id);
    const reversal = await ok(t, 'POST', url, w.officeA, { reason: '发错了人' });
    assert.equal(reversal.kind, 'reversal');
    assert.equal(reversal.reversesId, award.id);
    assert.equal(reversal.reason, '发错了人');
    assert.ok(reversal.operatorName);
    assert.equal(await balanceOf(t, r.id, w.a.community.id), before - 6);
    const again = await t.app.inject({ method: 'POST', url, headers: w.officeA, payload: { reason: '再冲一次' } });
    assert.equal(again.statusCode, 409);
    assert.equal(body(again).error.code, 'POINTS_ALREADY_REVERSED');
    const ofReversal = await t.app.inject({ method: 'POST', url: `/api/v1/points/transfers/${reversal.id}/reversal`, headers: w.officeA, payload: { reason: '撤销冲正' } });
    assert.equal(body(ofReversal).error.code, 'POINTS_NOT_REVERSIBLE');
    // Both transfers stay in the ledger: nothing is ever deleted.
    const listed = await ok(t, 'GET', `/api/v1/points/transfers?resident=${r.id}&pageSize=200`, w.officeA);
    assert.ok(listed.items.some((x: any) => x.id === award.id && x.reversedBy === reversal.id && x.abilities.length === 0));

    // Points already spent cannot be taken back.
    const spender = w.residents[0]!;
    const gift = await ok(t, 'POST', '/api/v1/points/awards', w.officeA, { community: w.a.community.code, residentId: spender.id, points: 5, reason: '测试' });
    const spendAll = await balanceOf(t, spender.id, w.a.community.id);
    const reward = await ok(t, 'POST', `/api/v1/merchants/${w.merchants.clinic.id}/rewards`, w.merchants.clinic.headers, { name: '全部积分兑换', price: spendAll });
    const code = await ok(t, 'POST', '/api/v1/points/me/codes', spender.headers, { rewardId: reward.id });
    await ok(t, 'POST', `/api/v1/merchants/${w.merchants.clinic.id}/redemptions`, w.merchants.clinic.headers, { code: code.code });
    const snapshot = await pointsSnapshot(t);
    const overdraw = await t.app.inject({ method: 'POST', url: `/api/v1/points/transfers/${gift.id}/reversal`, headers: w.officeA, payload: { reason: '收回' } });
    assert.equal(overdraw.statusCode, 409);
    assert.equal(body(overdraw).error.code, 'POINTS_REVERSAL_OVERDRAWS');
    assert.equal(await pointsSnapshot(t), snapshot);
    await ok(t, 'PATCH', `/api/v1/merchants/${w.merchants.clinic.id}/rewards/${reward.id}`, w.merchants.clinic.headers, { active: false }, 200);
    await assertLedgerHolds(t);
  });

  test('earned points expire first in, first out after the configured months', async () => {
    const s = (iso: string) => setClock(() => new Date(iso));
    try {
      await ok(t, 'PUT', '/api/v1/points/settings', w.officeB, { community: w.b.community.code, expiryMonths: 6 });
      const shop = w.merchants.farShop;
      await ok(t, 'PATCH', `/api/v1/merchants/${shop.id}`, w.officeB, { agreement: WIDE_AGREEMENT });
      const reward = await ok(t, 'POST', `/api/v1/merchants/${shop.id}/rewards`, shop.headers, { name: '体检', price: 4 });
      const who = w.residentB;
      s('2025-01-10T02:00:00Z');
      await earn({ residentId: who.id, rule: 'service_hour', sourceKind: 'service_order', sourceId: 'x-1', quantity: 5 }); // 10 points
      s('2025-03-10T02:00:00Z');
      await earn({ residentId: who.id, rule: 'service_hour', sourceKind: 'service_order', sourceId: 'x-2', quantity: 3 }); // 6 points
      s('2025-04-10T02:00:00Z');
      const code = await ok(t, 'POST', '/api/v1/points/me/codes', who.headers, { rewardId: reward.id });
      await ok(t, 'POST', `/api/v1/merchants/${shop.id}/redemptions`, shop.headers, { code: code.code }); // 4 spent, from the January points
      assert.equal(await balanceOf(t, who.id, w.b.community.id), 12);

      s('2025-07-05T02:00:00Z');
      assert.deepEqual(await expirePoints(t.db), { accounts: 0, points: 0 }, 'nothing is six months old yet');
      s('2025-07-20T02:00:00Z');
      assert.deepEqual(await expirePoints(t.db), { accounts: 1, points: 6 }, 'January: 10 earned, 4 spent, 6 expire');
      assert.equal(await balanceOf(t, who.id, w.b.community.id), 6);
      assert.deepEqual(await expirePoints(t.db), { accounts: 0, points: 0 }, 'a second pass finds nothing more');
      s('2025-09-15T02:00:00Z');
      assert.deepEqual(await expirePoints(t.db), { accounts: 1, points: 6 }, 'March: the remaining 6 expire');
      assert.equal(await balanceOf(t, who.id, w.b.community.id), 0);
      const expiry = await t.db.selectFrom('point_accounts').selectAll().where('kind', '=', 'expiry').where('community_id', '=', w.b.community.id).executeTakeFirstOrThrow();
      assert.equal(expiry.balance, 12);
      const earnedHours = await t.db.selectFrom('point_transfers').select('quantity').where('kind', '=', 'earn').where('resident_id', '=', who.id).execute();
      assert.deepEqual(earnedHours.map((h) => Number(h.quantity)).sort(), [3, 5], 'service hours stay on record');
      const figures = await pointsFigures(t.db, w.b.community.path, { from: '2025-01-01', to: '2025-12-31' });
      assert.equal(figures.expired, 12);
      assert.equal(figures.redeemed, 4);
      assert.equal(figures.outstanding, 0);
    } finally {
      setClock();
    }
    await assertLedgerHolds(t);
  });

  test('the ledger lists, exports to Excel and gives figures inside the caller\'s reach only', async () => {
    const listed = await ok(t, 'GET', `/api/v1/points/transfers?node=${w.a.community.code}&kind=earn&pageSize=200`, w.officeA);
    assert.ok(listed.total > 0);
    assert.ok(listed.items.every((x: any) => x.kind === 'earn' && x.communityId === w.a.community.id));
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/points/transfers?node=${w.b.community.code}`, headers: w.officeA })).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/points/transfers', headers: w.residents[0]!.headers })).statusCode, 403);

    const file = await t.app.inject({ method: 'GET', url: `/api/v1/points/transfers.xlsx?node=${w.a.community.code}`, headers: w.officeA });
    assert.equal(file.statusCode, 200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as any);
    const sheet = book.getWorksheet('积分台账')!;
    const all = await t.db.selectFrom('point_transfers').select('id').where('community_id', '=', w.a.community.id).execute();
    assert.equal(sheet.rowCount, all.length + 1);
    assert.equal(sheet.getRow(1).getCell(1).value, '时间');

    const today = new Date().toISOString().slice(0, 10);
    const figures = await ok(t, 'GET', `/api/v1/points/figures?node=${w.a.community.code}&period=year&date=${today.slice(0, 4)}`, w.officeA);
    const sum = async (kind: 'earn' | 'redeem') => Number((await t.db.selectFrom('point_transfers').select((eb) => eb.fn.sum<number>('amount').as('n')).where('community_id', '=', w.a.community.id).where('kind', '=', kind).executeTakeFirst())?.n ?? 0);
    const persons = await t.db.selectFrom('point_accounts').select('balance').where('kind', '=', 'person').where('community_id', '=', w.a.community.id).execute();
    assert.equal(figures.outstanding, persons.reduce((n, p) => n + p.balance, 0), 'outstanding is what residents hold');
    assert.equal(figures.issued, (await sum('earn')) - 6, 'issued less the reversed award');
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/points/figures?node=${w.b.community.code}`, headers: w.officeA })).statusCode, 404);
    await assertLedgerHolds(t);
  });
});
