/**
 * The demo's points (积分) and merchants (商户), after seed 003 (幸福社区 双报到双积分: 25 merchants, "抵扣20积分,
 * 便可免费享受1200元的体检套餐，抵扣5积分就能免费享受一次专业洗牙"): rules and settings, merchants with their
 * agreements and rewards, two months of residents earning points for services and activities, redemptions
 * at the dental clinic (the demo `merchant` account's) and last month settled. Written through the points
 * services, with the clock moved to the day each thing happened; all of it also in 加措社区 (another
 * street) so scope checks have a far side.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/tables.ts';
import type { Actor } from '../modules/auth/permissions.ts';
import { accountActor } from '../modules/auth/auth.service.ts';
import { earnPoints } from '../modules/points/earning.service.ts';
import { createReward, registerMerchant } from '../modules/points/merchants.service.ts';
import * as merchantsRepo from '../modules/points/merchants.repository.ts';
import { redeemCode, requestCode } from '../modules/points/redemption.service.ts';
import { setRule, setSettings } from '../modules/points/rules.service.ts';
import { settleMonth } from '../modules/points/settlement.service.ts';
import { addDays, localDate, localDateTimeToInstant } from '../platform/calendar/working-days.ts';
import { now, nowIso, setClock } from '../platform/clock.ts';

type Db = Kysely<DB>;

interface DemoReward {
  name: string;
  price: number;
  description: string;
  stock?: number;
}

interface DemoMerchant {
  name: string;
  address: string;
  contactName: string;
  contactPhone: string;
  location: { lng: number; lat: number };
  /** Days since it was signed and days it has left; a negative `leftDays` means it has lapsed. */
  agreement: { signedDaysAgo: number; leftDays: number; terms: string };
  rewards: DemoReward[];
}

const CSK_MERCHANTS: DemoMerchant[] = [
  {
    name: '康乐健康体检中心', address: '城关区北京东路 27 号', contactName: '李医生', contactPhone: '0891-6335120', location: { lng: 91.1352, lat: 29.6571 },
    agreement: { signedDaysAgo: 380, leftDays: 365, terms: '在职党员及志愿者凭积分兑换体检套餐，每人每年限一次。' },
    rewards: [{ name: '健康体检套餐（价值1200元）', price: 20, description: '血常规、肝肾功能、心电图、B超等 18 项，需提前一天预约。', stock: 30 }],
  },
  {
    name: '雪域口腔诊所', address: '城关区冲赛康巷 8 号', contactName: '次仁卓玛', contactPhone: '13908902345', location: { lng: 91.1341, lat: 29.6562 },
    agreement: { signedDaysAgo: 380, leftDays: 300, terms: '积分兑换专业洗牙，周一至周六营业时间内凭兑换码到店。' },
    rewards: [
      { name: '专业洗牙一次', price: 5, description: '超声波洁牙加抛光，约 40 分钟。' },
      { name: '口腔检查', price: 2, description: '全口检查并建立口腔档案。' },
    ],
  },
  {
    name: '扎西理发店', address: '城关区冲赛康巷 21 号', contactName: '扎西', contactPhone: '13989001234', location: { lng: 91.1329, lat: 29.6568 },
    agreement: { signedDaysAgo: 160, leftDays: 200, terms: '积分兑换理发服务，高龄老人可预约上门。' },
    rewards: [{ name: '理发一次', price: 3, description: '洗剪吹；80 岁以上老人可上门。' }],
  },
  {
    name: '冲赛康便民超市', address: '城关区冲赛康商场一楼', contactName: '王建华', contactPhone: '13618905678', location: { lng: 91.1347, lat: 29.6557 },
    agreement: { signedDaysAgo: 380, leftDays: 180, terms: '积分兑换米面粮油等生活用品，每月结算。' },
    rewards: [
      { name: '大米 5 公斤', price: 8, description: '东北长粒香米。', stock: 50 },
      { name: '菜籽油 5 升', price: 10, description: '压榨一级菜籽油。', stock: 40 },
      { name: '酥油茶砖一块', price: 4, description: '本地茶砖。', stock: 60 },
    ],
  },
  {
    // A lapsed agreement: the shop is still on the list, but it may neither offer rewards nor redeem.
    name: '吉祥甜茶馆', address: '城关区八廓北街 5 号', contactName: '央金', contactPhone: '13889002211', location: { lng: 91.1338, lat: 29.6575 },
    agreement: { signedDaysAgo: 770, leftDays: -40, terms: '积分兑换甜茶一壶（协议已到期，待续签）。' },
    rewards: [],
  },
];

