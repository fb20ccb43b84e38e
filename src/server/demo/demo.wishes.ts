/**
 * The demo's micro-wishes (微心愿, seed 002 "助力微心愿"): 慈松塘社区's needs list of 42 wishes collected by
 * its grid workers, a service list of 15 offers from the units of its 大党委, 36 wishes fulfilled with photos,
 * and a few in 冲赛康社区 for the demo accounts (the resident's own among them). Everything goes through the
 * wish services and the case engine with the clock moved back, as the case history does, so timelines and
 * figures are what the platform produces.
 */
import sharp from 'sharp';
import type { AppContext } from '../context.ts';
import type { ServiceOfferKind, ServiceOfferMode } from '../db/tables.ts';
import type { Actor } from '../modules/auth/permissions.ts';
import { inTransaction } from '../modules/cases/cases.routes.ts';
import { verifyCase } from '../modules/cases/handling.service.ts';
import * as unitsRepo from '../modules/volunteers/partner-units.repository.ts';
import { claimWish, fulfilClaim } from '../modules/wishes/claims.service.ts';
import { createOffer } from '../modules/wishes/offers.service.ts';
import { postWish } from '../modules/wishes/wishes.service.ts';
import { WISH_KIND } from '../modules/wishes/wish-kind.ts';
import { now, setClock } from '../platform/clock.ts';
import { newId } from '../platform/ids.ts';
import { PhotoStore, ingestPhoto } from '../platform/photos/index.ts';
import { type GridCast, loadCast } from './demo.history.cast.ts';
import { randomStream } from './demo.random.ts';

const DAY = 86_400_000;

// 002: "医院、学校、理疗康养中心、体育馆等10家社区'大党委'成员单位".
const CST_UNITS = [
  { key: 'school', name: '拉萨市第二中学', contact: '格桑', phone: '0891-6323011', address: '娘热路12号', note: '大党委成员单位：党员教师课业辅导、图书捐赠。' },
  { key: 'rehab', name: '雪域理疗康养中心', contact: '卓嘎', phone: '0891-6330288', address: '娘热中路45号', note: '大党委成员单位：优惠理疗、陪伴老人。' },
  { key: 'stadium', name: '城关区体育馆', contact: '刘洋', phone: '0891-6339007', address: '娘热北路8号', note: '大党委成员单位：开放运动馆，冬季慰问物资。' },
  { key: 'power', name: '国网拉萨供电公司城关服务站', contact: '多吉', phone: '0891-6328800', address: '娘热路66号', note: '共建单位：电路检修、家电维修。' },
];

type OfferSpec = [unit: string, title: string, kind: ServiceOfferKind, wishType: string, mode: ServiceOfferMode, capacity: number];
const CST_OFFERS: OfferSpec[] = [
  ['拉萨市人民医院', '上门义诊', 'service', 'health', 'one_to_many', 6],
  ['拉萨市人民医院', '老花镜验配', 'goods', 'health', 'one_to_many', 3],
  ['拉萨市人民医院', '轮椅捐赠', 'goods', 'goods', 'one_to_one', 1],
  ['拉萨市人民医院', '上门理发（义剪）', 'service', 'haircut', 'one_to_many', 2],
  ['拉萨市第二中学', '党员教师课业辅导', 'service', 'study', 'one_to_many', 4],
  ['拉萨市第二中学', '爱心图书捐赠', 'goods', 'study', 'one_to_many', 3],
  ['拉萨市第二中学', '智能手机使用教学', 'service', 'study', 'many_to_one', 2],
  ['雪域理疗康养中心', '上门理疗', 'service', 'care', 'one_to_many', 3],
  ['雪域理疗康养中心', '陪伴独居老人', 'service', 'care', 'one_to_many', 3],
  ['雪域理疗康养中心', '助浴保洁', 'service', 'care', 'one_to_many', 2],
  ['城关区体育馆', '冬季爱心物资', 'goods', 'goods', 'one_to_many', 6],
  ['城关区体育馆', '米面油慰问', 'goods', 'goods', 'one_to_many', 6],
  ['城关区体育馆', '集体生日会', 'fund', 'other', 'one_to_one', 1],
  ['国网拉萨供电公司城关服务站', '电路检修', 'service', 'repair', 'one_to_many', 4],
  ['国网拉萨供电公司城关服务站', '家电维修', 'service', 'repair', 'one_to_many', 3],
];

