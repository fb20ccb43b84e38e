import { AppError, type ErrorCode } from '../../http/errors.ts';
import { limitOffset } from '../../http/schemas.ts';
import { nowIso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../auth/permissions.ts';
import { getOrgNode } from '../org/org.service.ts';
import { householdAddress } from './personal-data.ts';
import * as repo from './people.repository.ts';
import type { Db, HouseholdRow } from './people.repository.ts';
import { assertCanOn, nodePathOf, visibilityFor } from './people.scope.ts';
import { buildingView, compoundView, householdView, type Page, residentView } from './people.views.ts';
import { isUniqueViolation } from '../../db/store-errors.ts';

type PageQuery = { page?: number; pageSize?: number };

/** Runs an insert or update, answering a unique-index race with the same 409 the pre-check gives. */
async function unique<T>(code: ErrorCode, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError(code);
    throw err;
  }
}

// ---- compounds (大院/小区) and buildings (楼栋)

export async function listCompounds(db: Db, actor: Actor, q: { node?: string } & PageQuery): Promise<Page<ReturnType<typeof compoundView>>> {
  const vis = visibilityFor(actor);
  const p = limitOffset(q);
  const { rows, total } = await repo.listCompounds(db, vis, { nodePath: await nodePathOf(db, q.node), ...p });
  return { items: rows.map((r) => compoundView(actor, r)), total, page: p.page, pageSize: p.pageSize };
}

export interface NewCompound {
  grid: string;
  name: string;
  address?: string | null;
  location?: [number, number] | null;
}

/** 登记大院/小区: a compound inside one grid; names are unique per grid. */
export async function registerCompound(db: Db, actor: Actor, input: NewCompound) {
  const grid = await getOrgNode(db, input.grid, 'grid');
  assertCanOn(actor, 'people.manage', { path: grid.path }, 'GRID_NOT_FOUND');
  const name = input.name.trim();
  if (await repo.findCompoundByName(db, grid.id, name)) throw new AppError('COMPOUND_EXISTS', { name });
  const row = {
    id: newId(),
    grid_id: grid.id,
    path: grid.path,
    name,
    address: input.address?.trim() || null,
    lng: input.location?.[0] ?? null,
    lat: input.location?.[1] ?? null,
    created_at: nowIso(),
  };
  await unique('COMPOUND_EXISTS', () => repo.insertCompound(db, row));
  return compoundView(actor, row);
}

async function readableCompound(db: Db, actor: Actor, id: string) {
  const compound = await repo.findCompound(db, id);
  if (!compound) throw new AppError('COMPOUND_NOT_FOUND');
  assertCanOn(actor, 'people.read', { path: compound.path }, 'COMPOUND_NOT_FOUND');
  return compound;
}

/** A compound with its buildings. */
export async function getCompound(db: Db, actor: Actor, id: string) {
  const compound = await readableCompound(db, actor, id);
  const { rows, total } = await repo.listBuildings(db, compound.id, { limit: 1000, offset: 0 });
  return { ...compoundView(actor, { ...compound, building_count: total }), buildings: rows.map((b) => buildingView(actor, b, compound.path)) };
}

export async function listBuildings(db: Db, actor: Actor, compoundId: string, q: PageQuery) {
  const compound = await readableCompound(db, actor, compoundId);
  const p = limitOffset(q);
  const { rows, total } = await repo.listBuildings(db, compound.id, p);
  return { items: rows.map((b) => buildingView(actor, b, compound.path)), total, page: p.page, pageSize: p.pageSize };
}

/** 登记楼栋: a building inside a compound; names are unique per compound. */
export async function addBuilding(db: Db, actor: Actor, compoundId: string, input: { name: string }) {
  const compound = await readableCompound(db, actor, compoundId);
  assertCanOn(actor, 'people.manage', { path: compound.path }, 'COMPOUND_NOT_FOUND');
  const name = input.name.trim();
  if (await repo.findBuildingByName(db, compound.id, name)) throw new AppError('BUILDING_EXISTS', { name });
  const row = { id: newId(), compound_id: compound.id, name, created_at: nowIso() };
  await unique('BUILDING_EXISTS', () => repo.insertBuilding(db, row));
  return buildingView(actor, row, compound.path);
}

export async function getBuilding(db: Db, actor: Actor, id: string) {
  const building = await repo.findBuilding(db, id);
  if (!building) throw new AppError('BUILDING_NOT_FOUND');
  assertCanOn(actor, 'people.read', { path: building.path }, 'BUILDING_NOT_FOUND');
  return buildingView(actor, building, building.path);
}

// ---- households (户)

export async function listHouseholds(db: Db, actor: Actor, q: { node?: string; compound?: string } & PageQuery) {
  const vis = visibilityFor(actor);
  const p = limitOffset(q);
  const { rows, total } = await repo.listHouseholds(db, vis, { nodePath: await nodePathOf(db, q.node), compoundId: q.compound, ...p });
  return { items: rows.map((r) => householdView(actor, r)), total, page: p.page, pageSize: p.pageSize };
}

export interface HouseholdPlace {
  grid: string;
  compound?: string | null;
  building?: string | null;
  room?: string | null;
  address?: string | null;
}