const JC_MERCHANTS: DemoMerchant[] = [
  {
    name: '加措社区卫生服务站', address: '城关区江苏路 16 号', contactName: '德吉', contactPhone: '0891-6827731', location: { lng: 91.0852, lat: 29.6523 },
    agreement: { signedDaysAgo: 380, leftDays: 250, terms: '积分兑换体检和康复理疗。' },
    rewards: [{ name: '健康体检套餐（价值1200元）', price: 20, description: '每人每年限一次。', stock: 20 }],
  },
];

// What residents did to earn points, after seeds 001-003: 六义社 义剪 义修 义诊, 银龄先锋队, 月月有活动.
const SERVICES = [
  { what: '义剪：为高龄老人上门理发', hours: 2 },
  { what: '义诊：社区健康咨询', hours: 3 },
  { what: '义修：楼道电路检修', hours: 1.5 },
  { what: '政策宣讲：在职党员双报到', hours: 2 },
  { what: '交通疏导：冲赛康路口早高峰', hours: 1 },
];
const ACTIVITIES = ['月月有活动：锅庄舞比赛', '月月有活动：消防安全讲座', '月月有活动：藏汉双语读书会', '月月有活动：垃圾分类宣传'];

/** The instant a local day and time stand for (the demo moves the clock there while it writes). */
function on(day: string, time: string): Date {
  return localDateTimeToInstant(day, time);
}

async function during<T>(instant: Date, fn: () => Promise<T>): Promise<T> {
  setClock(() => instant);
  try {
    return await fn();
  } finally {
    setClock();
  }
}

async function nodeByCode(db: Db, code: string) {
  return db.selectFrom('org_nodes').select(['id', 'path']).where('code', '=', code).executeTakeFirstOrThrow();
}

async function addMerchants(db: Db, office: Actor, community: string, specs: DemoMerchant[], today: string) {
  const ids: Record<string, string> = {};
  for (const m of specs) {
    const view = await registerMerchant(db, office, {
      community, name: m.name, address: m.address, contactName: m.contactName, contactPhone: m.contactPhone, location: m.location,
      agreement: { signedOn: addDays(today, -m.agreement.signedDaysAgo), validUntil: addDays(today, m.agreement.leftDays), terms: m.agreement.terms },
    });
    ids[m.name] = view.id;
    for (const r of m.rewards) await createReward(db, office, view.id, { name: r.name, price: r.price, description: r.description, stock: r.stock ?? null });
  }
  return ids;
}

async function setUpCommunity(db: Db, office: Actor, community: string) {
  await setSettings(db, office, { community, expiryMonths: 24, codeMinutes: 10 });
  await setRule(db, office, 'service_hour', { community, pointsPerUnit: 2, period: 'month', periodLimit: 40, overLimit: 'cap' }, 'zh-CN');
  await setRule(db, office, 'activity_attendance', { community, pointsPerUnit: 1, period: 'month', periodLimit: 10, overLimit: 'cap' }, 'zh-CN');
  await setRule(db, office, 'manual', { community, pointsPerUnit: 1, period: 'year', periodLimit: 50, overLimit: 'refuse' }, 'zh-CN');
}

/** Residents of a community earn points on a few days of each of the last two months and this one. */
async function earnings(db: Db, communityId: string, operatorId: string, residents: string[], days: string[]) {
  let n = 0;
  for (const [i, residentId] of residents.entries()) {
    for (const [d, day] of days.entries()) {
      const service = SERVICES[(i + d) % SERVICES.length]!;
      await during(on(day, `${String(9 + (i % 8)).padStart(2, '0')}:30`), () =>
        earnPoints(db, { residentId, communityId, rule: 'service_hour', sourceKind: 'demo_service', sourceId: `${day}:${service.what}`, quantity: service.hours, operatorAccountId: operatorId, reason: service.what }));
      const activity = ACTIVITIES[(i + d) % ACTIVITIES.length]!;
      await during(on(day, '19:00'), () =>
        earnPoints(db, { residentId, communityId, rule: 'activity_attendance', sourceKind: 'demo_activity', sourceId: `${day}:${activity}`, operatorAccountId: operatorId, reason: activity }));
      n += 2;
    }
  }
  return n;
}

