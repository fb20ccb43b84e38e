/**
 * Builds every row of the demo community (演示社区) in memory: the org tree of 城关区 with grid polygons,
 * police beats, compounds, households, residents, staff and their assignments, party hub households,
 * household liaisons and the demo accounts. The same input gives the same names, codes, numbers and
 * shapes every time; only ids and timestamps come from outside.
 */
import type { OrgKind, StaffRole } from '../db/tables.ts';
import { newId as uuid } from '../platform/ids.ts';
import { nowIso } from '../platform/clock.ts';
import { type AreaGeometry, centroid } from '../platform/geo/geometry.ts';
import { DEMO_ACCOUNTS, DEMO_COMMUNITIES, DEMO_DISTRICT, DEMO_PASSWORD, DEMO_STREETS, type DemoCommunity } from './demo.data.ts';
import { buildLattice, cellCentre, cellsWhere, outline } from './demo.geometry.ts';
import { linkLiaisons, linkPartyHubs, type PlacedHousehold, populateGrid } from './demo.households.ts';
import { staffMember } from './demo.people.ts';
import { randomStream } from './demo.random.ts';
import { type DemoContext, type DemoRows, emptyRows, type PlacedNode } from './demo.rows.ts';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The code of grid `n` of a community, e.g. CSK-03 for 冲赛康社区 第三网格. */
export function gridCode(communityCode: string, n: number): string {
  return `${communityCode}-${String(n).padStart(2, '0')}`;
}

/** Generates the whole demo; pass `newId` and `at` to make even ids and timestamps repeatable. */
export function generateDemo(options: { newId?: () => string; at?: string } = {}): DemoRows {
  const ctx: DemoContext = {
    newId: options.newId ?? uuid,
    at: options.at ?? nowIso(),
    taken: { idNumbers: new Set(), phones: new Set() },
    rows: emptyRows(),
  };
  const nodes = new Map<string, PlacedNode>();
  const place = (kind: OrgKind, code: string, name: string, parent: PlacedNode | null, geometry: AreaGeometry | null) => {
    const id = ctx.newId();
    const node: PlacedNode = { id, code, name, path: `${parent?.path ?? '/'}${id}/` };
    const [lng, lat] = geometry ? centroid(geometry) : [null, null];
    ctx.rows.orgNodes.push({
      id,
      kind,
      code,
      name,
      parent_id: parent?.id ?? null,
      path: node.path,
      geometry: geometry ? JSON.stringify(geometry) : null,
      centroid_lng: lng,
      centroid_lat: lat,
      created_at: ctx.at,
      updated_at: ctx.at,
    });
    nodes.set(code, node);
    return node;
  };

  const district = place('district', DEMO_DISTRICT.code, DEMO_DISTRICT.name, null, null);
  for (const street of DEMO_STREETS) place('street', street.code, street.name, district, null);
  const households = new Map<string, PlacedHousehold[]>();
  for (const community of DEMO_COMMUNITIES) {
    generateCommunity(ctx, community, nodes.get(community.streetCode)!, place, households);
  }
  addAccounts(ctx, nodes, households);
  return ctx.rows;
}

type Place = (kind: OrgKind, code: string, name: string, parent: PlacedNode | null, geometry: AreaGeometry | null) => PlacedNode;

function generateCommunity(ctx: DemoContext, community: DemoCommunity, street: PlacedNode, place: Place, households: Map<string, PlacedHousehold[]>): void {
  checkLayout(community);
  const lattice = buildLattice(community.centre, community.cellMetres, community.layout, randomStream(`${community.code}:borders`));
  const cellsOf = (grids: number[]) => cellsWhere(lattice, (mark) => grids.includes(Number(mark)));

  const node = place('community', community.code, community.name, street, outline(lattice, cellsWhere(lattice, (mark) => mark !== '.')));
  const grids = new Map<number, PlacedNode>();
  community.sectors.forEach((sector, k) => {
    const sectorNode = place('sector', `${community.code}-PQ${k + 1}`, sector.name, node, outline(lattice, cellsOf(sector.grids)));
    for (const n of sector.grids) {
      grids.set(n, place('grid', gridCode(community.code, n), `第${NUMERALS[n - 1]}网格`, sectorNode, outline(lattice, cellsOf([n]))));
    }
  });

  const people = randomStream(`${community.code}:people`);
  const byGrid: PlacedHousehold[][] = [];
  for (const [n, grid] of [...grids].sort(([a], [b]) => a - b)) {
    const points = cellsOf([n]).map((cell) => cellCentre(lattice, cell));
    const placed = populateGrid(ctx, people, grid, { compounds: community.compounds[n]!, points, tibetanShare: community.tibetanShare });
    linkLiaisons(ctx, people, placed);
    households.set(grid.code, placed);
    byGrid.push(placed);
  }
  // 慈松塘 hung plaques on its party hub households (002); two or three per community here.
  linkPartyHubs(ctx, randomStream(`${community.code}:hubs`), byGrid, grids.size >= 5 ? 3 : 2);

  const beats = community.beats.map((beat, k) => {
    const geometry = outline(lattice, cellsOf(beat.grids));
    const [lng, lat] = centroid(geometry);
    const id = ctx.newId();
    ctx.rows.policeBeats.push({
      id,
      code: `${community.code}-JG${k + 1}`,
      name: beat.name,
      node_id: node.id,
      path: node.path,
      geometry: JSON.stringify(geometry),
      centroid_lng: lng,
      centroid_lat: lat,
      created_at: ctx.at,
      updated_at: ctx.at,
    });
    return { id, grids: beat.grids.map((n) => grids.get(n)!) };
  });
  staffCommunity(ctx, community, [...grids.keys()].sort((a, b) => a - b).map((n) => grids.get(n)!), beats);
}

