/**
 * The fixed facts of the demo community: a slice of Lhasa's 城关区 with the communities, compounds and
 * streets the seed articles name, at their real positions. Everything random (people, phone numbers,
 * jitter of the borders) is drawn from seeded streams in demo.generate.ts; nothing here is random.
 */
import type { AccountRole } from '../db/tables.ts';
import type { Position } from '../platform/geo/geometry.ts';

/** 大院 (traditional courtyard), 小区 (estate of numbered blocks) or 村民小组 (a village group of houses). */
export type CompoundKind = 'courtyard' | 'estate' | 'village_group';

export interface DemoCompound {
  name: string;
  kind: CompoundKind;
  address: string;
}

export interface DemoCommunity {
  code: string;
  name: string;
  streetCode: string;
  /** [lng, lat] the layout is centred on. */
  centre: Position;
  cellMetres: number;
  /**
   * One character per lattice cell, north at the top: the number of the grid (网格) the cell belongs to,
   * or '.' for outside the community. See demo.geometry.ts.
   */
  layout: string[];
  /** 片区: each groups neighbouring grids ("社区统筹、片区协作、网格负责", 000). */
  sectors: { name: string; grids: number[] }[];
  /** 警格 overlaying blocks of grids ("网格+警格", 004). */
  beats: { name: string; grids: number[] }[];
  /** Compounds of each grid, by grid number. */
  compounds: Record<number, DemoCompound[]>;
  /** Share of households with Tibetan names; the rest have Han names. */
  tibetanShare: number;
}

export const DEMO_DISTRICT = { code: '540102', name: '城关区' } as const;

// In Lhasa 慈松塘社区 belongs to 娘热街道 and 维巴村 to 夺底街道; the demo keeps two streets for simplicity.
export const DEMO_STREETS = [
  { code: 'BKJD', name: '八廓街道' },
  { code: 'BYJD', name: '八一街道' },
] as const;

const courtyard = (name: string, address: string): DemoCompound => ({ name, kind: 'courtyard', address });
const estate = (name: string, address: string): DemoCompound => ({ name, kind: 'estate', address });
const villageGroup = (name: string): DemoCompound => ({ name, kind: 'village_group', address: `维巴村${name.slice(2)}` });

