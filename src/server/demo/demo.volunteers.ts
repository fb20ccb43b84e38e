/**
 * The demo's talent pool (能人库), volunteer teams and partner units, from the seeds' own kinds: 001's barber
 * cutting hair for free, retired doctor, electrician, performers and "网格摸排+群众推荐+个人自荐"; 002's 六义社
 * (义剪 义卖 义演 义修 义诊 义送) and the 大党委 units opening parking, gyms and toilets; 003's in-service party
 * members (双报到). Talents are demo residents picked by rule (grid, compound, age), so nothing here is random.
 * 冲赛康社区 holds the accounts' own pool; 加措社区 (the other street) holds the far-side records.
 */
import type { Insertable } from 'kysely';
import type {
  PartnerUnitCommunitiesTable,
  PartnerUnitsTable,
  SharedResourcesTable,
  TalentEventsTable,
  TalentOrigin,
  TalentServiceAreasTable,
  TalentSkillsTable,
  TalentStatus,
  TalentsTable,
  TeamMembersTable,
  TeamsTable,
} from '../db/tables.ts';
import { AGES_AS_OF } from './demo.people.ts';
import type { DemoRows } from './demo.rows.ts';

export interface VolunteerRows {
  partnerUnits: Insertable<PartnerUnitsTable>[];
  partnerUnitCommunities: Insertable<PartnerUnitCommunitiesTable>[];
  sharedResources: Insertable<SharedResourcesTable>[];
  talents: Insertable<TalentsTable>[];
  talentSkills: Insertable<TalentSkillsTable>[];
  talentServiceAreas: Insertable<TalentServiceAreasTable>[];
  talentEvents: Insertable<TalentEventsTable>[];
  teams: Insertable<TeamsTable>[];
  teamMembers: Insertable<TeamMembersTable>[];
}

/** The username of the demo resident who is a talent (义剪): a later journey orders a haircut from them. */
export const DEMO_TALENT_USERNAME = 'talent';

type Slot = { weekdays: number[]; from: string; to: string };
const WEEKENDS: Slot = { weekdays: [6, 7], from: '09:00', to: '12:00' };
const WEEKDAY_EVENINGS: Slot = { weekdays: [1, 2, 3, 4, 5], from: '18:30', to: '21:00' };

interface TalentSpec {
  key: string;
  /** A resident of this grid (and compound, if given), else a non-resident placed at `grid` or `community`. */
  grid?: string;
  community: string;
  compound?: string;
  /** Pick an older head of household (a retired doctor or teacher). */
  senior?: boolean;
  /** A resident with this demo account. */
  account?: string;
  /** Non-residents: own name and phone, and their unit. */
  person?: { name: string; phone: string; unit: string };
  origin: TalentOrigin;
  status: TalentStatus;
  skills: [skill: string, level: number][];
  availability: Slot[];
  note: string;
  recommender?: string;
  reserve?: string;
}

