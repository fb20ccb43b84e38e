/**
 * The little world the points tests share: two communities in two streets, their offices, residents with
 * accounts, earning rules, and merchants with and without an agreement, each with its own sign-in.
 */
import assert from 'node:assert/strict';
import type { TestApp } from '../../../../test/support/app.ts';
import {
  TEST_PASSWORD,
  createCommunity,
  createCommunityWorker,
  createHousehold,
  createResident,
  createResidentAccount,
  createStaffAccount,
  unique,
} from '../../../../test/support/factories.ts';

export type Headers = Record<string, string>;

export interface PointsWorld {
  a: Awaited<ReturnType<typeof createCommunity>>;
  b: Awaited<ReturnType<typeof createCommunity>>;
  admin: Headers;
  officeA: Headers;
  officeB: Headers;
  gridWorkerA: Headers;
  residents: { id: string; headers: Headers }[];
  residentB: { id: string; headers: Headers };
  merchants: Record<'clinic' | 'lapsed' | 'farShop', { id: string; headers: Headers }>;
}

/** Sends a request and insists on the status, so a setup step that fails says why. */
export async function ok(t: TestApp, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, headers: Headers, payload?: object, status = method === 'POST' ? 201 : 200) {
  const res = await t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  assert.equal(res.statusCode, status, `${method} ${url}: ${res.body}`);
  return res.json();
}

async function merchant(t: TestApp, office: Headers, community: string, name: string, agreement: object | null) {
  const m = await ok(t, 'POST', '/api/v1/merchants', office, { community, name, address: `${name}地址`, contactName: '联系人', contactPhone: '13800001111', agreement });
  const username = unique('shop');
  await ok(t, 'POST', `/api/v1/merchants/${m.id}/accounts`, office, { username, password: TEST_PASSWORD });
  return { id: m.id as string, headers: await t.login(username, TEST_PASSWORD) };
}

export const WIDE_AGREEMENT = { signedOn: '2024-01-01', validUntil: '2030-12-31', terms: '积分兑换' };

export async function buildPointsWorld(t: TestApp, residentsInA = 3): Promise<PointsWorld> {
  const a = await createCommunity(t.db, { code: unique('PA'), name: '幸福社区' });
  const b = await createCommunity(t.db, { code: unique('PB'), name: '加措社区' });
  const admin = await createStaffAccount(t.db, { role: 'admin' });
  const officeA = await createCommunityWorker(t.db, a.community);
  const officeB = await createCommunityWorker(t.db, b.community);
  const gridWorkerA = await createStaffAccount(t.db, { role: 'grid_worker', node: a.grids[0]! });
  const residents = [];
  for (let i = 0; i < residentsInA; i++) {
    const household = await createHousehold(t.db, { grid: a.grids[0]! });
    const r = await createResident(t.db, { household, name: `居民${i + 1}` });
    const acc = await createResidentAccount(t.db, r);
    residents.push({ id: r.id, headers: await t.login(acc.username, TEST_PASSWORD) });
  }
  const hb = await createHousehold(t.db, { grid: b.grids[0]! });
  const rb = await createResident(t.db, { household: hb, name: '加措居民' });
  const rbAcc = await createResidentAccount(t.db, rb);
  const world: PointsWorld = {
    a,
    b,
    admin: await t.login(admin.username, TEST_PASSWORD),
    officeA: await t.login(officeA.username, TEST_PASSWORD),
    officeB: await t.login(officeB.username, TEST_PASSWORD),
    gridWorkerA: await t.login(gridWorkerA.username, TEST_PASSWORD),
    residents,
    residentB: { id: rb.id, headers: await t.login(rbAcc.username, TEST_PASSWORD) },
    merchants: {} as PointsWorld['merchants'],
  };
  for (const [c, office] of [[a.community.code, world.officeA], [b.community.code, world.officeB]] as const) {
    await ok(t, 'PUT', '/api/v1/points/rules/service_hour', office, { community: c, pointsPerUnit: 2, period: 'month', periodLimit: 20, overLimit: 'cap' });
    await ok(t, 'PUT', '/api/v1/points/rules/activity_attendance', office, { community: c, pointsPerUnit: 1 });
    await ok(t, 'PUT', '/api/v1/points/rules/manual', office, { community: c, pointsPerUnit: 1, period: 'year', periodLimit: 100, overLimit: 'refuse' });
  }
  world.merchants.clinic = await merchant(t, world.officeA, a.community.code, '康乐体检中心', WIDE_AGREEMENT);
  world.merchants.lapsed = await merchant(t, world.officeA, a.community.code, '吉祥甜茶馆', { signedOn: '2020-01-01', validUntil: '2021-12-31' });
  world.merchants.farShop = await merchant(t, world.officeB, b.community.code, '加措卫生服务站', WIDE_AGREEMENT);
  return world;
}

/**
 * The ledger's invariants, read from the store: all transfers sum to zero (every balance is the sum of its
 * transfers in less its transfers out, and the balances sum to zero), and no account but a pool is below zero.
 */
export async function assertLedgerHolds(t: TestApp): Promise<void> {
  const accounts = await t.db.selectFrom('point_accounts').selectAll().execute();
  const transfers = await t.db.selectFrom('point_transfers').select(['from_account_id', 'to_account_id', 'amount']).execute();
  const expected = new Map<string, number>();
  for (const tr of transfers) {
    assert.ok(Number.isInteger(tr.amount) && tr.amount > 0, 'every transfer moves a positive whole amount');
    expected.set(tr.from_account_id, (expected.get(tr.from_account_id) ?? 0) - tr.amount);
    expected.set(tr.to_account_id, (expected.get(tr.to_account_id) ?? 0) + tr.amount);
  }
  let sum = 0;
  for (const acc of accounts) {
    assert.equal(acc.balance, expected.get(acc.id) ?? 0, `balance of ${acc.kind} account ${acc.id} equals its transfers`);
    if (acc.kind !== 'pool') assert.ok(acc.balance >= 0, `${acc.kind} account ${acc.id} is not below zero`);
    sum += acc.balance;
  }
  assert.equal(sum, 0, 'the balances sum to zero');
}

/** Balance of a resident in a community (0 without an account). */
export async function balanceOf(t: TestApp, residentId: string, communityId: string): Promise<number> {
  const row = await t.db.selectFrom('point_accounts').select('balance').where('kind', '=', 'person').where('owner_id', '=', residentId).where('community_id', '=', communityId).executeTakeFirst();
  return row?.balance ?? 0;
}

/** A cheap picture of everything the points tables hold, to show that a refused request wrote nothing. */
export async function pointsSnapshot(t: TestApp): Promise<string> {
  const parts = [];
  for (const table of ['point_transfers', 'point_accounts', 'point_earning_totals', 'redemption_codes', 'rewards', 'merchant_settlements', 'merchants', 'point_rules'] as const) {
    const rows = await t.db.selectFrom(table).selectAll().execute();
    parts.push(JSON.stringify(rows.map((r) => JSON.stringify(r)).sort()));
  }
  return parts.join('\n');
}
