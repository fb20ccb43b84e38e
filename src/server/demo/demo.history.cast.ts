/**
 * Who acts in the demo's case history: for every grid its 网格员, 网格长, 社区工作者 and 民警, the street
 * administrators, and the residents who report. Staff with a demo account act through that account (with
 * its real grants); the others act as their account would if they had one: the demo gives accounts to
 * only seven people, but in a running community every handler signs in.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/tables.ts';
import { accountActor } from '../modules/auth/auth.service.ts';
import type { Actor, Grant } from '../modules/auth/permissions.ts';
import type { OrgNodeRow } from '../modules/org/org.repository.ts';

export type StaffActor = Extract<Actor, { kind: 'account' }>;

export interface GridCast {
  grid: OrgNodeRow;
  community: OrgNodeRow;
  street: OrgNodeRow | undefined;
  worker: StaffActor;
  leader: StaffActor;
  communityWorker: StaffActor;
  police: StaffActor | undefined;
  compounds: { id: string; name: string; lng: number; lat: number }[];
  /** Adults with a phone, who report and are reported for. */
  residents: { id: string; name: string; phone: string }[];
}

export interface Cast {
  grids: GridCast[];
  byStaffId: Map<string, StaffActor>;
  /** Street administrators by street node id (only 八廓街道 has one in the demo). */
  streetAdmins: Map<string, StaffActor>;
  admin: StaffActor;
  /** The demo's resident account (a household head in 西嘎奴大院, CSK-03). */
  resident: Actor | undefined;
  nodes: Map<string, OrgNodeRow>;
}

const asAccount = (a: Actor, who: string): StaffActor => {
  if (a.kind !== 'account') throw new Error(`demo account ${who} not found`);
  return a;
};

/** Reads the demo's people and builds the cast; throws if the store does not hold the demo. */
export async function loadCast(db: Kysely<DB>): Promise<Cast> {
  const nodes = new Map((await db.selectFrom('org_nodes').selectAll().execute()).map((n) => [n.id, n]));
  const staff = await db.selectFrom('staff').select(['id', 'name', 'account_id']).execute();
  const assignments = await db.selectFrom('staff_assignments').select(['staff_id', 'node_id', 'role', 'created_at']).orderBy('created_at').orderBy('id').execute();
  const accounts = await db.selectFrom('accounts').select(['id', 'username', 'staff_id']).execute();
  const byUsername = new Map(accounts.map((a) => [a.username, a.id]));

  const lineage = (node: OrgNodeRow) => node.path.split('/').filter(Boolean).map((id) => nodes.get(id)!);
  const communityOf = (node: OrgNodeRow) => lineage(node).find((n) => n.kind === 'community')!;

  const byStaffId = new Map<string, StaffActor>();
  for (const s of staff) {
    const own = accounts.find((a) => a.staff_id === s.id);
    if (own) {
      byStaffId.set(s.id, asAccount(await accountActor(db, own.id), own.username));
      continue;
    }
    // The grants a staff account of that role gets: grid roles at the grid, the others at the community.
    const grants: Grant[] = [];
    for (const a of assignments.filter((x) => x.staff_id === s.id)) {
      if (a.role === 'part_time_grid_worker') continue;
      const node = nodes.get(a.node_id)!;
      const at = a.role === 'grid_worker' || a.role === 'grid_leader' ? node : communityOf(node);
      if (!grants.some((g) => g.role === a.role && g.path === at.path)) grants.push({ role: a.role, nodeId: at.id, path: at.path });
    }
    if (grants.length === 0) continue;
    byStaffId.set(s.id, { kind: 'account', accountId: `staff:${s.id}`, username: `staff:${s.id}`, displayName: s.name, grants, residentId: null, householdId: null, staffId: s.id });
  }

  const compounds = await db.selectFrom('compounds').select(['id', 'grid_id', 'name', 'lng', 'lat']).orderBy('name').execute();
  const residents = await db.selectFrom('residents').select(['id', 'grid_id', 'name', 'phone', 'birth_date']).where('phone', 'is not', null).orderBy('id_number').execute();
  const grids = [...nodes.values()].filter((n) => n.kind === 'grid').sort((a, b) => a.code.localeCompare(b.code));
  const staffAt = (gridId: string, role: string) => {
    const a = assignments.find((x) => x.node_id === gridId && x.role === role);
    return a ? byStaffId.get(a.staff_id) : undefined;
  };
  const cast: GridCast[] = grids.map((grid) => {
    const community = communityOf(grid);
    const worker = staffAt(grid.id, 'grid_worker');
    const leader = staffAt(grid.id, 'grid_leader');
    const communityWorker = staffAt(grid.id, 'community_worker');
    if (!worker || !leader || !communityWorker) throw new Error(`grid ${grid.code} lacks its staff`);
    return {
      grid,
      community,
      street: lineage(grid).find((n) => n.kind === 'street'),
      worker,
      leader,
      communityWorker,
      police: staffAt(grid.id, 'police_officer'),
      compounds: compounds.filter((c) => c.grid_id === grid.id && c.lng !== null && c.lat !== null).map((c) => ({ id: c.id, name: c.name, lng: c.lng!, lat: c.lat! })),
      residents: residents.filter((r) => r.grid_id === grid.id && r.birth_date! <= '2008-01-01').map((r) => ({ id: r.id, name: r.name, phone: r.phone! })),
    };
  });

  const streetAdmins = new Map<string, StaffActor>();
  const streetId = byUsername.get('street');
  if (streetId) {
    const actor = asAccount(await accountActor(db, streetId), 'street');
    for (const g of actor.grants) if (g.nodeId) streetAdmins.set(g.nodeId, actor);
  }
  const adminId = byUsername.get('admin');
  if (!adminId) throw new Error('demo account admin not found');
  const residentId = byUsername.get('resident');
  return {
    grids: cast,
    byStaffId,
    streetAdmins,
    admin: asAccount(await accountActor(db, adminId), 'admin'),
    resident: residentId ? await accountActor(db, residentId) : undefined,
    nodes,
  };
}
