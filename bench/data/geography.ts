/**
 * The benchmark's city: one district of 12 streets, 120 communities, 360 sectors and 1,800 grids around
 * Lhasa, each grid an irregular polygon of a jittered lattice (neighbours share their borders exactly, see
 * lattice.ts), each grid with an on-duty full-time grid worker, each community a community worker, each
 * street a street administrator; plus a few resident accounts per grid for reports from the app. Everything
 * is derived from fixed seeds, so every run and every store holds the same city with the same ids.
 *
 * Layout: a 60 × 30 lattice of ~350 m cells. A street is a block of 10 × 15 cells (6 × 2 streets), a
 * community a block of 5 × 3 cells inside it, a sector one row of 5 cells of a community, a grid one cell.
 */
import type { Insertable } from 'kysely';
import type { AccountRole, AccountRolesTable, AccountsTable, OrgKind, OrgNodesTable, StaffAssignmentsTable, StaffRole, StaffTable } from '../../src/server/db/tables.ts';
import { personName } from '../../src/server/demo/demo.people.ts';
import { randomStream } from '../../src/server/demo/demo.random.ts';
import { type AreaGeometry, centroid } from '../../src/server/platform/geo/geometry.ts';
import { type Lattice, cellPolygon, hashUnit, pointInCell } from './lattice.ts';
import { randomFor, uuidV7At } from './random.ts';

export interface BenchNode {
  id: string;
  kind: OrgKind;
  code: string;
  name: string;
  /** Materialised path of ids, `/district/street/.../self/`, as the org module writes it. */
  path: string;
  parentId: string | null;
}

/** Someone who acts on cases: a staff member with an account, or a resident's account. */
export interface BenchPerson {
  accountId: string;
  username: string;
  /** The name the timeline shows (the account's display name). */
  name: string;
  staffId: string | null;
  phone: string;
}

export interface BenchGrid extends BenchNode {
  /** Position in `Geography.grids`. */
  index: number;
  col: number;
  row: number;
  geometry: AreaGeometry;
  sector: BenchNode;
  community: BenchNode;
  street: BenchNode;
  /** The on-duty full-time grid worker (专职网格员): the grid's handler. */
  worker: BenchPerson;
  /** Resident accounts that report from the app in this grid. */
  residents: BenchPerson[];
}

export interface Geography {
  lattice: Lattice;
  district: BenchNode;
  /** Every node, parents before children. */
  nodes: BenchNode[];
  grids: BenchGrid[];
  /** The grid at lattice cell (col, row), or undefined outside the city. */
  gridAt(col: number, row: number): BenchGrid | undefined;
  communityWorker: Map<string, BenchPerson>;
  streetAdmin: Map<string, BenchPerson>;
  admin: BenchPerson;
  /** The rows of the org tree as the org module stores them (grids with geometry and centroid). */
  orgNodes: OrgNodesTable[];
  /** When the city was set up (all its rows' created_at). */
  createdAt: string;
}

const CENTRE: [number, number] = [91.13, 29.65];
const CELL_METRES = 350;
const METRES_PER_DEGREE_LAT = 110_850;
const COLS = 60;
const ROWS = 30;
const STREET_COLS = 10;
const STREET_ROWS = 15;
const COMMUNITY_COLS = 5;
const COMMUNITY_ROWS = 3;
const RESIDENT_ACCOUNTS_PER_GRID = 2;
const CREATED_AT = '2023-01-01T00:00:00.000Z';

const cellLat = CELL_METRES / METRES_PER_DEGREE_LAT;
const cellLng = CELL_METRES / (METRES_PER_DEGREE_LAT * Math.cos((CENTRE[1] * Math.PI) / 180));
export const CITY_LATTICE: Lattice = {
  cols: COLS,
  rows: ROWS,
  west: Math.round((CENTRE[0] - (COLS / 2) * cellLng) * 1e6) / 1e6,
  south: Math.round((CENTRE[1] - (ROWS / 2) * cellLat) * 1e6) / 1e6,
  cellLng,
  cellLat,
  edgeVertices: 3,
  seed: 1800,
};