export const DEMO_COMMUNITIES: DemoCommunity[] = [
  {
    // 002: the courtyard visits in 格东大院 and the bare wires on the roof of 西嘎奴大院, found by 第三网格.
    code: 'CSK',
    name: '冲赛康社区',
    streetCode: 'BKJD',
    centre: [91.1335, 29.6565],
    cellMetres: 160,
    layout: [
      '.11222',
      '111122',
      '333444',
      '333344',
      '.3344.',
    ],
    sectors: [
      { name: '北片区', grids: [1, 2] },
      { name: '南片区', grids: [3, 4] },
    ],
    beats: [
      { name: '冲赛康第一警格', grids: [1, 3] },
      { name: '冲赛康第二警格', grids: [2, 4] },
    ],
    compounds: {
      1: [courtyard('吉日大院', '吉日巷5号'), courtyard('宇拓大院', '宇拓路18号'), estate('冲赛康商住小区', '北京东路36号')],
      2: [courtyard('格东大院', '冲赛康巷8号'), courtyard('丹杰林大院', '丹杰林路11号'), courtyard('夏扎大院', '北京东路52号')],
      3: [courtyard('西嘎奴大院', '冲赛康巷23号'), courtyard('鲁固大院', '冲赛康巷31号'), estate('八廓北街小区', '八廓北街6号')],
      4: [courtyard('邦达大院', '八廓北街14号'), courtyard('雪林大院', '丹杰林路27号')],
    },
    tibetanShare: 0.85,
  },
  {
    // 002: 17 residential estates in the north of the city, "五微善治".
    code: 'CST',
    name: '慈松塘社区',
    streetCode: 'BKJD',
    centre: [91.118, 29.668],
    cellMetres: 170,
    layout: [
      '..11.',
      '.1112',
      '33112',
      '33422',
      '3344.',
      '.344.',
    ],
    sectors: [
      { name: '西片区', grids: [1, 3] },
      { name: '东片区', grids: [2, 4] },
    ],
    beats: [{ name: '慈松塘警格', grids: [1, 2, 3, 4] }],
    compounds: {
      1: [estate('慈松塘东区', '娘热路12号'), estate('雪新村小区', '娘热路28号'), estate('藏医院家属院', '慈松塘路3号')],
      2: [estate('扎基路职工小区', '扎基路7号'), estate('格桑花园', '扎基路19号')],
      3: [estate('娘热安居小区', '娘热路45号'), estate('慈松塘西区', '慈松塘路15号'), estate('邮电小区', '慈松塘路22号')],
      4: [estate('金色家园', '夺底路2号'), estate('阳光新城', '夺底路10号'), courtyard('老干部大院', '慈松塘路30号')],
    },
    tibetanShare: 0.7,
  },
  {
    // 001: 5号网格's leak dispute in 金珠中路21号农行退休基地小区.
    code: 'JC',
    name: '加措社区',
    streetCode: 'BYJD',
    centre: [91.085, 29.652],
    cellMetres: 180,
    layout: [
      '.1122.',
      '111222',
      '133322',
      '443355',
      '44455.',
      '.4455.',
    ],
    sectors: [
      { name: '北片区', grids: [1, 2, 3] },
      { name: '南片区', grids: [4, 5] },
    ],
    beats: [
      { name: '加措第一警格', grids: [1, 3, 4] },
      { name: '加措第二警格', grids: [2, 5] },
    ],
    compounds: {
      1: [estate('加措小区', '金珠中路3号'), estate('电力小区', '金珠中路9号')],
      2: [estate('金珠花园', '金珠中路15号'), courtyard('交通局家属院', '江苏路8号'), estate('八一农场小区', '江苏路20号')],
      3: [courtyard('加措大院', '加措巷2号'), estate('邮政小区', '加措巷10号')],
      4: [estate('金珠西苑', '金珠西路44号'), courtyard('林业局家属院', '金珠西路58号'), courtyard('群艺馆宿舍', '金珠西路63号')],
      5: [estate('金珠中路21号农行退休基地小区', '金珠中路21号'), estate('气象局小区', '金珠中路27号')],
    },
    tibetanShare: 0.5,
  },
  {
    // 004: a village of 5 comprehensive grids, "网格+警格", property company 易措物业.
    code: 'WB',
    name: '维巴村',
    streetCode: 'BYJD',
    centre: [91.148, 29.7],
    cellMetres: 150,
    layout: [
      '.11.',
      '1111',
      '2211',
      '2222',
      '3333',
      '3344',
      '5444',
      '55..',
    ],
    sectors: [
      { name: '上片区', grids: [1, 2] },
      { name: '下片区', grids: [3, 4, 5] },
    ],
    beats: [
      { name: '维巴第一警格', grids: [1, 2] },
      { name: '维巴第二警格', grids: [3, 4, 5] },
    ],
    compounds: {
      1: [villageGroup('维巴一组'), villageGroup('维巴二组')],
      2: [villageGroup('维巴三组'), villageGroup('维巴四组')],
      3: [villageGroup('维巴五组'), villageGroup('维巴六组'), estate('易措家园小区', '夺底路88号')],
      4: [villageGroup('维巴七组'), villageGroup('维巴八组')],
      5: [villageGroup('维巴九组'), villageGroup('维巴十组')],
    },
    tibetanShare: 0.95,
  },
];

/** Every demo account has this password, so the README can list one. */
export const DEMO_PASSWORD = 'lianxin2026';

/** Who a demo account is: a role, where it is granted, and whose staff or resident row it belongs to. */
export interface DemoAccountSpec {
  username: string;
  role: AccountRole;
  displayName?: string;
  /** Org code the role is granted at; none for everywhere. */
  at?: string;
  /** The staff member behind the account, by role in the grid `staffGrid`. */
  staffRole?: 'community_worker' | 'grid_leader' | 'grid_worker' | 'police_officer';
  staffGrid?: string;
  /** A resident of a household in this compound of grid `at`. */
  residentCompound?: string;
}

// One account per role, all around 冲赛康社区 第三网格, where the seed's courtyard-visit scenario happens.
export const DEMO_ACCOUNTS: DemoAccountSpec[] = [
  { username: 'admin', role: 'admin', displayName: '系统管理员' },
  { username: 'street', role: 'street_admin', displayName: '八廓街道管理员', at: 'BKJD' },
  { username: 'community', role: 'community_worker', at: 'CSK', staffRole: 'community_worker', staffGrid: 'CSK-03' },
  { username: 'gridleader', role: 'grid_leader', at: 'CSK-03', staffRole: 'grid_leader', staffGrid: 'CSK-03' },
  { username: 'gridworker', role: 'grid_worker', at: 'CSK-03', staffRole: 'grid_worker', staffGrid: 'CSK-03' },
  { username: 'police', role: 'police_officer', at: 'CSK', staffRole: 'police_officer', staffGrid: 'CSK-03' },
  { username: 'resident', role: 'resident', at: 'CSK-03', residentCompound: '西嘎奴大院' },
  // Volunteers (M6): a resident of another compound of the same grid who is a talent (义剪), see demo.volunteers.ts.
  { username: 'talent', role: 'resident', at: 'CSK-03', residentCompound: '八廓北街小区' },
  // Points and merchants (M7): the dental clinic's own sign-in (linked to it by demo.points.ts).
  { username: 'merchant', role: 'merchant', displayName: '雪域口腔诊所', at: 'CSK' },
];
