/**
 * The demo's activities (活动) and role models (身边榜样), after seeds 001-003: 月月有活动 in 冲赛康社区 over a
 * month — a calligraphy class taught by the retired teacher, a Tibetan-Chinese language class, a basketball
 * match, a health talk by the retired doctor talent, a 六义社 义剪 day — the past ones with sign-ups,
 * attendance ticked by the office and points paid through the ledger, the coming ones open with sign-ups
 * (the demo resident among them); two role-model stories. 加措社区 (another street) gets its own, so scope
 * checks have a far side. Written through the services, with the clock moved to when each thing happened.
 */
import type { Kysely } from 'kysely';
import type { ActivityKind, DB } from '../db/tables.ts';
import { accountActor } from '../modules/auth/auth.service.ts';
import type { Actor } from '../modules/auth/permissions.ts';
import { createActivity, finishActivity, publishActivity } from '../modules/activities/activities.service.ts';
import { tickAttendance } from '../modules/activities/check-in.service.ts';
import { createRoleModel, setRoleModelPublished } from '../modules/activities/role-models.service.ts';
import { signUp } from '../modules/activities/sign-ups.service.ts';
import { addDays, localDate, localDateTimeToInstant } from '../platform/calendar/working-days.ts';
import { now, setClock } from '../platform/clock.ts';

type Db = Kysely<DB>;

interface DemoActivity {
  title: string;
  kind: ActivityKind;
  description: string;
  address: string;
  /** Days from today (negative: already held) and local start and end times. */
  day: number;
  from: string;
  to: string;
  capacity: number | null;
  team?: string;
  /** How many residents sign up, and how many of them come (past activities only). */
  signUps: number;
  came?: number;
  demoResidentSignsUp?: boolean;
}

const WHERE = { locale: 'zh-CN' as const, timeZone: 'Asia/Shanghai' };
const CENTRE = '冲赛康社区党群服务中心';

const CSK_ACTIVITIES: DemoActivity[] = [
  { title: '书法班（第一期）', kind: 'class', description: '退休教师授课，从握笔和基本笔画练起，笔墨纸砚由社区提供。', address: `${CENTRE}二楼书画室`, day: -20, from: '15:00', to: '17:00', capacity: 20, signUps: 14, came: 12 },
  { title: '藏汉双语学习班', kind: 'class', description: '藏汉双语日常用语，方便老人办事和邻里交流。', address: `${CENTRE}一楼阅读室`, day: -13, from: '10:00', to: '11:30', capacity: 25, signUps: 18, came: 15 },
  { title: '月月有活动：邻里篮球友谊赛', kind: 'match', description: '冲赛康社区与八廓街道机关联队友谊赛，欢迎居民观赛助威。', address: '城关区全民健身中心运动馆', day: -8, from: '16:00', to: '18:00', capacity: 40, signUps: 22, came: 19 },
  { title: '慢病用药与高原心血管健康讲座', kind: 'talk', description: '退休医生讲解高血压、糖尿病用药，现场免费测血压血糖。', address: `${CENTRE}多功能厅`, day: -4, from: '09:30', to: '11:00', capacity: 50, team: '银龄先锋队', signUps: 26, came: 23 },
  { title: '六义社义剪日', kind: 'service_day', description: '六义社理发师为老人、残疾人免费理发，行动不便的可预约上门。', address: '冲赛康社区广场', day: 3, from: '10:00', to: '16:00', capacity: 30, team: '六义社', signUps: 9, demoResidentSignsUp: true },
  { title: '书法班（第二期）', kind: 'class', description: '第一期学员优先，欢迎新学员。', address: `${CENTRE}二楼书画室`, day: 10, from: '15:00', to: '17:00', capacity: 20, signUps: 6 },
  { title: '锅庄舞排练', kind: 'performance', description: '文艺演出队带领排练，准备社区节日演出。', address: '冲赛康社区广场', day: 12, from: '19:30', to: '21:00', capacity: null, team: '文艺演出队', signUps: 4, demoResidentSignsUp: true },
];

const JC_ACTIVITIES: DemoActivity[] = [
  { title: '加措社区消防安全讲座', kind: 'talk', description: '消防站官兵讲解家庭用火用电安全。', address: '加措社区居委会会议室', day: -6, from: '15:00', to: '16:30', capacity: 30, signUps: 8, came: 6 },
  { title: '加措社区水暖义修日', kind: 'service_day', description: '健康守护队上门检修水管和暖气。', address: '加措社区广场', day: 5, from: '10:00', to: '15:00', capacity: 15, team: '健康守护队', signUps: 3 },
];

async function during<T>(instant: Date, fn: () => Promise<T>): Promise<T> {
  setClock(() => instant);
  try {
    return await fn();
  } finally {
    setClock();
  }
}

