import { AppError, type Locale } from '../../http/errors.ts';
import { limitOffset } from '../../http/schemas.ts';
import { now, nowIso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { type Actor, abilitiesOn, can, listScope } from '../auth/permissions.ts';
import { findNode } from '../org/org.repository.ts';
import { getOrgNode } from '../org/org.service.ts';
import { nodePathOf } from '../people/people.scope.ts';
import * as repo from './partner-units.repository.ts';
import type { Db, PartnerUnitRow, SharedResourceRow } from './partner-units.repository.ts';
import { resourceKindLabel } from './taxonomy.ts';
import { checkedWeeklyHours, coversInstant, parseWeeklyHours, type WeeklySlot } from './weekly-hours.ts';

// 手机 13800000000, or a landline with its area code, 0891-6321234 (the same rule as staff work phones).
const CONTACT_PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

function checkedContactPhone(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  const phone = value.trim();
  if (!CONTACT_PHONE.test(phone)) throw new AppError('WORK_PHONE_INVALID', { field: 'contactPhone' });
  return phone;
}

type Paired = { id: string; path: string };

/** Whether the actor may take the action for a unit: at one of the communities it pairs with. */
function canOnUnit(actor: Actor, action: 'volunteers.read' | 'volunteers.manage', communities: Paired[]): boolean {
  return communities.some((c) => can(actor, action, { path: c.path }));
}

/** A unit the actor may read (paired with a community inside their nodes), or 404 as if it did not exist. */
export async function readablePartnerUnit(db: Db, actor: Actor, id: string): Promise<PartnerUnitRow> {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  const unit = await repo.findUnit(db, id);
  if (!unit || !canOnUnit(actor, 'volunteers.read', await repo.communitiesOf(db, [unit.id]))) throw new AppError('PARTNER_UNIT_NOT_FOUND');
  return unit;
}

async function manageableUnit(db: Db, actor: Actor, id: string) {
  const unit = await readablePartnerUnit(db, actor, id);
  const communities = await repo.communitiesOf(db, [unit.id]);
  if (!canOnUnit(actor, 'volunteers.manage', communities)) throw new AppError('FORBIDDEN');
  return { unit, communities };
}

/** A community (id or code) the actor manages: anything else is refused as not found or not a community. */
async function managedCommunity(db: Db, actor: Actor, ref: string) {
  const node = await findNode(db, ref);
  if (!node || !can(actor, 'volunteers.manage', { path: node.path })) throw new AppError('ORG_NODE_NOT_FOUND', { node: ref });
  if (node.kind !== 'community') throw new AppError('PARTNER_UNIT_COMMUNITY_INVALID', { node: ref, kind: node.kind });
  return node;
}

export function sharedResourceView(row: SharedResourceRow & { unit_name: string; community_code: string; community_name: string }, locale: Locale, at: Date, timeZone: string) {
  const hours = parseWeeklyHours(row.opening_hours);
  return {
    id: row.id,
    kind: row.kind,
    kindLabel: resourceKindLabel(row.kind, locale),
    name: row.name,
    description: row.description,
    address: row.address,
    location: row.lng === null || row.lat === null ? null : ([row.lng, row.lat] as [number, number]),
    openingHours: hours,
    hoursNote: row.hours_note,
    openNow: row.active === 1 && coversInstant(hours, at, timeZone),
    partnerUnit: { name: row.unit_name },
    community: { code: row.community_code, name: row.community_name },
    active: row.active === 1,
  };
}

async function unitViews(db: Db, actor: Actor, rows: PartnerUnitRow[]) {
  const ids = rows.map((r) => r.id);
  const [communities, counts] = await Promise.all([repo.communitiesOf(db, ids), repo.inServiceCounts(db, ids)]);
  return rows.map((r) => {
    const mine = communities.filter((c) => c.partner_unit_id === r.id);
    return {
      id: r.id,
      name: r.name,
      contactName: r.contact_name,
      contactPhone: r.contact_phone,
      address: r.address,
      note: r.note,
      // A unit pairing with communities in two streets shows each reader only the communities inside their nodes.
      communities: mine.filter((c) => can(actor, 'volunteers.read', { path: c.path })).map((c) => ({ id: c.id, code: c.code, name: c.name, kind: c.kind })),
      inServiceMembers: Number(counts.find((c) => c.partner_unit_id === r.id)?.n ?? 0),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      abilities: canOnUnit(actor, 'volunteers.manage', mine) ? ['volunteers.read', 'volunteers.manage'] : ['volunteers.read'],
    };
  });
}

async function unitDetail(db: Db, actor: Actor, id: string, locale: Locale, timeZone: string) {
  const unit = (await repo.findUnit(db, id))!;
  const [view] = await unitViews(db, actor, [unit]);
  const resources = (await repo.resourcesOfUnits(db, [unit.id])).filter((r) => can(actor, 'volunteers.read', { path: r.path }));
  return { ...view!, sharedResources: resources.map((r) => sharedResourceView(r, locale, now(), timeZone)) };
}

export async function listPartnerUnits(db: Db, actor: Actor, q: { node?: string; q?: string; page?: number; pageSize?: number }) {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  const paths = listScope(actor, 'volunteers.read')?.paths ?? [];
  const p = limitOffset(q);
  const { rows, total } = await repo.listUnits(db, paths, { nodePath: await nodePathOf(db, q.node), q: q.q?.trim() || undefined, limit: p.limit, offset: p.offset });
  return { items: await unitViews(db, actor, rows), total, page: p.page, pageSize: p.pageSize };
}

export async function getPartnerUnit(db: Db, actor: Actor, id: string, locale: Locale, timeZone: string) {
  await readablePartnerUnit(db, actor, id);
  return unitDetail(db, actor, id, locale, timeZone);
}

export interface NewPartnerUnit {
  name: string;
  contactName?: string | null;
  contactPhone?: string | null;
  address?: string | null;
  note?: string | null;
  communities: string[];
}

/** 登记共建单位: a unit (大党委 member) paired with communities the actor manages. */
export async function registerPartnerUnit(db: Db, actor: Actor, input: NewPartnerUnit, locale: Locale, timeZone: string) {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (!listScope(actor, 'volunteers.manage')?.paths.length) throw new AppError('FORBIDDEN');
  const communities = [];
  for (const ref of input.communities) communities.push(await managedCommunity(db, actor, ref));
  const name = input.name.trim();
  if (await repo.findUnitByName(db, name)) throw new AppError('PARTNER_UNIT_EXISTS');
  const at = nowIso();
  const row: PartnerUnitRow = {
    id: newId(),
    name,
    contact_name: input.contactName?.trim() || null,
    contact_phone: checkedContactPhone(input.contactPhone) ?? null,
    address: input.address?.trim() || null,
    note: input.note?.trim() || null,
    created_at: at,
    updated_at: at,
  };
  await repo.insertUnit(db, row);
  for (const c of new Map(communities.map((c) => [c.id, c])).values()) await repo.addCommunity(db, row.id, c, at);
  return unitDetail(db, actor, row.id, locale, timeZone);
}

export type PartnerUnitPatch = Partial<NewPartnerUnit>;

export async function editPartnerUnit(db: Db, actor: Actor, id: string, patch: PartnerUnitPatch, locale: Locale, timeZone: string) {
  const { unit, communities } = await manageableUnit(db, actor, id);
  const at = nowIso();
  const changes: Partial<PartnerUnitRow> = { updated_at: at };
  if (patch.name !== undefined) {
    const name = patch.name.trim();
    const other = await repo.findUnitByName(db, name);
    if (other && other.id !== unit.id) throw new AppError('PARTNER_UNIT_EXISTS');
    changes.name = name;
  }
  if (patch.contactName !== undefined) changes.contact_name = patch.contactName?.trim() || null;
  if (patch.contactPhone !== undefined) changes.contact_phone = checkedContactPhone(patch.contactPhone) ?? null;
  if (patch.address !== undefined) changes.address = patch.address?.trim() || null;
  if (patch.note !== undefined) changes.note = patch.note?.trim() || null;
  if (patch.communities !== undefined) {
    const wanted = new Map<string, Paired>();
    for (const ref of patch.communities) {
      const c = communities.find((k) => k.id === ref || k.code === ref) ?? (await managedCommunity(db, actor, ref));
      wanted.set(c.id, c);
    }
    // Pairings the actor does not manage (they do not even see them) stay as they are.
    for (const c of communities) if (!wanted.has(c.id) && can(actor, 'volunteers.manage', { path: c.path })) await repo.removeCommunity(db, unit.id, c.id);
    for (const c of wanted.values()) if (!communities.some((k) => k.id === c.id)) await repo.addCommunity(db, unit.id, c, at);
  }
  await repo.updateUnit(db, unit.id, changes);
  return unitDetail(db, actor, unit.id, locale, timeZone);
}

export interface NewSharedResource {
  kind: string;
  name: string;
  description?: string | null;
  address?: string | null;
  location?: [number, number] | null;
  openingHours: WeeklySlot[];
  hoursNote?: string | null;
  community: string;
}

/** 共享资源: a unit opens a resource (parking, gym, toilets, meeting rooms) to the residents of a paired community. */
export async function addSharedResource(db: Db, actor: Actor, unitId: string, input: NewSharedResource, locale: Locale, timeZone: string) {
  const { unit, communities } = await manageableUnit(db, actor, unitId);
  const community = await managedCommunity(db, actor, input.community);
  if (!communities.some((c) => c.id === community.id)) throw new AppError('PARTNER_UNIT_NOT_PAIRED');
  const at = nowIso();
  const row: SharedResourceRow = {
    id: newId(),
    partner_unit_id: unit.id,
    community_id: community.id,
    path: community.path,
    kind: input.kind,
    name: input.name.trim(),
    description: input.description?.trim() || null,
    address: input.address?.trim() || null,
    lng: input.location?.[0] ?? null,
    lat: input.location?.[1] ?? null,
    opening_hours: JSON.stringify(checkedWeeklyHours(input.openingHours, 'openingHours')),
    hours_note: input.hoursNote?.trim() || null,
    active: 1,
    created_at: at,
    updated_at: at,
  };
  await repo.insertResource(db, row);
  await repo.updateUnit(db, unit.id, { updated_at: at });
  return unitDetail(db, actor, unit.id, locale, timeZone);
}

export type SharedResourcePatch = Partial<Omit<NewSharedResource, 'community'>> & { active?: boolean };

export async function editSharedResource(db: Db, actor: Actor, id: string, patch: SharedResourcePatch, locale: Locale, timeZone: string) {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  const row = await repo.findResource(db, id);
  // Resources are public, so their existence is no secret; changing one needs the community's management.
  if (!row) throw new AppError('SHARED_RESOURCE_NOT_FOUND');
  if (!can(actor, 'volunteers.manage', { path: row.path })) throw new AppError('FORBIDDEN');
  const changes: Partial<SharedResourceRow> = { updated_at: nowIso() };
  if (patch.kind !== undefined) changes.kind = patch.kind;
  if (patch.name !== undefined) changes.name = patch.name.trim();
  if (patch.description !== undefined) changes.description = patch.description?.trim() || null;
  if (patch.address !== undefined) changes.address = patch.address?.trim() || null;
  if (patch.location !== undefined) Object.assign(changes, { lng: patch.location?.[0] ?? null, lat: patch.location?.[1] ?? null });
  if (patch.openingHours !== undefined) changes.opening_hours = JSON.stringify(checkedWeeklyHours(patch.openingHours, 'openingHours'));
  if (patch.hoursNote !== undefined) changes.hours_note = patch.hoursNote?.trim() || null;
  if (patch.active !== undefined) changes.active = patch.active ? 1 : 0;
  await repo.updateResource(db, row.id, changes);
  return sharedResourceView((await repo.findResourceWithPlace(db, row.id))!, locale, now(), timeZone);
}

/** 共享资源清单: what partner units open to residents, for anyone (no personal data: units and places only). */
export async function listSharedResources(db: Db, q: { node?: string; kind?: string; page?: number; pageSize?: number }, locale: Locale, timeZone: string) {
  const p = limitOffset(q);
  const nodePath = q.node ? (await getOrgNode(db, q.node)).path : undefined;
  const { rows, total } = await repo.listActiveResources(db, { nodePath, kind: q.kind, limit: p.limit, offset: p.offset });
  const at = now();
  return { items: rows.map((r) => sharedResourceView(r, locale, at, timeZone)), total, page: p.page, pageSize: p.pageSize };
}