/**
 * Where a household is, checked: the grid the actor manages, a compound in that grid, a building in that compound
 * (naming a building is enough to name its compound). With a compound the address is built from compound, building
 * and room; without one a free address (a village house, 八廓街12号) is required.
 */
async function placeHousehold(db: Db, actor: Actor, place: HouseholdPlace) {
  const grid = await getOrgNode(db, place.grid, 'grid');
  assertCanOn(actor, 'people.manage', { path: grid.path }, 'GRID_NOT_FOUND');
  const building = place.building ? await repo.findBuilding(db, place.building) : null;
  if (place.building && !building) throw new AppError('BUILDING_NOT_FOUND');
  const compoundId = place.compound ?? building?.compound_id ?? null;
  const compound = compoundId ? await repo.findCompound(db, compoundId) : null;
  if (compoundId && !compound) throw new AppError('COMPOUND_NOT_FOUND');
  if (compound && compound.grid_id !== grid.id) throw new AppError('PLACE_MISMATCH', { field: 'compound' });
  if (building && building.compound_id !== compound?.id) throw new AppError('PLACE_MISMATCH', { field: 'building' });
  const room = place.room?.trim() || null;
  if (compound && place.address) throw new AppError('VALIDATION_FAILED', [{ field: 'body/address', problem: 'must be left out when a compound is given: the address is built from compound, building and room' }]);
  const address = compound ? householdAddress(compound.name, building?.name, room) : place.address?.trim();
  if (!address) throw new AppError('ADDRESS_REQUIRED');
  return { grid, compoundId: compound?.id ?? null, buildingId: building?.id ?? null, room, address };
}

/** 登记住户: a household at an address that is unique inside its grid. */
export async function registerHousehold(db: Db, actor: Actor, input: HouseholdPlace) {
  const place = await placeHousehold(db, actor, input);
  if (await repo.findHouseholdByAddress(db, place.grid.id, place.address)) throw new AppError('HOUSEHOLD_EXISTS', { address: place.address });
  const at = nowIso();
  const row = {
    id: newId(),
    grid_id: place.grid.id,
    path: place.grid.path,
    compound_id: place.compoundId,
    building_id: place.buildingId,
    room: place.room,
    address: place.address,
    created_at: at,
    updated_at: at,
  };
  await unique('HOUSEHOLD_EXISTS', () => repo.insertHousehold(db, row));
  return householdView(actor, { ...row, is_party_hub: 0 });
}

export async function readableHousehold(db: Db, actor: Actor, id: string): Promise<HouseholdRow> {
  const household = await repo.findHousehold(db, id);
  if (!household) throw new AppError('HOUSEHOLD_NOT_FOUND');
  assertCanOn(actor, 'people.read', { path: household.path, householdId: household.id }, 'HOUSEHOLD_NOT_FOUND');
  return household;
}

/** A household with its members, whose phone and ID numbers are masked. */
export async function getHousehold(db: Db, actor: Actor, id: string) {
  const household = await readableHousehold(db, actor, id);
  const members = await repo.membersOf(db, household.id);
  const linked = await repo.countLinks(db, 'party_hub', household.id);
  return {
    ...householdView(actor, { ...household, member_count: members.length, linked_count: linked }),
    members: members.map((m) => residentView(actor, m)),
  };
}

export type HouseholdPatch = Partial<HouseholdPlace>;

/**
 * 修改住户: moves a household to another grid, compound, building or room, or corrects its address; when it changes
 * grid its members move with it. A household keeps its compound unless the patch says otherwise, so moving to
 * another grid needs a compound of that grid (or `compound: null`).
 */
export async function updateHousehold(db: Db, actor: Actor, id: string, patch: HouseholdPatch) {
  const household = await readableHousehold(db, actor, id);
  assertCanOn(actor, 'people.manage', { path: household.path, householdId: household.id }, 'HOUSEHOLD_NOT_FOUND');
  const compound = patch.compound !== undefined ? patch.compound : household.compound_id;
  const place = await placeHousehold(db, actor, {
    grid: patch.grid ?? household.grid_id,
    compound,
    building: patch.building !== undefined ? patch.building : compound === household.compound_id ? household.building_id : null,
    room: patch.room !== undefined ? patch.room : household.room,
    address: patch.address !== undefined ? patch.address : compound ? null : household.address,
  });
  if (place.grid.id !== household.grid_id || place.address !== household.address) {
    const taken = await repo.findHouseholdByAddress(db, place.grid.id, place.address);
    if (taken && taken.id !== household.id) throw new AppError('HOUSEHOLD_EXISTS', { address: place.address });
  }
  const at = nowIso();
  await unique('HOUSEHOLD_EXISTS', () =>
    repo.updateHousehold(db, household.id, {
      grid_id: place.grid.id,
      path: place.grid.path,
      compound_id: place.compoundId,
      building_id: place.buildingId,
      room: place.room,
      address: place.address,
      updated_at: at,
    }),
  );
  if (place.grid.id !== household.grid_id) await repo.moveMembers(db, household.id, place.grid.id, place.grid.path, at);
  return getHousehold(db, actor, household.id);
}
