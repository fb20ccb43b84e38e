/**
 * Factories with domain names for tests: org nodes, places, people and accounts, written straight into the store
 * so a test states only what matters to it. Every factory takes the database handle first.
 */
import type { Kysely } from 'kysely';
import type { AccountRole, DB, OrgKind, OrgNodesTable } from '../../src/server/db/tables.ts';
import { createAccount } from '../../src/server/modules/auth/auth.service.ts';
import { nowIso } from '../../src/server/platform/clock.ts';
import { newId } from '../../src/server/platform/ids.ts';
import { type Gender, idNumberCheckChar } from '../../src/server/platform/privacy.ts';

type Db = Kysely<DB>;
export type OrgNode = OrgNodesTable;

/** The password every factory account gets. */
export const TEST_PASSWORD = 'lianxin-test-password';

let counter = 0;
/** A short string unique within the test process, for codes and usernames. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}${counter}`;
}

// A small square around Lhasa, so grids have a boundary like real ones.
function squareAround(lng: number, lat: number, half = 0.001) {
  return { type: 'Polygon', coordinates: [[[lng - half, lat - half], [lng + half, lat - half], [lng + half, lat + half], [lng - half, lat + half], [lng - half, lat - half]]] };
}

/** An org node under `parent` (or a root), with its materialised path. Grids get a small square boundary. */
export async function createOrgNode(db: Db, input: { kind: OrgKind; code?: string; name?: string; parent?: OrgNode | null }): Promise<OrgNode> {
  const id = newId();
  const at = nowIso();
  const code = input.code ?? unique(input.kind.slice(0, 3).toUpperCase());
  const isGrid = input.kind === 'grid';
  const lng = 91.1 + (counter % 100) * 0.003;
  const row: OrgNode = {
    id,
    kind: input.kind,
    code,
    name: input.name ?? code,
    parent_id: input.parent?.id ?? null,
    path: `${input.parent?.path ?? '/'}${id}/`,
    geometry: isGrid ? JSON.stringify(squareAround(lng, 29.65)) : null,
    centroid_lng: isGrid ? lng : null,
    centroid_lat: isGrid ? 29.65 : null,
    created_at: at,
    updated_at: at,
  };
  await db.insertInto('org_nodes').values(row).execute();
  return row;
}

/** district → street → community with `grids` grids under it (codes `<code>-G1`, `<code>-G2`, ...). */
export async function createCommunity(db: Db, input: { code?: string; name?: string; grids?: number } = {}) {
  const code = input.code ?? unique('COM');
  const district = await createOrgNode(db, { kind: 'district', code: `${code}-D` });
  const street = await createOrgNode(db, { kind: 'street', code: `${code}-S`, parent: district });
  const community = await createOrgNode(db, { kind: 'community', code, name: input.name ?? code, parent: street });
  const grids: OrgNode[] = [];
  for (let i = 1; i <= (input.grids ?? 1); i++) grids.push(await createOrgNode(db, { kind: 'grid', code: `${code}-G${i}`, name: `第${i}网格`, parent: community }));
  return { district, street, community, grids };
}

export async function createCompound(db: Db, input: { grid: OrgNode; name?: string }) {
  const row = { id: newId(), grid_id: input.grid.id, path: input.grid.path, name: input.name ?? unique('大院'), address: null, lng: null, lat: null, created_at: nowIso() };
  await db.insertInto('compounds').values(row).execute();
  return row;
}

export async function createHousehold(db: Db, input: { grid: OrgNode; address?: string; compoundId?: string | null; isPartyHub?: boolean }) {
  const at = nowIso();
  const row = {
    id: newId(),
    grid_id: input.grid.id,
    path: input.grid.path,
    compound_id: input.compoundId ?? null,
    building_id: null,
    room: null,
    address: input.address ?? unique('幸福路'),
    is_party_hub: input.isPartyHub ? 1 : 0,
    created_at: at,
    updated_at: at,
  };
  await db.insertInto('households').values(row).execute();
  return row;
}

/**
 * A valid 18-character ID number (GB 11643 check character included). `serial` (0-99, by default the next one)
 * and the birth date make it unique; the 17th digit follows `gender`.
 */
export function makeIdNumber(input: { birthDate?: string; gender?: Gender; serial?: number; region?: string } = {}): string {
  const birth = (input.birthDate ?? '1990-01-01').replaceAll('-', '');
  const serial = String((input.serial ?? (counter += 1)) % 100).padStart(2, '0');
  const genderDigit = input.gender === 'female' ? '2' : '1';
  const first17 = `${input.region ?? '540102'}${birth}${serial}${genderDigit}`;
  return first17 + idNumberCheckChar(first17);
}

export async function createResident(db: Db, input: { household: { id: string; grid_id: string; path: string }; name?: string; phone?: string | null; idNumber?: string | null; gender?: Gender | null; birthDate?: string | null }) {
  const at = nowIso();
  const row = {
    id: newId(),
    household_id: input.household.id,
    grid_id: input.household.grid_id,
    path: input.household.path,
    name: input.name ?? unique('居民'),
    gender: input.gender ?? null,
    phone: input.phone ?? null,
    id_number: input.idNumber ?? null,
    birth_date: input.birthDate ?? null,
    is_party_member: 0,
    created_at: at,
    updated_at: at,
  };
  await db.insertInto('residents').values(row).execute();
  return row;
}

export interface TestAccount {
  accountId: string;
  username: string;
  password: string;
}

/** An account with one role at one org node (none: everywhere, for `admin`). */
export async function createStaffAccount(db: Db, input: { role: AccountRole; node?: OrgNode | null; username?: string }): Promise<TestAccount> {
  const username = input.username ?? unique(input.role);
  const accountId = await createAccount(db, { username, password: TEST_PASSWORD, role: input.role, node: input.node ? { id: input.node.id, path: input.node.path } : null });
  return { accountId, username, password: TEST_PASSWORD };
}

/** 网格员: a grid worker of one grid (or any node their role reaches down from). */
export function createGridWorker(db: Db, node: OrgNode, username?: string): Promise<TestAccount> {
  return createStaffAccount(db, { role: 'grid_worker', node, username });
}

/** 社区工作者: a community worker of one community. */
export function createCommunityWorker(db: Db, community: OrgNode, username?: string): Promise<TestAccount> {
  return createStaffAccount(db, { role: 'community_worker', node: community, username });
}

/** A resident's own account: role `resident` at their grid, linked to the resident row. */
export async function createResidentAccount(db: Db, resident: { id: string; grid_id: string; path: string }, username?: string): Promise<TestAccount> {
  const name = username ?? unique('resident');
  const accountId = await createAccount(db, {
    username: name,
    password: TEST_PASSWORD,
    role: 'resident',
    node: { id: resident.grid_id, path: resident.path },
    residentId: resident.id,
  });
  return { accountId, username: name, password: TEST_PASSWORD };
}
