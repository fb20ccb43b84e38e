/**
 * The people of the demo: compounds and buildings in each grid, the households living there, their
 * members, and who looks after whom (党员中心户 and 联户长).
 */
import type { Insertable } from 'kysely';
import { householdAddress } from '../modules/people/personal-data.ts';
import type { HouseholdsTable, ResidentsTable } from '../db/tables.ts';
import type { Position } from '../platform/geo/geometry.ts';
import type { CompoundKind, DemoCompound } from './demo.data.ts';
import { householdMembers } from './demo.people.ts';
import type { Random } from './demo.random.ts';
import type { DemoContext, PlacedNode } from './demo.rows.ts';

/** A household as the linking step needs it. */
export interface PlacedHousehold {
  row: Insertable<HouseholdsTable>;
  /** The first member, always an adult. */
  head: Insertable<ResidentsTable>;
  compoundName: string;
}

const COURTYARD_BUILDINGS = ['主楼', '东楼', '西楼', '北楼'];
// Estates hold more households than a courtyard or a village group of the same footprint.
const KIND_WEIGHT: Record<CompoundKind, number> = { estate: 3, courtyard: 2, village_group: 2 };

/**
 * Fills one grid: its compounds (at the centres of the grid's cells), their buildings, 18-26 households
 * and their residents.
 */
export function populateGrid(
  ctx: DemoContext,
  random: Random,
  grid: PlacedNode,
  places: { compounds: DemoCompound[]; points: Position[]; tibetanShare: number },
): PlacedHousehold[] {
  const spots = random.shuffle(places.points);
  const compounds = places.compounds.map((spec, i) => {
    const id = ctx.newId();
    const [lng, lat] = spots[i % spots.length]!;
    ctx.rows.compounds.push({ id, grid_id: grid.id, path: grid.path, name: spec.name, address: spec.address, lng, lat, created_at: ctx.at });
    return { spec, id, buildings: buildingsOf(ctx, random, id, spec.kind), households: 0 };
  });

  const count = random.int(18, 26);
  // Every compound has someone; the rest settle where there is more room.
  const homes = compounds.map((_, i) => i);
  const weights = compounds.map((c) => KIND_WEIGHT[c.spec.kind]);
  while (homes.length < count) homes.push(weightedIndex(random, weights));
  homes.sort((a, b) => a - b);

  return homes.map((ci) => {
    const compound = compounds[ci]!;
    const k = compound.households++;
    const building = compound.buildings.length ? compound.buildings[k % compound.buildings.length]! : null;
    const { room, address } = placeInCompound(compound.spec, building, Math.floor(k / Math.max(1, compound.buildings.length)));
    const id = ctx.newId();
    const row: Insertable<HouseholdsTable> = {
      id,
      grid_id: grid.id,
      path: grid.path,
      compound_id: compound.id,
      building_id: building?.id ?? null,
      room,
      address,
      is_party_hub: 0,
      created_at: ctx.at,
      updated_at: ctx.at,
    };
    ctx.rows.households.push(row);
    const members = householdMembers(random, ctx.taken, random.chance(places.tibetanShare));
    const residents = members.map((m) => {
      const resident: Insertable<ResidentsTable> = {
        id: ctx.newId(),
        household_id: id,
        grid_id: grid.id,
        path: grid.path,
        name: m.name,
        gender: m.gender,
        phone: m.phone,
        id_number: m.idNumber,
        birth_date: m.birthDate,
        is_party_member: m.isPartyMember ? 1 : 0,
        created_at: ctx.at,
        updated_at: ctx.at,
      };
      ctx.rows.residents.push(resident);
      return resident;
    });
    return { row, head: residents[0]!, compoundName: compound.spec.name };
  });
}

function buildingsOf(ctx: DemoContext, random: Random, compoundId: string, kind: CompoundKind): { id: string; name: string }[] {
  // A village group is houses along lanes, with no named blocks.
  if (kind === 'village_group') return [];
  const names = kind === 'courtyard'
    ? random.shuffle(COURTYARD_BUILDINGS).slice(0, random.int(1, 2))
    : Array.from({ length: random.int(2, 4) }, (_, i) => `${i + 1}栋`);
  return names.map((name) => {
    const id = ctx.newId();
    ctx.rows.buildings.push({ id, compound_id: compoundId, name, created_at: ctx.at });
    return { id, name };
  });
}

/**
 * The `n`th home (from 0) of a building or village group, as a room and a full address unique in the grid,
 * written as the resident import writes it so an imported register finds the same households.
 */
function placeInCompound(spec: DemoCompound, building: { name: string } | null, n: number): { room: string; address: string } {
  if (spec.kind === 'village_group' || !building) {
    const room = `${n + 1}号`;
    return { room, address: householdAddress(spec.name, null, room) };
  }
  if (spec.kind === 'courtyard') {
    const room = `${n + 1}号`;
    return { room, address: householdAddress(spec.name, building.name, room) };
  }
  // Estates: two flats a floor, three floors a unit.
  const room = `${Math.floor(n / 6) + 1}单元${Math.floor((n % 6) / 2) + 1}0${(n % 2) + 1}`;
  return { room, address: householdAddress(spec.name, building.name, room) };
}

function weightedIndex(random: Random, weights: number[]): number {
  let r = random.next() * weights.reduce((s, w) => s + w, 0);
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i]!;
    if (r < 0) return i;
  }
  return weights.length - 1;
}

/**
 * 党员中心户: in `hubCount` grids, one household whose head is a party member serves 10-20 other households
 * of the same grid (MISSION M1, from 003 and 002).
 */
export function linkPartyHubs(ctx: DemoContext, random: Random, grids: PlacedHousehold[][], hubCount: number): void {
  for (const households of random.shuffle(grids).slice(0, hubCount)) {
    const [hub, ...others] = random.shuffle(households);
    hub!.row.is_party_hub = 1;
    hub!.head.is_party_member = 1;
    const served = others.slice(0, random.int(10, Math.min(20, others.length)));
    for (const h of served) ctx.rows.householdLinks.push({ kind: 'party_hub', linker_id: hub!.row.id, household_id: h.row.id, created_at: ctx.at });
  }
}

/**
 * 联户长: a grid's households, in the order they stand, fall into groups of about a dozen neighbours; the
 * head of one household in each group links the other 8-15 (联户长 as trained in 松盘乡, 002).
 */
export function linkLiaisons(ctx: DemoContext, random: Random, households: PlacedHousehold[]): void {
  const groups = Math.max(1, Math.round(households.length / 12));
  const size = Math.ceil(households.length / groups);
  for (let g = 0; g < groups; g++) {
    const group = households.slice(g * size, (g + 1) * size);
    if (group.length === 0) continue;
    const liaison = random.pick(group);
    for (const h of group) {
      if (h !== liaison) ctx.rows.householdLinks.push({ kind: 'liaison', linker_id: liaison.head.id, household_id: h.row.id, created_at: ctx.at });
    }
  }
}