/** A layout mistake should fail here, by name, not as an odd polygon later. */
function checkLayout(community: DemoCommunity): void {
  const marks = [...new Set(community.layout.join('').replaceAll('.', ''))].map(Number).sort((a, b) => a - b);
  const inSectors = community.sectors.flatMap((s) => s.grids).sort((a, b) => a - b);
  const inBeats = community.beats.flatMap((b) => b.grids).sort((a, b) => a - b);
  const same = (a: number[]) => a.length === marks.length && a.every((n, i) => n === marks[i]);
  if (!same(inSectors)) throw new Error(`${community.name}: every grid must be in exactly one sector`);
  if (!same(inBeats)) throw new Error(`${community.name}: every grid must be in exactly one police beat`);
  if (!marks.every((n) => community.compounds[n]?.length)) throw new Error(`${community.name}: every grid needs compounds`);
}

/**
 * Every grid gets a 网格长, a 专职网格员 and one or two 兼职网格员 of its own, a 社区工作者 shared with a
 * neighbouring grid, and the 民警 of its police beat ("每个网格配备一名网格长，一名专职网格员，一名社区工作者，
 * 兼职网格员若干，统筹公安民警等基层力量下沉网格", 004).
 */
function staffCommunity(ctx: DemoContext, community: DemoCommunity, grids: PlacedNode[], beats: { id: string; grids: PlacedNode[] }[]): void {
  const random = randomStream(`${community.code}:staff`);
  const hire = () => {
    const { name, workPhone } = staffMember(random, ctx.taken, community.tibetanShare);
    const id = ctx.newId();
    ctx.rows.staff.push({ id, name, work_phone: workPhone, account_id: null, created_at: ctx.at, updated_at: ctx.at });
    return id;
  };
  const assign = (staffId: string, grid: PlacedNode, role: StaffRole, beatId: string | null = null) => {
    ctx.rows.staffAssignments.push({ id: ctx.newId(), staff_id: staffId, node_id: grid.id, path: grid.path, role, police_beat_id: beatId, created_at: ctx.at });
  };
  for (const grid of grids) {
    assign(hire(), grid, 'grid_leader');
    assign(hire(), grid, 'grid_worker');
    const partTime = random.int(1, 2);
    for (let i = 0; i < partTime; i++) assign(hire(), grid, 'part_time_grid_worker');
  }
  for (let w = 0; w < grids.length; w += 2) {
    const worker = hire();
    for (const grid of grids.slice(w, w + 2)) assign(worker, grid, 'community_worker');
  }
  for (const beat of beats) {
    const officer = hire();
    for (const grid of beat.grids) assign(officer, grid, 'police_officer', beat.id);
  }
}

function addAccounts(ctx: DemoContext, nodes: Map<string, PlacedNode>, households: Map<string, PlacedHousehold[]>): void {
  for (const spec of DEMO_ACCOUNTS) {
    const node = spec.at ? nodes.get(spec.at)! : null;
    let staffId: string | null = null;
    let residentId: string | null = null;
    let displayName = spec.displayName ?? spec.username;
    if (spec.staffRole) {
      const grid = nodes.get(spec.staffGrid!)!;
      staffId = ctx.rows.staffAssignments.find((a) => a.node_id === grid.id && a.role === spec.staffRole)!.staff_id;
      displayName = ctx.rows.staff.find((s) => s.id === staffId)!.name;
    }
    if (spec.residentCompound) {
      const home = households.get(spec.at!)!.find((h) => h.compoundName === spec.residentCompound)!;
      residentId = home.head.id;
      displayName = home.head.name;
    }
    ctx.rows.accounts.push({
      username: spec.username,
      password: DEMO_PASSWORD,
      displayName,
      role: spec.role,
      node: node ? { id: node.id, path: node.path } : null,
      residentId,
      staffId,
    });
  }
}