function residentActor(residentId: string): Actor {
  return { kind: 'account', accountId: `demo-resident-${residentId}`, username: '', displayName: '', grants: [], residentId, householdId: null, staffId: null };
}

/** Redeems a reward for a resident at a merchant on a given local day and time. */
async function redeemAt(db: Db, merchantActor: Actor, merchantId: string, residentId: string, rewardId: string, instant: Date) {
  await during(instant, async () => {
    const code = await requestCode(db, residentActor(residentId), rewardId);
    await redeemCode(db, merchantActor, merchantId, code.code);
  });
}

/** Loads the points demo into the demo's transaction; the org tree, residents and accounts are already there. */
export async function loadPointsDemo(db: Db): Promise<{ merchants: number; transfers: number }> {
  const today = localDate(now());
  const account = async (username: string) => (await db.selectFrom('accounts').select(['id', 'resident_id']).where('username', '=', username).executeTakeFirstOrThrow());
  const office = await accountActor(db, (await account('community')).id);
  const admin = await accountActor(db, (await account('admin')).id);
  const merchantAccount = await account('merchant');

  const csk = await nodeByCode(db, 'CSK');
  const jc = await nodeByCode(db, 'JC');
  await setUpCommunity(db, office, 'CSK');
  await setUpCommunity(db, admin, 'JC');
  const cskMerchants = await addMerchants(db, office, 'CSK', CSK_MERCHANTS, today);
  await addMerchants(db, admin, 'JC', JC_MERCHANTS, today);
  const dental = cskMerchants['雪域口腔诊所']!;
  await merchantsRepo.linkMerchantAccount(db, { account_id: merchantAccount.id, merchant_id: dental, created_at: nowIso() });
  const merchantActor = await accountActor(db, merchantAccount.id);

  const monthStart = (monthsAgo: number) => {
    const d = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() - monthsAgo);
    return d.toISOString().slice(0, 10);
  };
  const earlier = [addDays(monthStart(2), 9), addDays(monthStart(2), 23), addDays(monthStart(1), 4), addDays(monthStart(1), 17)];
  const thisMonth = today.slice(8) > '01' ? [addDays(monthStart(0), 0)] : [];
  const days = [...earlier, ...thisMonth];

  const residentsUnder = async (path: string, limit: number) =>
    (await db.selectFrom('residents').select('id').where('path', '>=', path).where('path', '<', `${path}\uffff`).orderBy('id').limit(limit).execute()).map((r) => r.id);
  const demoResident = (await account('resident')).resident_id!;
  const cskResidents = [demoResident, ...(await residentsUnder(csk.path, 14)).filter((id) => id !== demoResident)].slice(0, 14);
  const jcResidents = await residentsUnder(jc.path, 6);
  let transfers = await earnings(db, csk.id, office.kind === 'account' ? office.accountId : '', cskResidents, days);
  transfers += await earnings(db, jc.id, admin.kind === 'account' ? admin.accountId : '', jcResidents, days);

  // 身边榜样: a staff award with its reason.
  await during(on(earlier[3]!, '16:00'), () => earnPoints(db, { residentId: cskResidents[1]!, communityId: csk.id, rule: 'manual', sourceKind: 'award', sourceId: 'demo-role-model', quantity: 10, operatorAccountId: office.kind === 'account' ? office.accountId : null, reason: '身边榜样：连续三年照顾独居老人' }));

  const rewards = await merchantsRepo.rewardsOfMerchant(db, dental);
  const cleaning = rewards.find((r) => r.price === 5)!;
  const checkup = rewards.find((r) => r.price === 2)!;
  // Last month: the demo resident and two neighbours have their teeth cleaned; the month is settled.
  await redeemAt(db, merchantActor, dental, cskResidents[0]!, cleaning.id, on(addDays(monthStart(1), 20), '10:15'));
  await redeemAt(db, merchantActor, dental, cskResidents[2]!, cleaning.id, on(addDays(monthStart(1), 21), '15:40'));
  await redeemAt(db, merchantActor, dental, cskResidents[3]!, checkup.id, on(addDays(monthStart(1), 22), '11:05'));
  transfers += 3;
  await settleMonth(db, office, dental, monthStart(1).slice(0, 7));
  transfers += 1;
  // This month so far.
  await redeemAt(db, merchantActor, dental, cskResidents[4]!, cleaning.id, on(today, '00:05'));
  transfers += 1;
  return { merchants: CSK_MERCHANTS.length + JC_MERCHANTS.length, transfers };
}