// [wish type, what the grid worker wrote down, the words the public needs list shows]
const WISHES: [string, string, string][] = [
  ['goods', '独居老人希望添置一台电暖器，冬天屋里太冷', '老人需要电暖器'],
  ['goods', '低保家庭需要冬季棉被两床', '困难家庭需要冬季棉被'],
  ['goods', '残疾人家庭需要米面油', '残疾人家庭需要米面油'],
  ['goods', '腿脚不便的老人想要一辆轮椅方便出门', '老人需要轮椅'],
  ['goods', '老人想要一台收音机听藏语广播', '老人想要收音机'],
  ['repair', '家里水龙头漏水，老人自己修不了', '老人家中水管维修'],
  ['repair', '老房子电线老化，插座经常冒火花', '老旧电线检修'],
  ['repair', '热水器不出热水，家里只有两位老人', '热水器维修'],
  ['care', '独居老人希望每周有人上门陪着聊聊天', '独居老人希望有人陪伴'],
  ['care', '行动不便的老人需要有人帮忙打扫卫生', '老人需要上门保洁'],
  ['care', '老人腰腿疼，希望有人上门做理疗', '老人需要上门理疗'],
  ['health', '老人想做一次上门体检，测测血压血糖', '老人需要上门体检'],
  ['health', '老人看不清报纸，需要一副老花镜', '老人需要老花镜'],
  ['study', '孩子数学跟不上，希望有老师辅导', '孩子需要课业辅导'],
  ['study', '孩子想要几本课外书', '孩子想要课外书'],
  ['study', '老人想学会用智能手机和子女视频', '老人想学用智能手机'],
  ['haircut', '卧床老人需要上门理发', '卧床老人需要上门理发'],
  ['other', '孤寡老人希望过一次热闹的生日', '孤寡老人的生日心愿'],
];

/** A plain picture of a handed-over gift, so fulfilments carry real photos through the real photo intake. */
async function demoPhotos(ctx: AppContext, count: number): Promise<string[]> {
  const store = new PhotoStore(ctx.config.photoDir);
  const ids: string[] = [];
  const colours = ['#c0392b', '#d35400', '#27ae60', '#2980b9', '#8e44ad', '#16a085'];
  for (let i = 0; i < count; i++) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480"><rect width="640" height="480" fill="#f3efe6"/><rect x="220" y="170" width="200" height="170" rx="10" fill="${colours[i % colours.length]}"/><rect x="305" y="170" width="30" height="170" fill="#f1c40f"/><rect x="220" y="235" width="200" height="26" fill="#f1c40f"/><path d="M320 170 C 280 110, 230 150, 300 170 Z M320 170 C 360 110, 410 150, 340 170 Z" fill="#f1c40f"/></svg>`;
    const photo = await ingestPhoto(await sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer());
    const { key } = await store.put(photo);
    const id = newId();
    await ctx.database.db.insertInto('photos').values({ id, storage_key: key, sha256: photo.sha256, mime: photo.mime, width: photo.width, height: photo.height, bytes: photo.bytes, original_format: photo.originalFormat, exif_lng: null, exif_lat: null, taken_at: null, uploaded_by: null, created_at: now().toISOString() }).execute();
    ids.push(id);
  }
  return ids;
}

type Fate = 'open' | 'claimed' | 'fulfilled' | 'closed';

/**
 * Adds the wishes once, to a store holding the demo and no wish yet (returns how many it added, 0 otherwise).
 * Times are spread over the `days` before now; the real clock is restored afterwards.
 */