// The streets (街道) of 城关区, Lhasa; community and grid names are numbered inside them.
const STREETS = ['八廓', '吉日', '吉崩岗', '扎细', '公德林', '冲赛康', '两岛', '金珠西路', '纳金', '夺底', '娘热', '蔡公堂'];
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const MOBILE_PREFIXES = ['133', '135', '136', '138', '139', '151', '153', '158', '173', '177', '180', '187', '189', '198', '199'];

let city: Geography | null = null;

/** The city, built once per process (about 50 ms). */
export function benchGeography(): Geography {
  if (city) return city;
  const createdMs = Date.parse(CREATED_AT);
  const idRand = randomFor('bench-city-ids');
  const newId = () => uuidV7At(createdMs, idRand);
  const people = randomStream('bench-city-people');
  const usedPhones = new Set<string>();
  const phone = () => {
    for (;;) {
      const p = people.pick(MOBILE_PREFIXES) + String(people.int(0, 99_999_999)).padStart(8, '0');
      if (!usedPhones.has(p)) {
        usedPhones.add(p);
        return p;
      }
    }
  };
  const person = (username: string, staff: boolean): BenchPerson => {
    const gender = people.chance(0.5) ? 'male' : 'female';
    return { accountId: newId(), username, name: personName(people, gender, people.chance(0.7)), staffId: staff ? newId() : null, phone: phone() };
  };

  const nodes: BenchNode[] = [];
  const node = (kind: OrgKind, code: string, name: string, parent: BenchNode | null): BenchNode => {
    const id = newId();
    const n: BenchNode = { id, kind, code, name, path: `${parent?.path ?? '/'}${id}/`, parentId: parent?.id ?? null };
    nodes.push(n);
    return n;
  };

  const district = node('district', 'BENCH', '城关区（基准测试）', null);
  const grids: BenchGrid[] = [];
  const byCell = new Map<string, BenchGrid>();
  const communityWorker = new Map<string, BenchPerson>();
  const streetAdmin = new Map<string, BenchPerson>();
  const admin: BenchPerson = { ...person('bench-admin', false), name: '基准测试管理员' };
  const pad = (n: number, w: number) => String(n).padStart(w, '0');

  for (let s = 0; s < STREETS.length; s++) {
    const street = node('street', `BENCH-S${pad(s + 1, 2)}`, `${STREETS[s]}街道`, district);
    streetAdmin.set(street.id, person(`bench-street-${pad(s + 1, 2)}`, true));
    const streetCol = (s % (COLS / STREET_COLS)) * STREET_COLS;
    const streetRow = Math.floor(s / (COLS / STREET_COLS)) * STREET_ROWS;
    for (let c = 0; c < (STREET_COLS / COMMUNITY_COLS) * (STREET_ROWS / COMMUNITY_ROWS); c++) {
      const community = node('community', `${street.code}-C${pad(c + 1, 2)}`, `${STREETS[s]}${NUMERALS[c]}社区`, street);
      communityWorker.set(community.id, person(`bench-community-${s + 1}-${c + 1}`, true));
      const communityCol = streetCol + (c % (STREET_COLS / COMMUNITY_COLS)) * COMMUNITY_COLS;
      const communityRow = streetRow + Math.floor(c / (STREET_COLS / COMMUNITY_COLS)) * COMMUNITY_ROWS;
      for (let p = 0; p < COMMUNITY_ROWS; p++) {
        const sector = node('sector', `${community.code}-P${p + 1}`, `第${NUMERALS[p]}片区`, community);
        for (let g = 0; g < COMMUNITY_COLS; g++) {
          const number = p * COMMUNITY_COLS + g + 1;
          const base = node('grid', `${sector.code}-G${g + 1}`, `${STREETS[s]}${NUMERALS[c]}社区第${number}网格`, sector);
          const col = communityCol + g;
          const row = communityRow + p;
          const grid: BenchGrid = {
            ...base,
            index: grids.length,
            col,
            row,
            geometry: cellPolygon(CITY_LATTICE, col, row),
            sector,
            community,
            street,
            worker: person(`bench-grid-${pad(grids.length + 1, 4)}`, true),
            residents: Array.from({ length: RESIDENT_ACCOUNTS_PER_GRID }, (_, k) => person(`bench-resident-${pad(grids.length + 1, 4)}-${k + 1}`, false)),
          };
          nodes[nodes.length - 1] = grid;
          grids.push(grid);
          byCell.set(`${col},${row}`, grid);
        }
      }
    }
  }

  const orgNodes: OrgNodesTable[] = nodes.map((n) => {
    const geometry = n.kind === 'grid' ? (n as BenchGrid).geometry : null;
    const c = geometry ? centroid(geometry) : null;
    return {
      id: n.id,
      kind: n.kind,
      code: n.code,
      name: n.name,
      parent_id: n.parentId,
      path: n.path,
      geometry: geometry ? JSON.stringify({ type: geometry.type, coordinates: geometry.coordinates }) : null,
      centroid_lng: c ? c[0] : null,
      centroid_lat: c ? c[1] : null,
      created_at: CREATED_AT,
      updated_at: CREATED_AT,
    };
  });

  city = { lattice: CITY_LATTICE, district, nodes, grids, gridAt: (col, row) => byCell.get(`${col},${row}`), communityWorker, streetAdmin, admin, orgNodes, createdAt: CREATED_AT };
  return city;
}