const TALENTS: TalentSpec[] = [
  // 001: "社区能人为群众免费理发".
  { key: 'barber', grid: 'CSK-03', community: 'CSK', account: DEMO_TALENT_USERNAME, origin: 'self_nomination', status: 'confirmed', skills: [['haircut', 3]], availability: [WEEKENDS, { weekdays: [3], from: '15:00', to: '18:00' }], note: '开过二十年理发店，周末可上门为老人义剪。' },
  { key: 'doctor', grid: 'CSK-01', community: 'CSK', senior: true, origin: 'recommendation', status: 'confirmed', skills: [['health_check', 3], ['first_aid', 2]], availability: [{ weekdays: [2, 4], from: '09:00', to: '11:30' }], note: '退休医生，能测血压血糖、讲解慢病用药。', recommender: '邻居推荐', reserve: '群众满意度高，热心组织义诊，可培养为社区后备力量。' },
  { key: 'electrician', grid: 'CSK-03', community: 'CSK', compound: '鲁固大院', origin: 'survey', status: 'confirmed', skills: [['electrician', 3], ['household_repairs', 2]], availability: [WEEKDAY_EVENINGS, WEEKENDS], note: '持证电工，网格员入户走访时登记，可排查大院老旧电线。' },
  { key: 'translator', grid: 'CSK-02', community: 'CSK', origin: 'survey', status: 'confirmed', skills: [['translation_bo_zh', 3], ['policy_talk', 2]], availability: [{ weekdays: [1, 3, 5], from: '14:00', to: '17:00' }], note: '藏汉双语流利，可陪同老人办事、翻译政策宣讲。', reserve: '政治素质好、活动参与度高。' },
  { key: 'performer', grid: 'CSK-04', community: 'CSK', origin: 'self_nomination', status: 'confirmed', skills: [['performance', 3], ['sports_coaching', 1]], availability: [WEEKDAY_EVENINGS], note: '擅长藏族歌舞，愿带领居民排练节目。' },
  { key: 'barber2', grid: 'CSK-01', community: 'CSK', origin: 'survey', status: 'confirmed', skills: [['haircut', 2]], availability: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], from: '10:00', to: '20:00' }], note: '在北京东路开理发店，店里可为老人义剪。' },
  { key: 'teacher', grid: 'CSK-03', community: 'CSK', compound: '西嘎奴大院', senior: true, origin: 'recommendation', status: 'proposed', skills: [['tutoring', 3], ['calligraphy', 2]], availability: [{ weekdays: [6], from: '14:00', to: '17:00' }], note: '退休教师，可辅导孩子功课、教书法。', recommender: '大院组长推荐' },
  // 003: "在职党员双报到"; a doctor of a partner unit who lives elsewhere.
  { key: 'in_service', community: 'CSK', person: { name: '王建华', phone: '19908910001', unit: '拉萨市人民医院' }, origin: 'in_service', status: 'confirmed', skills: [['health_check', 3], ['physiotherapy', 2]], availability: [{ weekdays: [6], from: '09:00', to: '12:00' }], note: '在职党员，到社区报到，每月参加一次义诊。' },
  // Far side: 加措社区, under the other street.
  { key: 'far_plumber', grid: 'JC-01', community: 'JC', origin: 'survey', status: 'confirmed', skills: [['plumbing', 3], ['household_repairs', 2]], availability: [WEEKENDS], note: '水暖师傅，可上门维修水管。' },
  { key: 'far_proposed', grid: 'JC-05', community: 'JC', compound: '金珠中路21号农行退休基地小区', senior: true, origin: 'self_nomination', status: 'proposed', skills: [['mediation', 2]], availability: [], note: '退休干部，愿意参与邻里纠纷调解。' },
];

const UNITS = [
  { key: 'hospital', name: '拉萨市人民医院', contact: '次仁卓玛', phone: '0891-6322101', address: '林廓北路18号', communities: ['CSK', 'CST'], note: '大党委成员单位：义诊、健康讲座，夜间开放停车场。' },
  { key: 'gym', name: '城关区全民健身中心', contact: '李强', phone: '0891-6335520', address: '北京东路60号', communities: ['CSK'], note: '共建单位：向居民开放运动馆和会议室。' },
  { key: 'far_school', name: '金珠中路小学', contact: '普布', phone: '0891-6851230', address: '金珠中路30号', communities: ['JC'], note: '共建单位：周末开放操场和卫生间。' },
];