export async function loadWishesDemo(ctx: AppContext, days = 50): Promise<{ loaded: boolean; wishes: number; offers: number }> {
  const { db } = ctx.database;
  if (await db.selectFrom('cases').select('id').where('kind', '=', WISH_KIND).limit(1).executeTakeFirst()) return { loaded: false, wishes: 0, offers: 0 };
  const cst = await db.selectFrom('org_nodes').select(['id', 'path']).where('code', '=', 'CST').executeTakeFirst();
  if (!cst || !(await db.selectFrom('accounts').select('id').where('username', '=', 'community').executeTakeFirst())) return { loaded: false, wishes: 0, offers: 0 };
  const cast = await loadCast(db);
  const random = randomStream('wishes');
  const end = now().getTime();
  const start = end - days * DAY;
  const at = (ms: number) => setClock(() => new Date(Math.min(ms, end - 60_000)));
  const photos = await demoPhotos(ctx, 6);
  let wishes = 0;
  let offers = 0;
  try {
    at(start - DAY);
    const office = (code: string) => cast.grids.find((g) => g.community.code === code)!.communityWorker;
    // The units of 慈松塘's 大党委 join the hospital already paired with it.
    await db.transaction().execute(async (trx) => {
      for (const u of CST_UNITS) {
        const id = newId();
        const stamp = now().toISOString();
        await unitsRepo.insertUnit(trx, { id, name: u.name, contact_name: u.contact, contact_phone: u.phone, address: u.address, note: u.note, created_at: stamp, updated_at: stamp });
        await unitsRepo.addCommunity(trx, id, cst, stamp);
      }
    });
    const unitId = async (name: string) => (await db.selectFrom('partner_units').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
    const offerIds: { id: string; wishType: string; left: number }[] = [];
    for (const [unit, title, kind, wishType, mode, capacity] of CST_OFFERS) {
      const partnerUnitId = await unitId(unit);
      const o = await db.transaction().execute((trx) => createOffer(trx, office('CST'), { community: 'CST', partnerUnitId, title, kind, wishType, mode, capacity }, 'zh-CN'));
      offerIds.push({ id: o.id, wishType, left: capacity });
      offers++;
    }
    const csk = await db.selectFrom('org_nodes').select('id').where('code', '=', 'CSK').executeTakeFirstOrThrow();
    const barber = await db.selectFrom('talents').select('id').where('community_id', '=', csk.id).where('status', '=', 'confirmed').orderBy('created_at').executeTakeFirstOrThrow();
    const cskOffers: { id: string; wishType: string; left: number }[] = [];
    for (const spec of [
      { partnerUnitId: await unitId('拉萨市人民医院'), title: '上门义诊', kind: 'service' as const, wishType: 'health', mode: 'one_to_many' as const, capacity: 4 },
      { partnerUnitId: await unitId('城关区全民健身中心'), title: '冬季爱心物资', kind: 'goods' as const, wishType: 'goods', mode: 'one_to_many' as const, capacity: 5 },
      { talentId: barber.id, title: '义剪：上门理发', kind: 'service' as const, wishType: 'haircut', mode: 'one_to_many' as const, capacity: 5 },
    ]) {
      const o = await db.transaction().execute((trx) => createOffer(trx, office('CSK'), { community: 'CSK', ...spec }, 'zh-CN'));
      cskOffers.push({ id: o.id, wishType: spec.wishType, left: spec.capacity });
      offers++;
    }

    // 002: 42 wishes on 慈松塘's list, 36 of them fulfilled; the rest still open or under way.
    const cstGrids = cast.grids.filter((g) => g.community.code === 'CST' && g.compounds.length);
    const cstFates: Fate[] = [...Array(30).fill('closed'), ...Array(6).fill('fulfilled'), ...Array(3).fill('claimed'), ...Array(3).fill('open')];
    for (const [i, fate] of cstFates.entries()) {
      const posted = start + ((i + random.next()) / cstFates.length) * (days - 3) * DAY;
      await oneWish(ctx, cstGrids[i % cstGrids.length]!, WISHES[i % WISHES.length]!, fate, posted, offerIds, photos, random, at);
      wishes++;
    }
    const cskGrids = cast.grids.filter((g) => g.community.code === 'CSK' && g.compounds.length);
    const cskFates: Fate[] = ['closed', 'closed', 'fulfilled', 'claimed', 'claimed', 'open', 'open'];
    for (const [i, fate] of cskFates.entries()) {
      const posted = end - (20 - i * 2.5) * DAY;
      // The demo accounts' grid first, so the grid worker and the office find wishes of their own.
      const grid = i % 2 === 0 ? cskGrids.find((g) => g.grid.code === 'CSK-03')! : cskGrids[i % cskGrids.length]!;
      await oneWish(ctx, grid, WISHES[(i * 5 + 3) % WISHES.length]!, fate, posted, cskOffers, photos, random, at);
      wishes++;
    }
    if (cast.resident) {
      at(end - 2 * DAY);
      await inTransaction(ctx, (tx) => postWish(tx, ctx, cast.resident!, { description: '家里老人想学会用智能手机和在外地的孙子视频', wishType: 'study' }));
      wishes++;
    }
  } finally {
    setClock();
  }
  return { loaded: true, wishes, offers };
}

async function oneWish(ctx: AppContext, g: GridCast, [wishType, text, summary]: [string, string, string], fate: Fate, posted: number, offers: { id: string; wishType: string; left: number }[], photos: string[], random: ReturnType<typeof randomStream>, at: (ms: number) => void) {
  const compound = random.pick(g.compounds);
  at(posted);
  const wish = await inTransaction(ctx, (tx) => postWish(tx, ctx, g.worker, { description: text, wishType, publicSummary: summary, compoundId: compound.id, channel: random.chance(0.8) ? 'visit' : 'patrol' }));
  if (fate === 'open') return;
  const office: Actor = g.communityWorker;
  const offer = offers.find((o) => o.wishType === wishType && o.left > 0);
  const claimedAt = posted + random.int(6, 60) * 3_600_000;
  at(claimedAt);
  const claims: string[] = [];
  if (offer) offer.left--;
  claims.push(await inTransaction(ctx, (tx) => claimWish(tx, ctx, office, wish.id, offer ? { offerId: offer.id } : { name: random.pick(['在职党员 扎西', '在职党员 央宗', '在职党员 李明', '报到党员 次旦']) })));
  // 多对一: now and then a party member joins a unit on the same wish.
  if (offer && random.chance(0.15)) claims.push(await inTransaction(ctx, (tx) => claimWish(tx, ctx, office, wish.id, { name: random.pick(['在职党员 扎西', '在职党员 央宗']) })));
  if (fate === 'claimed') return;
  let t = claimedAt;
  for (const claimId of claims) {
    t += random.int(12, 96) * 3_600_000;
    at(t);
    await inTransaction(ctx, (tx) => fulfilClaim(tx, ctx, g.worker, wish.id, claimId, { note: random.pick(['心愿已送达，老人很高兴', '已上门完成服务，家属表示感谢', '物资已送到家中，签收确认', '服务已完成，已回访']), photoIds: [random.pick(photos)] }));
  }
  if (fate === 'fulfilled') return;
  at(t + random.int(4, 30) * 3_600_000);
  await inTransaction(ctx, (tx) => verifyCase(tx, ctx, office, wish.id, { pass: true, note: '已核实' }));
}
