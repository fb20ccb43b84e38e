import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { body, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { setClock } from '../../platform/clock.ts';
import { type PointsWorld, assertLedgerHolds, balanceOf, buildPointsWorld, ok, pointsSnapshot } from './points.test-world.ts';

describe('merchants, rewards, one-time codes and settlement', () => {
  let t: TestApp;
  let w: PointsWorld;
  let checkup: { id: string };
  let cleaning: { id: string };
  const redeem = (merchant: { id: string; headers: Record<string, string> }, code: string) =>
    t.app.inject({ method: 'POST', url: `/api/v1/merchants/${merchant.id}/redemptions`, headers: merchant.headers, payload: { code } });
  const award = (residentId: string, points: number) =>
    ok(t, 'POST', '/api/v1/points/awards', w.officeA, { community: w.a.community.code, residentId, points, reason: '志愿服务' });
  const code = (resident: { headers: Record<string, string> }, rewardId: string) => ok(t, 'POST', '/api/v1/points/me/codes', resident.headers, { rewardId });
  const codeOf = async (res: Awaited<ReturnType<typeof redeem>>) => body(res).error?.code;

  before(async () => {
    t = await startTestApp();
    w = await buildPointsWorld(t, 3);
    // 003: "抵扣20积分，便可免费享受1200元的体检套餐，抵扣5积分就能免费享受一次专业洗牙".
    checkup = await ok(t, 'POST', `/api/v1/merchants/${w.merchants.clinic.id}/rewards`, w.merchants.clinic.headers, { name: '健康体检套餐（价值1200元）', price: 20, stock: 2 });
    cleaning = await ok(t, 'POST', `/api/v1/merchants/${w.merchants.clinic.id}/rewards`, w.officeA, { name: '专业洗牙一次', price: 5 });
  });
  after(async () => {
    setClock();
    await t.close();
  });

  test('a merchant without a valid agreement can neither list rewards nor redeem, and nothing is written', async () => {
    const lapsed = w.merchants.lapsed;
    const before = await pointsSnapshot(t);
    const listing = await t.app.inject({ method: 'POST', url: `/api/v1/merchants/${lapsed.id}/rewards`, headers: lapsed.headers, payload: { name: '甜茶一壶', price: 2 } });
    assert.equal(listing.statusCode, 409);
    assert.equal(body(listing).error.code, 'MERCHANT_NO_AGREEMENT');
    assert.match(body(listing).error.message, /有效的积分兑换协议/);
    const scan = await redeem(lapsed, '12345678');
    assert.equal(scan.statusCode, 409);
    assert.equal(await codeOf(scan), 'MERCHANT_NO_AGREEMENT');
    const fractional = await t.app.inject({ method: 'POST', url: `/api/v1/merchants/${w.merchants.clinic.id}/rewards`, headers: w.merchants.clinic.headers, payload: { name: '半价', price: 2.5 } });
    assert.equal(fractional.statusCode, 400);
    assert.equal(await pointsSnapshot(t), before);
    // Renewing the agreement lets it work again; the rewards list then shows it.
    await ok(t, 'PATCH', `/api/v1/merchants/${lapsed.id}`, w.officeA, { agreement: { signedOn: '2024-06-01', validUntil: '2030-05-31', terms: '续签' } }, 200);
    const tea = await ok(t, 'POST', `/api/v1/merchants/${lapsed.id}/rewards`, lapsed.headers, { name: '甜茶一壶', price: 2 });
    const offered = await ok(t, 'GET', `/api/v1/points/rewards?community=${w.a.community.code}`, {});
    assert.deepEqual(offered.items.map((r: any) => r.price), [2, 5, 20]);
    assert.ok(offered.items.some((r: any) => r.id === tea.id && r.merchant.name === '吉祥甜茶馆'));
    const own = await ok(t, 'GET', '/api/v1/points/rewards', w.residents[0]!.headers);
    assert.equal(own.communityId, w.a.community.id);
    await ok(t, 'PATCH', `/api/v1/merchants/${lapsed.id}`, w.officeA, { agreement: null }, 200);
    const after = await ok(t, 'GET', `/api/v1/points/rewards?community=${w.a.community.code}`, {});
    assert.ok(!after.items.some((r: any) => r.id === tea.id), 'a merchant whose agreement ended is off the list');
  });

  test('a resident gets a code, the merchant redeems it once, and every bad code gets its own clear answer', async () => {
    const [r1, r2] = w.residents;
    const low = await t.app.inject({ method: 'POST', url: '/api/v1/points/me/codes', headers: r1!.headers, payload: { rewardId: cleaning.id } });
    assert.equal(low.statusCode, 409, 'no points yet');
    assert.equal(body(low).error.code, 'POINTS_INSUFFICIENT_BALANCE');
    const elsewhere = await t.app.inject({ method: 'POST', url: '/api/v1/points/me/codes', headers: w.residentB.headers, payload: { rewardId: cleaning.id } });
    assert.equal(body(elsewhere).error.code, 'REWARD_OTHER_COMMUNITY');
    await award(r1!.id, 12);
    const poor = await t.app.inject({ method: 'POST', url: '/api/v1/points/me/codes', headers: r1!.headers, payload: { rewardId: checkup.id } });
    assert.equal(body(poor).error.code, 'POINTS_INSUFFICIENT_BALANCE');

    const c = await code(r1!, cleaning.id);
    assert.match(c.code, /^\d{8}$/);
    assert.equal(c.qrPayload, `LXPT:${c.code}`);
    assert.equal(c.state, 'issued');
    assert.equal(Date.parse(c.expiresAt) - Date.now() > 9 * 60_000, true, 'lives about ten minutes');

    const before = await pointsSnapshot(t);
    const foreign = await redeem(w.merchants.farShop, c.code);
    assert.equal(foreign.statusCode, 403);
    assert.equal(await codeOf(foreign), 'REDEMPTION_CODE_OTHER_MERCHANT');
    const unknown = await redeem(w.merchants.clinic, c.code === '00000000' ? '00000001' : '00000000');
    assert.equal(unknown.statusCode, 404);
    assert.equal(await codeOf(unknown), 'REDEMPTION_CODE_NOT_FOUND');
    // Only the merchant's own sign-in redeems; its office may look, not scan.
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/merchants/${w.merchants.clinic.id}/redemptions`, headers: w.officeA, payload: { code: c.code } })).statusCode, 403);
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/merchants/${w.merchants.clinic.id}/redemptions`, headers: r1!.headers, payload: { code: c.code } })).statusCode, 404);
    // Someone else's code cannot be cancelled (it does not exist for them).
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/points/me/codes/${c.id}/cancel`, headers: r2!.headers })).statusCode, 404);
    assert.equal(await pointsSnapshot(t), before, 'refused scans wrote nothing');

    const done = await redeem(w.merchants.clinic, `LXPT:${c.code}`);
    assert.equal(done.statusCode, 201, done.body);
    assert.equal(body(done).points, 5);
    assert.equal(body(done).residentName, '居**', 'the merchant sees the name masked');
    assert.equal(await balanceOf(t, r1!.id, w.a.community.id), 7);
    const again = await redeem(w.merchants.clinic, c.code);
    assert.equal(again.statusCode, 409);
    assert.equal(await codeOf(again), 'REDEMPTION_CODE_USED');
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/points/me/codes/${c.id}/cancel`, headers: r1!.headers })).statusCode, 409);

    const cancelled = await code(r1!, cleaning.id);
    assert.equal((await ok(t, 'POST', `/api/v1/points/me/codes/${cancelled.id}/cancel`, r1!.headers, undefined, 200)).state, 'cancelled');
    assert.equal(await codeOf(await redeem(w.merchants.clinic, cancelled.code)), 'REDEMPTION_CODE_CANCELLED');

    const stale = await code(r1!, cleaning.id);
    setClock(() => new Date(Date.now() + 11 * 60_000));
    try {
      const expired = await redeem(w.merchants.clinic, stale.code);
      assert.equal(expired.statusCode, 409);
      assert.equal(await codeOf(expired), 'REDEMPTION_CODE_EXPIRED');
      const mine = await ok(t, 'GET', '/api/v1/points/me/codes', r1!.headers);
      assert.deepEqual(mine.items.map((x: any) => x.state), ['expired', 'cancelled', 'redeemed']);
    } finally {
      setClock();
    }
    assert.equal(await balanceOf(t, r1!.id, w.a.community.id), 7, 'only the redeemed code cost points');
    await assertLedgerHolds(t);
  });

  test('two scans of one code race: exactly one is honoured', async () => {
    const r = w.residents[1]!;
    await award(r.id, 5);
    const c = await code(r, cleaning.id);
    const results = await Promise.all(Array.from({ length: 8 }, () => redeem(w.merchants.clinic, c.code)));
    assert.equal(results.filter((x) => x.statusCode === 201).length, 1, JSON.stringify(results.map((x) => x.body)));
    for (const x of results.filter((y) => y.statusCode !== 201)) assert.ok(x.statusCode === 409 && ['REDEMPTION_CODE_USED', 'CONFLICT'].includes(body(x).error.code), x.body);
    assert.equal(await balanceOf(t, r.id, w.a.community.id), 0);
    const transfers = await t.db.selectFrom('point_transfers').select('id').where('kind', '=', 'redeem').where('source_id', '=', c.id).execute();
    assert.equal(transfers.length, 1);
    await assertLedgerHolds(t);
  });

  test('many racing spends of one balance never overdraw it, and stock never goes below zero', async () => {
    const r = w.residents[2]!;
    await award(r.id, 50);
    // The balance covers each code when it is made; the points move only at redemption.
    const codes = [];
    for (let i = 0; i < 16; i++) codes.push(await code(r, cleaning.id));
    const results = await Promise.all(codes.map((c) => redeem(w.merchants.clinic, c.code)));
    assert.equal(results.filter((x) => x.statusCode === 201).length, 10, JSON.stringify(results.map((x) => x.statusCode)));
    for (const x of results.filter((y) => y.statusCode !== 201)) assert.equal(await codeOf(x), 'POINTS_INSUFFICIENT_BALANCE');
    assert.equal(await balanceOf(t, r.id, w.a.community.id), 0);
    const unused = await t.db.selectFrom('redemption_codes').select('state').where('resident_id', '=', r.id).where('state', '=', 'issued').execute();
    assert.equal(unused.length, 6, 'a refused redemption leaves its code unused');

    // Stock 2, three racing redemptions by residents who can each afford it.
    const buyers = [w.residents[0]!, w.residents[1]!, w.residents[2]!];
    for (const b of buyers) await award(b.id, 20);
    const checkups = [];
    for (const b of buyers) checkups.push(await code(b, checkup.id));
    const raced = await Promise.all(checkups.map((c) => redeem(w.merchants.clinic, c.code)));
    assert.equal(raced.filter((x) => x.statusCode === 201).length, 2);
    assert.equal(await codeOf(raced.find((x) => x.statusCode !== 201)!), 'REWARD_OUT_OF_STOCK');
    const stock = await t.db.selectFrom('rewards').select('stock').where('id', '=', checkup.id).executeTakeFirstOrThrow();
    assert.equal(stock.stock, 0);
    await assertLedgerHolds(t);
  });

  test('a merchant sees today\'s redemptions and its month; the community settles a month once', async () => {
    const clinic = w.merchants.clinic;
    const today = await ok(t, 'GET', `/api/v1/merchants/${clinic.id}/redemptions`, clinic.headers);
    const todays = await t.db.selectFrom('redemption_codes').select('points').where('merchant_id', '=', clinic.id).where('state', '=', 'redeemed').execute();
    assert.equal(today.count, todays.length);
    assert.equal(today.points, todays.reduce((n, x) => n + x.points, 0));
    assert.ok(today.items.every((x: any) => /^\*{4}\d{4}$/.test(x.code) && x.residentName.endsWith('*')));
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/merchants/${w.merchants.farShop.id}/redemptions`, headers: clinic.headers })).statusCode, 404, 'another merchant\'s records do not exist for it');
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/merchants/${clinic.id}`, headers: w.officeB })).statusCode, 404);

    // Redemptions in March 2025, settled in April.
    const r = w.residents[0]!;
    setClock(() => new Date('2025-03-12T03:00:00Z'));
    try {
      await award(r.id, 10);
      for (let i = 0; i < 2; i++) {
        const c = await code(r, cleaning.id);
        assert.equal((await redeem(clinic, c.code)).statusCode, 201);
      }
      const open = await t.app.inject({ method: 'POST', url: `/api/v1/merchants/${clinic.id}/settlements`, headers: w.officeA, payload: { month: '2025-03' } });
      assert.equal(await codeOf(open), 'SETTLEMENT_MONTH_OPEN');
    } finally {
      setClock();
    }
    const statement = await ok(t, 'GET', `/api/v1/merchants/${clinic.id}/statement?month=2025-03`, clinic.headers);
    assert.deepEqual([statement.count, statement.points, statement.settlement], [2, 10, null]);
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/merchants/${clinic.id}/settlements`, headers: clinic.headers, payload: { month: '2025-03' } })).statusCode, 403, 'a merchant does not settle itself');
    assert.equal(await codeOf(await t.app.inject({ method: 'POST', url: `/api/v1/merchants/${clinic.id}/settlements`, headers: w.officeA, payload: { month: '2025-02' } })), 'SETTLEMENT_NOTHING');

    const merchantBefore = (await t.db.selectFrom('point_accounts').select('balance').where('kind', '=', 'merchant').where('owner_id', '=', clinic.id).executeTakeFirstOrThrow()).balance;
    const raced = await Promise.all(Array.from({ length: 4 }, () => t.app.inject({ method: 'POST', url: `/api/v1/merchants/${clinic.id}/settlements`, headers: w.officeA, payload: { month: '2025-03' } })));
    assert.equal(raced.filter((x) => x.statusCode === 201).length, 1, JSON.stringify(raced.map((x) => x.body)));
    for (const x of raced.filter((y) => y.statusCode !== 201)) assert.ok(['SETTLEMENT_EXISTS', 'CONFLICT'].includes(body(x).error.code), x.body);
    const settled = body(raced.find((x) => x.statusCode === 201)!);
    assert.equal(settled.settlement.points, 10);
    const merchantAfter = (await t.db.selectFrom('point_accounts').select('balance').where('kind', '=', 'merchant').where('owner_id', '=', clinic.id).executeTakeFirstOrThrow()).balance;
    assert.equal(merchantAfter, merchantBefore - 10);
    const settleTransfer = await t.db.selectFrom('point_transfers').selectAll().where('id', '=', settled.settlement.transferId).executeTakeFirstOrThrow();
    assert.equal(settleTransfer.kind, 'settle');
    assert.equal(await codeOf(await t.app.inject({ method: 'POST', url: `/api/v1/merchants/${clinic.id}/settlements`, headers: w.officeA, payload: { month: '2025-03' } })), 'SETTLEMENT_EXISTS');

    const file = await t.app.inject({ method: 'GET', url: `/api/v1/merchants/${clinic.id}/statement.xlsx?month=2025-03`, headers: clinic.headers });
    assert.equal(file.statusCode, 200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as any);
    const sheet = book.worksheets[0]!;
    assert.equal(sheet.getRow(2).getCell(3).value, '专业洗牙一次');
    assert.equal(sheet.getRow(5).getCell(5).value, 10, 'the total row');
    await assertLedgerHolds(t);
  });

  test('merchants are managed by their community office only', async () => {
    const list = await ok(t, 'GET', '/api/v1/merchants', w.officeA);
    assert.deepEqual(list.items.map((m: any) => m.name).sort(), ['吉祥甜茶馆', '康乐体检中心'].sort());
    const own = await ok(t, 'GET', '/api/v1/merchants', w.merchants.clinic.headers);
    assert.deepEqual(own.items.map((m: any) => m.id), [w.merchants.clinic.id]);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/merchants', headers: w.residents[0]!.headers })).statusCode, 403);
    assert.equal((await t.app.inject({ method: 'PATCH', url: `/api/v1/merchants/${w.merchants.farShop.id}`, headers: w.officeA, payload: { name: '改名' } })).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'PATCH', url: `/api/v1/merchants/${w.merchants.clinic.id}`, headers: w.merchants.clinic.headers, payload: { name: '改名' } })).statusCode, 403);
    const bad = await t.app.inject({ method: 'PATCH', url: `/api/v1/merchants/${w.merchants.clinic.id}`, headers: w.officeA, payload: { agreement: { signedOn: '2026-01-01', validUntil: '2025-01-01' } } });
    assert.equal(body(bad).error.code, 'MERCHANT_AGREEMENT_DATES_INVALID');
    const dup = await t.app.inject({ method: 'POST', url: '/api/v1/merchants', headers: w.officeA, payload: { community: w.a.community.code, name: '康乐体检中心', address: '地址', contactName: '人', contactPhone: '13800001111' } });
    assert.equal(body(dup).error.code, 'MERCHANT_EXISTS');
  });

  test('reversing a redemption gives the points back and puts the reward back on the shelf, once', async () => {
    const r = w.residents[1]!;
    const last = await ok(t, 'POST', `/api/v1/merchants/${w.merchants.clinic.id}/rewards`, w.officeA, { name: '口腔复查一次', price: 3, stock: 1 });
    const untracked = await ok(t, 'POST', `/api/v1/merchants/${w.merchants.clinic.id}/rewards`, w.officeA, { name: '口腔咨询一次', price: 1 });
    await award(r.id, 4);
    const before = await balanceOf(t, r.id, w.a.community.id);
    const stockOf = async (id: string) => (await t.db.selectFrom('rewards').select('stock').where('id', '=', id).executeTakeFirstOrThrow()).stock;
    const done = body(await redeem(w.merchants.clinic, (await code(r, last.id)).code));
    assert.equal(await stockOf(last.id), 0);
    await ok(t, 'POST', `/api/v1/points/transfers/${done.transferId}/reversal`, w.officeA, { reason: '未到店' });
    assert.equal(await stockOf(last.id), 1, 'the reward is back in stock');
    assert.equal(await balanceOf(t, r.id, w.a.community.id), before);
    const twice = await t.app.inject({ method: 'POST', url: `/api/v1/points/transfers/${done.transferId}/reversal`, headers: w.officeA, payload: { reason: '再冲' } });
    assert.equal(body(twice).error.code, 'POINTS_ALREADY_REVERSED');
    assert.equal(await stockOf(last.id), 1, 'a refused second reversal adds nothing');
    const free = body(await redeem(w.merchants.clinic, (await code(r, untracked.id)).code));
    await ok(t, 'POST', `/api/v1/points/transfers/${free.transferId}/reversal`, w.officeA, { reason: '未到店' });
    assert.equal(await stockOf(untracked.id), null, 'an uncounted reward stays uncounted');
    await assertLedgerHolds(t);
  });

  test('an agreement renewed ahead of its end continues it: the merchant never lapses in between', async () => {
    const clinic = w.merchants.clinic;
    // Local days in Asia/Shanghai (UTC+8 all year).
    const day = (offset: number) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
    const url = `/api/v1/merchants/${clinic.id}`;
    await ok(t, 'PATCH', url, w.officeA, { agreement: { signedOn: day(-300), validUntil: day(10), terms: '第一期' } });
    const renewed = await ok(t, 'PATCH', url, w.officeA, { agreement: { signedOn: day(11), validUntil: day(376), terms: '续签第二期' } });
    assert.deepEqual(renewed.agreement, { signedOn: day(-300), validUntil: day(376), terms: '续签第二期', valid: true }, 'the renewal continues the current agreement');
    const offered = await ok(t, 'GET', `/api/v1/points/rewards?community=${w.a.community.code}`, {});
    assert.ok(offered.items.some((r: any) => r.merchant.id === clinic.id), 'its rewards stay on offer');
    // After a gap it is a new agreement, recorded as given: not valid until it starts.
    const gap = await ok(t, 'PATCH', url, w.officeA, { agreement: { signedOn: day(400), validUntil: day(700) } });
    assert.deepEqual([gap.agreement.signedOn, gap.agreement.valid], [day(400), false]);
    // A correction starting today or earlier is recorded as given.
    const fixed = await ok(t, 'PATCH', url, w.officeA, { agreement: { signedOn: day(-5), validUntil: day(360) } });
    assert.deepEqual([fixed.agreement.signedOn, fixed.agreement.valid], [day(-5), true]);
  });
});