const RESOURCES = [
  { unit: 'hospital', community: 'CSK', kind: 'parking', name: '医院职工停车场（夜间共享）', address: '林廓北路18号东门', offset: [0.004, 0.003], hours: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], from: '19:00', to: '24:00' }], note: '早 8 点前驶离' },
  { unit: 'hospital', community: 'CSK', kind: 'toilet', name: '门诊楼一层公共卫生间', address: '林廓北路18号门诊楼', offset: [0.0045, 0.0025], hours: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], from: '07:00', to: '22:00' }], note: null },
  { unit: 'gym', community: 'CSK', kind: 'gym', name: '全民健身中心运动馆', address: '北京东路60号', offset: [-0.003, 0.002], hours: [{ weekdays: [1, 2, 3, 4, 5], from: '18:00', to: '21:30' }, { weekdays: [6, 7], from: '09:00', to: '21:00' }], note: '凭社区居民证明免费' },
  { unit: 'gym', community: 'CSK', kind: 'meeting_room', name: '二楼多功能会议室', address: '北京东路60号二楼', offset: [-0.003, 0.002], hours: [{ weekdays: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' }], note: '需提前一天向社区预约' },
  { unit: 'far_school', community: 'JC', kind: 'toilet', name: '学校东侧卫生间', address: '金珠中路30号东侧', offset: [0.002, -0.001], hours: [{ weekdays: [6, 7], from: '08:00', to: '20:00' }], note: '节假日开放' },
];

const TEAMS = [
  // 002: "48名辖区各类行业群体成立“六义社”（义剪、义卖、义演、义修、义诊、义送）".
  { key: 'six_yi', name: '六义社', kind: 'six_yi', community: 'CSK', purpose: '义剪、义卖、义演、义修、义诊、义送，每月第一个周六在社区广场集中服务。', services: ['haircut', 'charity_sale', 'performance', 'household_repairs', 'health_check', 'delivery'], leader: 'barber', members: ['barber', 'doctor', 'electrician', 'performer', 'barber2'] },
  { key: 'elders', name: '银龄先锋队', kind: 'elder_vanguard', community: 'CSK', purpose: '退休老同志探访独居老人、宣讲政策。', services: ['elder_visit', 'policy_talk', 'translation_bo_zh'], leader: 'doctor', members: ['doctor', 'translator'] },
  { key: 'arts', name: '文艺演出队', kind: 'performance_troupe', community: 'CSK', purpose: '月月有活动：节日演出、广场舞教学。', services: ['performance'], leader: 'performer', members: ['performer'] },
  { key: 'far_health', name: '健康守护队', kind: 'health_guard', community: 'JC', purpose: '上门维修与健康关爱。', services: ['plumbing', 'household_repairs'], leader: 'far_plumber', members: ['far_plumber'] },
];

/** Builds the volunteer rows over an already generated demo (its nodes, residents and accounts). */
export function generateVolunteers(rows: DemoRows, newId: () => string, at: string): VolunteerRows {
  const out: VolunteerRows = { partnerUnits: [], partnerUnitCommunities: [], sharedResources: [], talents: [], talentSkills: [], talentServiceAreas: [], talentEvents: [], teams: [], teamMembers: [] };
  const node = (code: string) => {
    const n = rows.orgNodes.find((x) => x.code === code);
    if (!n) throw new Error(`demo volunteers: no org node ${code}`);
    return n as { id: string; path: string; centroid_lng: number | null; centroid_lat: number | null };
  };
  const clerk = communityWorkerName(rows, node('CSK-03').id);
  const farClerk = communityWorkerName(rows, node('JC-01').id);
  const today = at.slice(0, 10);

  const unitIds = new Map<string, string>();
  for (const u of UNITS) {
    const id = newId();
    unitIds.set(u.key, id);
    out.partnerUnits.push({ id, name: u.name, contact_name: u.contact, contact_phone: u.phone, address: u.address, note: u.note, created_at: at, updated_at: at });
    for (const c of u.communities) out.partnerUnitCommunities.push({ partner_unit_id: id, community_id: node(c).id, path: node(c).path, created_at: at });
  }
  for (const r of RESOURCES) {
    const community = node(r.community);
    out.sharedResources.push({
      id: newId(),
      partner_unit_id: unitIds.get(r.unit)!,
      community_id: community.id,
      path: community.path,
      kind: r.kind,
      name: r.name,
      description: null,
      address: r.address,
      lng: community.centroid_lng === null ? null : community.centroid_lng + r.offset[0]!,
      lat: community.centroid_lat === null ? null : community.centroid_lat + r.offset[1]!,
      opening_hours: JSON.stringify(r.hours),
      hours_note: r.note,
      active: 1,
      created_at: at,
      updated_at: at,
    });
  }

  const taken = new Set<string>();
  const talentIds = new Map<string, string>();
  for (const spec of TALENTS) {
    const id = newId();
    talentIds.set(spec.key, id);
    const community = node(spec.community);
    const grid = spec.grid ? node(spec.grid) : null;
    const resident = spec.person ? null : pickResident(rows, spec, grid!.id, taken);
    const staffName = spec.community === 'JC' ? farClerk : clerk;
    out.talents.push({
      id,
      origin: spec.origin,
      status: spec.status,
      resident_id: resident?.id ?? null,
      name: resident?.name ?? spec.person!.name,
      phone: spec.person?.phone ?? null,
      partner_unit_id: spec.person ? unitIds.get(UNITS.find((u) => u.name === spec.person!.unit)!.key)! : null,
      community_id: community.id,
      grid_id: grid?.id ?? null,
      path: grid?.path ?? community.path,
      contact_preference: spec.person ? 'phone' : spec.senior ? 'grid_worker' : 'app',
      availability: JSON.stringify(spec.availability),
      reserve_candidate: spec.reserve ? 1 : 0,
      reserve_note: spec.reserve ?? null,
      note: spec.note,
      status_reason: null,
      recommender_name: spec.recommender ?? null,
      recommended_by_account_id: null,
      created_by_account_id: null,
      confirmed_at: spec.status === 'confirmed' ? at : null,
      confirmed_by_account_id: null,
      created_at: at,
      updated_at: at,
    });
    for (const [skill, level] of spec.skills) {
      const confirmed = spec.status === 'confirmed';
      out.talentSkills.push({ talent_id: id, skill, level, confirmed_by_account_id: null, confirmed_by_label: confirmed ? staffName : null, confirmed_at: confirmed ? at : null, created_at: at, updated_at: at });
    }
    out.talentServiceAreas.push({ talent_id: id, node_id: community.id, path: community.path });
    const event = (action: string, from: TalentStatus | null, to: TalentStatus | null, note: string | null, data: object | null) =>
      out.talentEvents.push({ id: newId(), talent_id: id, at, action, actor_account_id: null, actor_label: staffName, from_status: from, to_status: to, note, data: data ? JSON.stringify(data) : null });
    event('proposed', null, 'proposed', spec.note, { origin: spec.origin, skills: spec.skills.map(([s]) => s), recommenderName: spec.recommender ?? null });
    if (spec.status === 'confirmed') event('confirmed', 'proposed', 'confirmed', null, null);
    if (spec.reserve) event('reserve_marked', null, null, spec.reserve, null);
  }

  for (const t of TEAMS) {
    const id = newId();
    const community = node(t.community);
    out.teams.push({ id, name: t.name, kind: t.kind, purpose: t.purpose, services: JSON.stringify(t.services), community_id: community.id, path: community.path, leader_talent_id: talentIds.get(t.leader)!, created_at: at, updated_at: at });
    for (const m of t.members) {
      out.teamMembers.push({ team_id: id, talent_id: talentIds.get(m)!, joined_on: today, created_at: at });
      out.talentEvents.push({ id: newId(), talent_id: talentIds.get(m)!, at, action: 'team_joined', actor_account_id: null, actor_label: t.community === 'JC' ? farClerk : clerk, from_status: null, to_status: null, note: null, data: JSON.stringify({ teamId: id, teamName: t.name }) });
    }
  }
  return out;
}

/** The 社区工作者 of a grid, whose name the history shows as the one who confirmed. */
function communityWorkerName(rows: DemoRows, gridId: string): string {
  const assignment = rows.staffAssignments.find((a) => a.node_id === gridId && a.role === 'community_worker')!;
  return rows.staff.find((s) => s.id === assignment.staff_id)!.name;
}

/**
 * The resident a talent spec stands for: the demo account's own resident, or the first adult household head of
 * the grid (in the compound, older than 55 when `senior`) not already taken and without a demo account.
 */
function pickResident(rows: DemoRows, spec: TalentSpec, gridId: string, taken: Set<string>) {
  if (spec.account) {
    const residentId = rows.accounts.find((a) => a.username === spec.account)?.residentId;
    const resident = rows.residents.find((r) => r.id === residentId);
    if (!resident) throw new Error(`demo volunteers: account ${spec.account} has no resident`);
    taken.add(resident.id);
    return resident;
  }
  const withAccounts = new Set(rows.accounts.map((a) => a.residentId).filter(Boolean));
  const compoundId = spec.compound ? rows.compounds.find((c) => c.grid_id === gridId && c.name === spec.compound)?.id : undefined;
  const cutoff = `${Number(AGES_AS_OF.slice(0, 4)) - 55}${AGES_AS_OF.slice(4)}`;
  for (const household of rows.households) {
    if (household.grid_id !== gridId || (compoundId && household.compound_id !== compoundId)) continue;
    const head = rows.residents.find((r) => r.household_id === household.id)!;
    if (taken.has(head.id) || withAccounts.has(head.id)) continue;
    if (spec.senior && !(head.birth_date! <= cutoff)) continue;
    if (!spec.senior && !(head.birth_date! > cutoff)) continue;
    taken.add(head.id);
    return head;
  }
  throw new Error(`demo volunteers: no resident for ${spec.key} in ${spec.grid}`);
}