async function holdActivities(db: Db, office: Actor, community: { id: string; code: string; path: string }, specs: DemoActivity[], residents: string[], demoResident: string | null, demoActor: Actor | null, today: string) {
  for (const spec of specs) {
    const day = addDays(today, spec.day);
    const start = localDateTimeToInstant(day, spec.from);
    const end = localDateTimeToInstant(day, spec.to);
    const team = spec.team ? await db.selectFrom('teams').select('id').where('community_id', '=', community.id).where('name', '=', spec.team).executeTakeFirstOrThrow() : null;
    // Announced a week ahead (or today, for what is near), signed up for over the following days.
    const announced = new Date(Math.min(start.getTime() - 7 * 86_400_000, now().getTime() - 2 * 86_400_000));
    const activity = await during(announced, async () => {
      const a = await createActivity(db, office, { community: community.code, title: spec.title, kind: spec.kind, description: spec.description, address: spec.address, startsAt: start.toISOString(), endsAt: end.toISOString(), capacity: spec.capacity, team: team?.id ?? null }, WHERE);
      return publishActivity(db, office, a.id, WHERE);
    });
    const people = [...(spec.demoResidentSignsUp && demoResident ? [demoResident] : []), ...residents.filter((r) => r !== demoResident)].slice(0, spec.signUps);
    for (const [i, residentId] of people.entries()) {
      const at = new Date(announced.getTime() + (i + 1) * 3_600_000);
      // The demo resident signs up on their phone; the office signs up the rest from its phone calls (代报名).
      const who = residentId === demoResident && demoActor ? demoActor : office;
      await during(at, () => signUp(db, who, activity.id, residentId, WHERE));
    }
    if (spec.came === undefined) continue;
    for (const [i, residentId] of people.slice(0, spec.came).entries()) {
      await during(new Date(start.getTime() + i * 60_000), () => tickAttendance(db, office, activity.id, residentId, WHERE));
    }
    await during(new Date(end.getTime() + 3_600_000), () => finishActivity(db, office, activity.id, WHERE));
  }
}

/** Loads the activities demo into the demo's transaction, after the volunteers and points demos. */
export async function loadActivitiesDemo(db: Db): Promise<{ activities: number; roleModels: number }> {
  const today = localDate(now());
  const account = async (username: string) => db.selectFrom('accounts').select(['id', 'resident_id']).where('username', '=', username).executeTakeFirstOrThrow();
  const office = await accountActor(db, (await account('community')).id);
  const admin = await accountActor(db, (await account('admin')).id);
  const demoResident = (await account('resident')).resident_id;
  const community = (code: string) => db.selectFrom('org_nodes').select(['id', 'code', 'path']).where('code', '=', code).executeTakeFirstOrThrow();
  const residentsUnder = async (path: string, limit: number) =>
    (await db.selectFrom('residents').select('id').where('path', '>=', path).where('path', '<', `${path}\uffff`).orderBy('id').limit(limit).execute()).map((r) => r.id);

  const csk = await community('CSK');
  const jc = await community('JC');
  const demoActor = await accountActor(db, (await account('resident')).id);
  await holdActivities(db, office, csk, CSK_ACTIVITIES, await residentsUnder(csk.path, 40), demoResident, demoActor, today);
  await holdActivities(db, admin, jc, JC_ACTIVITIES, await residentsUnder(jc.path, 12), null, null, today);

  // 002: "开设'身边榜样'专栏，对涌现出的先进典型'微事迹'进行广泛宣传".
  const doctor = await db.selectFrom('teams').select('leader_talent_id').where('community_id', '=', csk.id).where('name', '=', '银龄先锋队').executeTakeFirstOrThrow();
  const stories = [
    { actor: office, community: 'CSK', title: '退休不褪色：社区里的“健康守门人”', shownName: '退休医生 央金阿佳', story: '退休后，她每周二、周四上午在党群服务中心为居民测血压血糖，带领银龄先锋队走访独居老人，一年义诊三百余人次。居民说：“有她在，心里踏实。”', people: [{ kind: 'talent' as const, id: doctor.leader_talent_id! }] },
    { actor: office, community: 'CSK', title: '连续三年照顾独居老人', shownName: '热心邻居 次仁大哥', story: '三年来，他每天给楼里的独居老人送饭、打扫，老人住院时日夜陪护。社区授予他“身边榜样”称号，并奖励积分 10 分。', people: [] as { kind: 'resident' | 'talent'; id: string }[] },
    { actor: admin, community: 'JC', title: '水暖师傅的义修路', shownName: '水暖师傅 扎西', story: '每逢周末，他背着工具包走进加措社区的老旧小区，义务检修水管暖气，从不收一分钱。', people: [] as { kind: 'resident' | 'talent'; id: string }[] },
  ];
  for (const [i, s] of stories.entries()) {
    const at = localDateTimeToInstant(addDays(today, -15 + i * 5), '10:00');
    await during(at, async () => {
      const story = await createRoleModel(db, s.actor, { community: s.community, title: s.title, shownName: s.shownName, story: s.story, people: s.people }, 'zh-CN');
      await setRoleModelPublished(db, s.actor, story.id, true, 'zh-CN');
    });
  }
  return { activities: CSK_ACTIVITIES.length + JC_ACTIVITIES.length, roleModels: stories.length };
}
