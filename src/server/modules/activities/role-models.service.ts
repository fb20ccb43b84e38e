import { AppError, type Locale } from '../../http/errors.ts';
import { limitOffset } from '../../http/schemas.ts';
import { nowIso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { redactText } from '../../platform/redact.ts';
import { type Actor, can, listScope } from '../auth/permissions.ts';
import { findNode, nodesByIds } from '../org/org.repository.ts';
import type { Db } from './activities.repository.ts';
import { findResident } from './activities.repository.ts';
import { canManageAt, managedCommunity } from './activities.scope.ts';
import * as repo from './role-models.repository.ts';
import type { RoleModelRow } from './role-models.repository.ts';

type Person = { kind: 'resident' | 'talent'; id: string };

export interface RoleModelInput {
  title?: string;
  shownName?: string;
  story?: string;
  photoIds?: string[];
  people?: Person[];
}

function photoIdsOf(row: RoleModelRow): string[] {
  try {
    const v = JSON.parse(row.photo_ids);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

async function views(db: Db, actor: Actor, rows: RoleModelRow[], _locale: Locale) {
  const managed = rows.filter((r) => canManageAt(actor, r.path)).map((r) => r.id);
  const [communities, people] = await Promise.all([nodesByIds(db, [...new Set(rows.map((r) => r.community_id))]), repo.peopleOf(db, managed)]);
  const community = new Map(communities.map((c) => [c.id, c]));
  return rows.map((r) => {
    const c = community.get(r.community_id);
    const mine = managed.includes(r.id);
    return {
      id: r.id,
      title: r.title,
      shownName: r.shown_name,
      // The office writes for the public, but a phone number typed into a story still stays private (DESIGN: private by default).
      story: mine ? r.story : redactText(r.story),
      photoIds: photoIdsOf(r),
      community: { id: r.community_id, code: c?.code ?? '', name: c?.name ?? '', kind: c?.kind ?? 'community' },
      published: r.published === 1,
      publishedAt: r.published_at,
      ...(mine && { people: people.filter((p) => p.role_model_id === r.id).map((p) => ({ kind: p.kind, id: p.person_id, name: p.resident_name ?? p.talent_name ?? '' })) }),
      abilities: mine ? ['activities.manage'] : [],
    };
  });
}

async function view(db: Db, actor: Actor, id: string, locale: Locale) {
  return (await views(db, actor, [(await repo.findRoleModel(db, id))!], locale))[0]!;
}

/** The people a story is about, each one the office can see: residents it may read, talents it may read. */
async function checkedPeople(db: Db, actor: Actor, people: Person[]) {
  const seen = new Set<string>();
  const out = [];
  for (const p of people) {
    const key = `${p.kind}:${p.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (p.kind === 'resident') {
      const r = await findResident(db, p.id);
      if (!r || !can(actor, 'people.read', { path: r.path, householdId: r.household_id })) throw new AppError('ROLE_MODEL_PERSON_NOT_FOUND', { person: p });
    } else {
      const t = await repo.findTalent(db, p.id);
      if (!t || !can(actor, 'volunteers.read', { path: t.path })) throw new AppError('ROLE_MODEL_PERSON_NOT_FOUND', { person: p });
    }
    out.push({ kind: p.kind, person_id: p.id, position: out.length });
  }
  return out;
}

async function checkedPhotos(db: Db, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  const found = await repo.findPhotos(db, unique);
  if (found.length !== unique.length) throw new AppError('PHOTO_NOT_FOUND', { missing: unique.filter((p) => !found.includes(p)) });
  return unique;
}

/** 身边榜样: the office writes a story (unpublished until it publishes it). */
export async function createRoleModel(db: Db, actor: Actor, input: Required<Pick<RoleModelInput, 'title' | 'shownName' | 'story'>> & RoleModelInput & { community: string }, locale: Locale) {
  const community = await managedCommunity(db, actor, input.community);
  const at = nowIso();
  const row: RoleModelRow = {
    id: newId(),
    community_id: community.id,
    path: community.path,
    title: input.title.trim(),
    shown_name: input.shownName.trim(),
    story: input.story.trim(),
    photo_ids: JSON.stringify(await checkedPhotos(db, input.photoIds ?? [])),
    published: 0,
    published_at: null,
    created_by: actor.kind === 'account' ? actor.accountId : null,
    created_at: at,
    updated_at: at,
  };
  const people = await checkedPeople(db, actor, input.people ?? []);
  await repo.insertRoleModel(db, row);
  await repo.replacePeople(db, row.id, people);
  return view(db, actor, row.id, locale);
}

/** A story the actor may read: published ones are public, others only for the office that keeps them. */
async function readable(db: Db, actor: Actor, id: string): Promise<RoleModelRow> {
  const row = await repo.findRoleModel(db, id);
  if (!row || (row.published !== 1 && !canManageAt(actor, row.path))) throw new AppError('ROLE_MODEL_NOT_FOUND');
  return row;
}

async function manageable(db: Db, actor: Actor, id: string): Promise<RoleModelRow> {
  if (actor.kind !== 'account') throw new AppError('UNAUTHENTICATED');
  const row = await readable(db, actor, id);
  if (!canManageAt(actor, row.path)) throw new AppError('FORBIDDEN');
  return row;
}

export async function getRoleModel(db: Db, actor: Actor, id: string, locale: Locale) {
  await readable(db, actor, id);
  return view(db, actor, id, locale);
}

export async function editRoleModel(db: Db, actor: Actor, id: string, input: RoleModelInput, locale: Locale) {
  await manageable(db, actor, id);
  const patch: Partial<RoleModelRow> = { updated_at: nowIso() };
  if (input.title !== undefined) patch.title = input.title.trim();
  if (input.shownName !== undefined) patch.shown_name = input.shownName.trim();
  if (input.story !== undefined) patch.story = input.story.trim();
  if (input.photoIds !== undefined) patch.photo_ids = JSON.stringify(await checkedPhotos(db, input.photoIds));
  const people = input.people !== undefined ? await checkedPeople(db, actor, input.people) : undefined;
  await repo.updateRoleModel(db, id, patch);
  if (people) await repo.replacePeople(db, id, people);
  return view(db, actor, id, locale);
}

/** Publishes or withdraws a story from residents and the public. */
export async function setRoleModelPublished(db: Db, actor: Actor, id: string, published: boolean, locale: Locale) {
  const row = await manageable(db, actor, id);
  const at = nowIso();
  await repo.updateRoleModel(db, id, { published: published ? 1 : 0, published_at: published ? (row.published === 1 ? row.published_at : at) : null, updated_at: at });
  return view(db, actor, id, locale);
}

/** Published stories of a community (or all), and the caller's office's unpublished ones. */
export async function listRoleModels(db: Db, actor: Actor, q: { community?: string; page?: number; pageSize?: number }, locale: Locale) {
  let communityId: string | undefined;
  if (q.community) {
    const node = await findNode(db, q.community);
    if (!node) throw new AppError('ORG_NODE_NOT_FOUND', { community: q.community });
    communityId = node.id;
  }
  const p = limitOffset(q);
  const managed = listScope(actor, 'activities.manage')?.paths ?? [];
  const { rows, total } = await repo.listRoleModels(db, { managed, communityId, limit: p.limit, offset: p.offset });
  return { items: await views(db, actor, rows, locale), total, page: p.page, pageSize: p.pageSize };
}