/** A point inside `grid` (never on or near its border) from two uniform numbers, rounded as a phone's GPS gives it. */
export function pointInGrid(geo: Geography, grid: BenchGrid, u: number, v: number): { lng: number; lat: number } {
  return pointInCell(geo.lattice, grid.col, grid.row, u, v);
}

/**
 * How busy each grid is, aligned with `geo.grids`: log-normal around 1 (some grids five times the median),
 * twice as busy towards the old town in the middle of the city.
 */
export function gridWeights(geo: Geography): number[] {
  return geo.grids.map((g) => {
    const u1 = Math.max(1e-9, hashUnit(g.col, g.row, 77, 1));
    const u2 = hashUnit(g.col, g.row, 77, 2);
    const normal = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    const dx = (g.col - COLS / 2) / (COLS / 2);
    const dy = (g.row - ROWS / 2) / (ROWS / 2);
    return Math.exp(0.7 * normal) * (1 + Math.exp(-3 * (dx * dx + dy * dy)));
  });
}

/** The rows that give the city its people: staff, their roles at nodes, and accounts (all with one password hash). */
export function cityPeopleRows(geo: Geography, passwordHash: string): {
  staff: StaffTable[];
  staff_assignments: Insertable<StaffAssignmentsTable>[];
  accounts: Insertable<AccountsTable>[];
  account_roles: AccountRolesTable[];
} {
  const at = geo.createdAt;
  const idRand = randomFor('bench-city-assignments');
  const out = { staff: [] as StaffTable[], staff_assignments: [] as Insertable<StaffAssignmentsTable>[], accounts: [] as Insertable<AccountsTable>[], account_roles: [] as AccountRolesTable[] };
  const add = (p: BenchPerson, role: AccountRole, node: BenchNode, staffRole: StaffRole | null) => {
    if (p.staffId) {
      out.staff.push({ id: p.staffId, name: p.name, work_phone: p.phone, account_id: p.accountId, created_at: at, updated_at: at });
      if (staffRole) out.staff_assignments.push({ id: uuidV7At(Date.parse(at), idRand), staff_id: p.staffId, node_id: node.id, path: node.path, role: staffRole, police_beat_id: null, on_duty: 1, created_at: at });
    }
    out.accounts.push({ id: p.accountId, username: p.username, password_hash: passwordHash, display_name: p.name, resident_id: null, staff_id: p.staffId, disabled: 0, created_at: at });
    out.account_roles.push({ account_id: p.accountId, role, node_id: node.id, path: node.path, created_at: at });
  };
  add(geo.admin, 'admin', geo.district, null);
  for (const n of geo.nodes) {
    if (n.kind === 'street') add(geo.streetAdmin.get(n.id)!, 'street_admin', n, null);
    if (n.kind === 'community') add(geo.communityWorker.get(n.id)!, 'community_worker', n, 'community_worker');
  }
  for (const g of geo.grids) {
    add(g.worker, 'grid_worker', g, 'grid_worker');
    for (const r of g.residents) add(r, 'resident', g, null);
  }
  return out;
}
