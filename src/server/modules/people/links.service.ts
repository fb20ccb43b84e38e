import { AppError } from '../../http/errors.ts';
import { limitOffset } from '../../http/schemas.ts';
import { nowIso } from '../../platform/clock.ts';
import { type Actor, can } from '../auth/permissions.ts';
import * as repo from './people.repository.ts';
import type { Db } from './people.repository.ts';
import { assertCanOn, nodePathOf, visibilityFor } from './people.scope.ts';
import { readableHousehold } from './places.service.ts';
import { readableResident } from './residents.service.ts';
import { householdView, residentView } from './people.views.ts';

/**
 * The most households one party hub household (党员中心户) or liaison (联户长) may serve. The seeds speak of 10-20
 * (003, 002); 30 leaves room for a large courtyard without letting one person "serve" a whole community. Fewer than
 * 10 is allowed: a hub is designated first and its households are added as the grid worker visits them.
 */
export const MAX_LINKED_HOUSEHOLDS = 30;

type PageQuery = { page?: number; pageSize?: number };

/**
 * The households to link, each one existing and managed by the actor; the ones that are not are refused together,
 * as not found, so the reply discloses nothing outside the actor's scope.
 */
async function manageableHouseholds(db: Db, actor: Actor, ids: string[]): Promise<string[]> {
  const rows = await repo.findHouseholdsByIds(db, ids);
  const usable = new Set(rows.filter((h) => can(actor, 'people.manage', { path: h.path, householdId: h.id })).map((h) => h.id));
  const refused = ids.filter((id) => !usable.has(id));
  if (refused.length) throw new AppError('HOUSEHOLD_NOT_FOUND', { householdIds: refused });
  return ids;
}

// ---- party hub households (党员中心户)

export async function listPartyHubs(db: Db, actor: Actor, q: { node?: string } & PageQuery) {
  const vis = visibilityFor(actor);
  const p = limitOffset(q);
  const { rows, total } = await repo.listHouseholds(db, vis, { nodePath: await nodePathOf(db, q.node), partyHubsOnly: true, ...p });
  return { items: rows.map((r) => householdView(actor, r)), total, page: p.page, pageSize: p.pageSize };
}

async function readablePartyHub(db: Db, actor: Actor, householdId: string) {
  const hub = await readableHousehold(db, actor, householdId);
  if (hub.is_party_hub !== 1) throw new AppError('PARTY_HUB_NOT_FOUND');
  return hub;
}

/** The households a party hub household serves (those the actor may see). */
export async function listPartyHubHouseholds(db: Db, actor: Actor, householdId: string, q: PageQuery) {
  const hub = await readablePartyHub(db, actor, householdId);
  const p = limitOffset(q);
  const { rows, total } = await repo.listHouseholds(db, visibilityFor(actor), { linkedTo: { kind: 'party_hub', linkerId: hub.id }, ...p });
  return { items: rows.map((r) => householdView(actor, r)), total, page: p.page, pageSize: p.pageSize };
}

/** 设立党员中心户: marks a household as a party hub and sets the households it serves (replacing the previous list). */
export async function setPartyHubHouseholds(db: Db, actor: Actor, householdId: string, householdIds: string[]) {
  const hub = await readableHousehold(db, actor, householdId);
  assertCanOn(actor, 'people.manage', { path: hub.path, householdId: hub.id }, 'HOUSEHOLD_NOT_FOUND');
  if (householdIds.includes(hub.id)) throw new AppError('PARTY_HUB_LINKS_ITSELF', { householdIds: [hub.id] });
  await manageableHouseholds(db, actor, householdIds);
  const at = nowIso();
  await repo.setPartyHubFlag(db, hub.id, true, at);
  await repo.replaceLinks(db, 'party_hub', hub.id, householdIds, at);
  return householdView(actor, { ...hub, is_party_hub: 1, updated_at: at, member_count: (await repo.membersOf(db, hub.id)).length, linked_count: householdIds.length });
}

/** 撤销党员中心户: the household is no longer a party hub and serves no households. */
export async function removePartyHub(db: Db, actor: Actor, householdId: string): Promise<void> {
  const hub = await readablePartyHub(db, actor, householdId);
  assertCanOn(actor, 'people.manage', { path: hub.path, householdId: hub.id }, 'HOUSEHOLD_NOT_FOUND');
  const at = nowIso();
  await repo.replaceLinks(db, 'party_hub', hub.id, [], at);
  await repo.setPartyHubFlag(db, hub.id, false, at);
}

// ---- household liaisons (联户长)

/** Residents who serve as household liaisons, i.e. who have at least one linked household. */
export async function listLiaisons(db: Db, actor: Actor, q: { node?: string } & PageQuery) {
  const vis = visibilityFor(actor);
  const p = limitOffset(q);
  const { rows, total } = await repo.listResidents(db, vis, { nodePath: await nodePathOf(db, q.node), liaisonsOnly: true, ...p });
  return { items: rows.map((r) => residentView(actor, r)), total, page: p.page, pageSize: p.pageSize };
}

/** The households a liaison links (those the actor may see); empty for a resident who is not a liaison. */
export async function listLiaisonHouseholds(db: Db, actor: Actor, residentId: string, q: PageQuery) {
  const resident = await readableResident(db, actor, residentId);
  const p = limitOffset(q);
  const { rows, total } = await repo.listHouseholds(db, visibilityFor(actor), { linkedTo: { kind: 'liaison', linkerId: resident.id }, ...p });
  return { items: rows.map((r) => householdView(actor, r)), total, page: p.page, pageSize: p.pageSize };
}

/** 设置联户长: sets the households a resident links (replacing the previous list); an empty list ends the role. */
export async function setLiaisonHouseholds(db: Db, actor: Actor, residentId: string, householdIds: string[]) {
  const resident = await readableResident(db, actor, residentId);
  assertCanOn(actor, 'people.manage', { path: resident.path, householdId: resident.household_id }, 'RESIDENT_NOT_FOUND');
  await manageableHouseholds(db, actor, householdIds);
  await repo.replaceLinks(db, 'liaison', resident.id, householdIds, nowIso());
  return residentView(actor, { ...resident, linked_count: householdIds.length });
}
