import type { ContactPreference, TalentOrigin, TalentStatus } from '../../db/tables.ts';
import { AppError, type Locale } from '../../http/errors.ts';
import { limitOffset } from '../../http/schemas.ts';
import { nowIso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { isValidMobile } from '../../platform/privacy.ts';
import { recordAudit } from '../auth/auth.service.ts';
import { type Action, type Actor, can, isStaff, listScope } from '../auth/permissions.ts';
import { findNode } from '../org/org.repository.ts';
import { assertCanOn, nodePathOf } from '../people/people.scope.ts';
import { statusDetails } from './labels.ts';
import { readablePartnerUnit } from './partner-units.service.ts';
import { placeOfNode, residentWithPlace, type TalentPlace } from './places.ts';
import { actorLabel, recordTalentEvent } from './talent-events.ts';
import * as teamsRepo from './teams.repository.ts';
import * as repo from './talents.repository.ts';
import type { Db, TalentRow, TalentWithPerson } from './talents.repository.ts';
import { readableTalent, talentFor, talentVisibility } from './talents.scope.ts';
import { talentPhone, talentTarget, talentView, talentViews } from './talents.views.ts';
import { checkedWeeklyHours, type WeeklySlot } from './weekly-hours.ts';

/** The audit action of a staff read of a talent's unmasked phone. */
export const TALENT_PERSONAL_DATA_READ = 'talent.personal_data.read';

export interface SkillInput {
  skill: string;
  level: number;
}

function checkedSkills(skills: readonly SkillInput[]): SkillInput[] {
  const seen = new Set<string>();
  for (const s of skills) {
    if (seen.has(s.skill)) throw new AppError('VALIDATION_FAILED', [{ field: 'body/skills', problem: `skill ${s.skill} is listed twice` }]);
    seen.add(s.skill);
  }
  return [...skills];
}

function checkedMobile(phone: string): string {
  const trimmed = phone.trim();
  if (!isValidMobile(trimmed)) throw new AppError('PHONE_INVALID', { field: 'phone' });
  return trimmed;
}

function assertSignedIn(actor: Actor): asserts actor is Extract<Actor, { kind: 'account' }> {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (actor.kind !== 'account') throw new AppError('FORBIDDEN');
}

export async function listTalents(
  db: Db,
  actor: Actor,
  q: { node?: string; skill?: string; status?: TalentStatus; origin?: TalentOrigin; team?: string; reserve?: boolean; withoutGrid?: boolean; q?: string; page?: number; pageSize?: number },
  locale: Locale,
) {
  const vis = talentVisibility(actor);
  const p = limitOffset(q);
  const { rows, total } = await repo.listTalents(db, vis, {
    nodePath: await nodePathOf(db, q.node),
    skill: q.skill,
    status: q.status,
    origin: q.origin,
    teamId: q.team,
    reserve: q.reserve,
    withoutGrid: q.withoutGrid,
    q: q.q?.trim() || undefined,
    limit: p.limit,
    offset: p.offset,
  });
  return { items: await talentViews(db, actor, rows, locale), total, page: p.page, pageSize: p.pageSize };
}

export async function getTalent(db: Db, actor: Actor, id: string, locale: Locale) {
  return talentView(db, actor, await readableTalent(db, actor, id), locale);
}

/** The signed-in resident's own talent record, so the app knows they are a talent (404 when they are not one). */
export async function getMyTalent(db: Db, actor: Actor, locale: Locale) {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  const row = actor.kind === 'account' && actor.residentId ? await repo.findTalentByResident(db, actor.residentId) : undefined;
  if (!row) throw new AppError('TALENT_NOT_FOUND');
  return talentView(db, actor, row, locale);
}

export interface TalentProposal {
  origin: TalentOrigin;
  resident?: string;
  name?: string;
  phone?: string;
  node?: string;
  partnerUnit?: string;
  recommender?: string;
  skills: SkillInput[];
  availability?: WeeklySlot[];
  contactPreference?: ContactPreference;
  note?: string;
}

// Who may put a talent forward in each way, and with which action at the talent's place: 001 "网格摸排+群众推荐+
// 个人自荐" — a grid worker records a survey find, the community records recommendations brought to it and
// registers in-service members (双报到); a resident nominates themselves.
const ORIGIN_ACTION: Record<TalentOrigin, Action> = {
  survey: 'volunteers.survey',
  recommendation: 'volunteers.manage',
  in_service: 'volunteers.manage',
  self_nomination: 'volunteers.nominate',
};

interface Person {
  residentId: string | null;
  name: string;
  phone: string | null;
  householdId: string | null;
  place: TalentPlace;
}

/** TALENT_EXISTS, naming the existing record only to someone who may read it. */
function existsError(actor: Actor, existing: TalentWithPerson): AppError {
  return new AppError('TALENT_EXISTS', can(actor, 'volunteers.read', talentTarget(existing)) ? { talentId: existing.id, ...statusDetails(existing.status) } : undefined);
}

/** The person a proposal is about: a resident the actor may read, or a name and mobile number placed at a node. */
async function personOf(db: Db, actor: Extract<Actor, { kind: 'account' }>, input: TalentProposal): Promise<Person> {
  const residentId = input.resident ?? (input.origin === 'self_nomination' ? actor.residentId : null);
  if (residentId) {
    if (input.name !== undefined || input.phone !== undefined) {
      throw new AppError('VALIDATION_FAILED', [{ field: 'body/name', problem: "a resident's name and phone are kept in their resident record" }]);
    }
    const { resident, place } = await residentWithPlace(db, actor, residentId);
    const at = input.node ? await placeOfNode(db, input.node) : place;
    return { residentId: resident.id, name: resident.name, phone: null, householdId: resident.household_id, place: at };
  }
  if (input.origin === 'self_nomination' || !input.name || !input.phone || !input.node) throw new AppError('TALENT_PERSON_REQUIRED');
  return { residentId: null, name: input.name.trim(), phone: checkedMobile(input.phone), householdId: null, place: await placeOfNode(db, input.node) };
}

/**
 * 能人入库申请: puts a person forward for the talent pool (proposed, for staff to confirm). A declined or retired
 * talent put forward again returns to `proposed` in the same file; one already proposed or confirmed is refused.
 */
export async function proposeTalent(db: Db, actor: Actor, input: TalentProposal, locale: Locale) {
  assertSignedIn(actor);
  const skills = checkedSkills(input.skills);
  const availability = checkedWeeklyHours(input.availability ?? [], 'availability');
  if (input.origin === 'self_nomination' && !input.resident && !actor.residentId) throw new AppError('TALENT_ORIGIN_NOT_ALLOWED');
  const person = await personOf(db, actor, input);
  // A resident nominating themselves acts on their own household; anyone else acts at the talent's place.
  const selfNomination = input.origin === 'self_nomination' && person.residentId === actor.residentId;
  // A resident nominating themselves belongs to their own grid; only staff place a talent elsewhere.
  if (selfNomination && input.node !== undefined && !can(actor, 'volunteers.manage', { path: person.place.path })) {
    throw new AppError('VALIDATION_FAILED', [{ field: 'body/node', problem: 'a resident belongs to their own grid' }]);
  }
  const action: Action = selfNomination ? 'volunteers.nominate' : input.origin === 'self_nomination' ? 'volunteers.manage' : ORIGIN_ACTION[input.origin];
  if (!can(actor, action, { path: person.place.path, householdId: selfNomination ? person.householdId : null })) {
    // Someone who may do this elsewhere is outside their node here (404); someone who may not do it at all is told so.
    throw new AppError(listScope(actor, action) ? 'ORG_NODE_NOT_FOUND' : 'TALENT_ORIGIN_NOT_ALLOWED');
  }
  if (input.origin === 'in_service' && !input.partnerUnit) throw new AppError('PARTNER_UNIT_REQUIRED');
  const unit = input.partnerUnit ? await readablePartnerUnit(db, actor, input.partnerUnit) : null;
  const recommender = input.recommender ? (await residentWithPlace(db, actor, input.recommender)).resident : null;
  if (recommender && input.origin !== 'recommendation') throw new AppError('VALIDATION_FAILED', [{ field: 'body/recommender', problem: 'only for origin recommendation' }]);

  const existing = person.residentId ? await repo.findTalentByResident(db, person.residentId) : await repo.findTalentByPhone(db, person.phone!);
  const at = nowIso();
  if (existing) {
    if (existing.status === 'proposed' || existing.status === 'confirmed') throw existsError(actor, existing);
    const moved = await repo.moveTalentStatus(db, existing.id, [existing.status], { status: 'proposed', status_reason: null, updated_at: at });
    if (!moved) throw new AppError('CONFLICT');
    await addProposedSkills(db, existing.id, skills, at);
    await recordTalentEvent(db, actor, existing.id, 'reproposed', { from: existing.status, to: 'proposed', note: input.note ?? null, data: { origin: input.origin, skills: skills.map((s) => s.skill), recommenderName: recommender?.name ?? null } });
    return { created: false, view: await talentView(db, actor, (await repo.findTalent(db, existing.id))!, locale) };
  }

  const row: TalentRow = {
    id: newId(),
    origin: input.origin,
    status: 'proposed',
    resident_id: person.residentId,
    name: person.name,
    phone: person.phone,
    partner_unit_id: unit?.id ?? null,
    community_id: person.place.communityId,
    grid_id: person.place.gridId,
    path: person.place.path,
    contact_preference: input.contactPreference ?? 'phone',
    availability: JSON.stringify(availability),
    reserve_candidate: 0,
    reserve_note: null,
    note: input.note?.trim() || null,
    status_reason: null,
    recommender_name: recommender?.name ?? null,
    recommended_by_account_id: null,
    created_by_account_id: actor.accountId,
    confirmed_at: null,
    confirmed_by_account_id: null,
    created_at: at,
    updated_at: at,
  };
  await repo.insertTalent(db, row);
  await addProposedSkills(db, row.id, skills, at);
  // A talent serves their own community unless staff say otherwise.
  await repo.replaceServiceAreas(db, row.id, [{ id: person.place.communityId, path: communityPath(person.place) }]);
  await recordTalentEvent(db, actor, row.id, 'proposed', { to: 'proposed', note: row.note, data: { origin: input.origin, skills: skills.map((s) => s.skill), recommenderName: row.recommender_name } });
  return { created: true, view: await talentView(db, actor, (await repo.findTalent(db, row.id))!, locale) };
}

/** The path of the talent's community, read off the path of their place (the community is on it). */
function communityPath(place: TalentPlace): string {
  const parts = place.path.split('/').filter(Boolean);
  const index = parts.indexOf(place.communityId);
  return `/${parts.slice(0, index + 1).join('/')}/`;
}

/** Skills put forward and not yet held, unconfirmed; skills already held keep their level. */
async function addProposedSkills(db: Db, talentId: string, skills: SkillInput[], at: string): Promise<void> {
  const held = new Set((await repo.skillsOf(db, [talentId])).map((s) => s.skill));
  await repo.insertSkills(
    db,
    skills.filter((s) => !held.has(s.skill)).map((s) => ({ talent_id: talentId, skill: s.skill, level: s.level, confirmed_by_account_id: null, confirmed_by_label: null, confirmed_at: null, created_at: at, updated_at: at })),
  );
}

/**
 * 群众推荐: a resident recommends someone (name, mobile number, skills, why). The answer says only that it was
 * received: whether the person is already in the pool is not the recommender's to know. A person already
 * proposed or confirmed gets the recommendation in their history and any new skills, unconfirmed.
 */
export async function recommendTalent(db: Db, actor: Actor, input: { name: string; phone: string; skills: { skill: string; level?: number }[]; note?: string }, locale: Locale) {
  assertSignedIn(actor);
  if (!actor.residentId) throw new AppError('TALENT_ORIGIN_NOT_ALLOWED');
  const { resident, place } = await residentWithPlace(db, actor, actor.residentId);
  assertCanOn(actor, 'volunteers.nominate', { path: resident.path, householdId: resident.household_id }, 'RESIDENT_NOT_FOUND');
  const skills = checkedSkills(input.skills.map((s) => ({ skill: s.skill, level: s.level ?? 1 })));
  const phone = checkedMobile(input.phone);
  const at = nowIso();
  const data = { origin: 'recommendation', skills: skills.map((s) => s.skill), recommenderName: resident.name, recommendedName: input.name.trim() };
  const existing = await repo.findTalentByPhone(db, phone);
  if (existing) {
    const active = existing.status === 'proposed' || existing.status === 'confirmed';
    if (!active && !(await repo.moveTalentStatus(db, existing.id, [existing.status], { status: 'proposed', status_reason: null, updated_at: at }))) throw new AppError('CONFLICT');
    if (active) await repo.updateTalent(db, existing.id, { updated_at: at });
    await addProposedSkills(db, existing.id, skills, at);
    await recordTalentEvent(db, actor, existing.id, active ? 'recommended' : 'reproposed', { from: active ? null : existing.status, to: active ? null : 'proposed', note: input.note?.trim() || null, data });
  } else {
    const id = newId();
    await repo.insertTalent(db, {
      id,
      origin: 'recommendation',
      status: 'proposed',
      resident_id: null,
      name: input.name.trim(),
      phone,
      partner_unit_id: null,
      community_id: place.communityId,
      grid_id: place.gridId,
      path: place.path,
      contact_preference: 'phone',
      availability: '[]',
      reserve_candidate: 0,
      reserve_note: null,
      note: input.note?.trim() || null,
      status_reason: null,
      recommender_name: resident.name,
      recommended_by_account_id: actor.accountId,
      created_by_account_id: actor.accountId,
      confirmed_at: null,
      confirmed_by_account_id: null,
      created_at: at,
      updated_at: at,
    });
    await addProposedSkills(db, id, skills, at);
    await repo.replaceServiceAreas(db, id, [{ id: place.communityId, path: communityPath(place) }]);
    await recordTalentEvent(db, actor, id, 'proposed', { to: 'proposed', note: input.note?.trim() || null, data });
  }
  return {
    receivedAt: at,
    message: locale === 'en' ? 'Thank you: the community will contact the person you recommended.' : '感谢推荐！社区将与被推荐人联系并核实。',
  };
}

async function reloaded(db: Db, actor: Actor, id: string, locale: Locale) {
  return talentView(db, actor, (await repo.findTalent(db, id))!, locale);
}

async function moveStatus(db: Db, row: TalentWithPerson, from: readonly TalentStatus[], patch: Partial<TalentRow> & { status: TalentStatus }): Promise<void> {
  if (!from.includes(row.status)) throw new AppError('TALENT_STATUS_CONFLICT', statusDetails(row.status));
  if (!(await repo.moveTalentStatus(db, row.id, from, patch))) {
    const now = await repo.findTalent(db, row.id);
    throw new AppError('TALENT_STATUS_CONFLICT', statusDetails(now?.status ?? row.status));
  }
}

/** 确认入库: staff confirm a proposed talent and their skills (at the levels given, else as proposed). */
export async function confirmTalent(db: Db, actor: Actor, id: string, input: { skills?: SkillInput[]; note?: string }, locale: Locale) {
  const row = await talentFor(db, actor, id, 'volunteers.manage');
  const levels = checkedSkills(input.skills ?? []);
  const held = await repo.skillsOf(db, [row.id]);
  for (const s of levels) if (!held.some((h) => h.skill === s.skill)) throw new AppError('TALENT_SKILL_NOT_FOUND', { skill: s.skill });
  const at = nowIso();
  await moveStatus(db, row, ['proposed'], { status: 'confirmed', confirmed_at: at, confirmed_by_account_id: actor.kind === 'account' ? actor.accountId : null, status_reason: null, updated_at: at });
  for (const h of held) {
    if (h.confirmed_at && !levels.some((s) => s.skill === h.skill)) continue;
    const level = levels.find((s) => s.skill === h.skill)?.level ?? h.level;
    await repo.updateSkill(db, row.id, h.skill, { level, confirmed_by_account_id: actor.kind === 'account' ? actor.accountId : null, confirmed_by_label: actorLabel(actor), confirmed_at: at, updated_at: at });
  }
  await recordTalentEvent(db, actor, row.id, 'confirmed', { from: 'proposed', to: 'confirmed', note: input.note?.trim() || null });
  return reloaded(db, actor, row.id, locale);
}

/** 不予入库: staff decline a proposed talent, saying why. */
export async function declineTalent(db: Db, actor: Actor, id: string, reason: string, locale: Locale) {
  const row = await talentFor(db, actor, id, 'volunteers.manage');
  await moveStatus(db, row, ['proposed'], { status: 'declined', status_reason: reason.trim(), updated_at: nowIso() });
  await recordTalentEvent(db, actor, row.id, 'declined', { from: 'proposed', to: 'declined', note: reason.trim() });
  return reloaded(db, actor, row.id, locale);
}

/** 退出能人库: a talent stops serving; they leave their teams (a team they led loses its leader). */
export async function retireTalent(db: Db, actor: Actor, id: string, reason: string, locale: Locale) {
  const row = await talentFor(db, actor, id, 'volunteers.manage');
  const at = nowIso();
  await moveStatus(db, row, ['proposed', 'confirmed'], { status: 'retired', status_reason: reason.trim(), reserve_candidate: 0, updated_at: at });
  for (const team of await repo.teamsOfTalents(db, [row.id])) {
    await teamsRepo.deleteMember(db, team.id, row.id);
    if (team.leader_talent_id === row.id) await teamsRepo.updateTeam(db, team.id, { leader_talent_id: null, updated_at: at });
    await recordTalentEvent(db, actor, row.id, 'team_left', { data: { teamId: team.id, teamName: team.name } });
  }
  await recordTalentEvent(db, actor, row.id, 'retired', { from: row.status, to: 'retired', note: reason.trim() });
  return reloaded(db, actor, row.id, locale);
}

export interface TalentPatch {
  resident?: string;
  name?: string;
  phone?: string;
  node?: string;
  partnerUnit?: string | null;
  availability?: WeeklySlot[];
  serviceAreas?: string[];
  contactPreference?: ContactPreference;
  note?: string | null;
}

/** 修改能人信息: staff correct where a talent belongs, how to reach them, when and where they serve. */
export async function editTalent(db: Db, actor: Actor, id: string, patch: TalentPatch, locale: Locale) {
  const row = await talentFor(db, actor, id, 'volunteers.manage');
  const changes: Partial<TalentRow> = {};
  if (patch.resident !== undefined && patch.resident !== row.resident_id) {
    if (row.resident_id) throw new AppError('VALIDATION_FAILED', [{ field: 'body/resident', problem: 'the talent is already linked to another resident' }]);
    const { resident, place } = await residentWithPlace(db, actor, patch.resident);
    const other = await repo.findTalentByResident(db, resident.id);
    if (other) throw existsError(actor, other);
    Object.assign(changes, { resident_id: resident.id, name: resident.name, phone: null, community_id: place.communityId, grid_id: place.gridId, path: place.path });
  }
  if (patch.name !== undefined || patch.phone !== undefined) {
    if (row.resident_id || changes.resident_id) throw new AppError('VALIDATION_FAILED', [{ field: 'body/name', problem: "a resident's name and phone are kept in their resident record" }]);
    if (patch.name !== undefined) changes.name = patch.name.trim();
    if (patch.phone !== undefined) changes.phone = checkedMobile(patch.phone);
  }
  if (patch.node !== undefined) {
    const place = await placeOfNode(db, patch.node);
    assertCanOn(actor, 'volunteers.manage', { path: place.path }, 'ORG_NODE_NOT_FOUND');
    Object.assign(changes, { community_id: place.communityId, grid_id: place.gridId, path: place.path });
  }
  if (patch.partnerUnit !== undefined) changes.partner_unit_id = patch.partnerUnit === null ? null : (await readablePartnerUnit(db, actor, patch.partnerUnit)).id;
  if (patch.availability !== undefined) changes.availability = JSON.stringify(checkedWeeklyHours(patch.availability, 'availability'));
  if (patch.contactPreference !== undefined) changes.contact_preference = patch.contactPreference;
  if (patch.note !== undefined) changes.note = patch.note?.trim() || null;
  if (patch.serviceAreas !== undefined) {
    const nodes = [];
    for (const ref of patch.serviceAreas) {
      const node = await placeOfAnyNode(db, ref);
      assertCanOn(actor, 'volunteers.manage', { path: node.path }, 'ORG_NODE_NOT_FOUND');
      nodes.push(node);
    }
    await repo.replaceServiceAreas(db, row.id, [...new Map(nodes.map((n) => [n.id, n])).values()]);
  }
  const at = nowIso();
  await repo.updateTalent(db, row.id, { ...changes, updated_at: at });
  await recordTalentEvent(db, actor, row.id, 'edited', { data: { fields: Object.keys(patch) } });
  return reloaded(db, actor, row.id, locale);
}

async function placeOfAnyNode(db: Db, ref: string) {
  const node = await findNode(db, ref);
  if (!node) throw new AppError('ORG_NODE_NOT_FOUND', { node: ref });
  return node;
}

/** 确认技能: staff set a skill and its level, confirmed by them now (added if the talent did not have it). */
export async function setTalentSkill(db: Db, actor: Actor, id: string, skill: string, level: number, locale: Locale) {
  const row = await talentFor(db, actor, id, 'volunteers.manage');
  const at = nowIso();
  const held = (await repo.skillsOf(db, [row.id])).some((s) => s.skill === skill);
  const confirmation = { level, confirmed_by_account_id: actor.kind === 'account' ? actor.accountId : null, confirmed_by_label: actorLabel(actor), confirmed_at: at, updated_at: at };
  if (held) await repo.updateSkill(db, row.id, skill, confirmation);
  else await repo.insertSkills(db, [{ talent_id: row.id, skill, created_at: at, ...confirmation }]);
  await repo.updateTalent(db, row.id, { updated_at: at });
  await recordTalentEvent(db, actor, row.id, 'skill_set', { data: { skill, level } });
  return reloaded(db, actor, row.id, locale);
}

/** 移除技能: a talent keeps at least one skill. */
export async function removeTalentSkill(db: Db, actor: Actor, id: string, skill: string, locale: Locale) {
  const row = await talentFor(db, actor, id, 'volunteers.manage');
  const held = await repo.skillsOf(db, [row.id]);
  if (!held.some((s) => s.skill === skill)) throw new AppError('TALENT_SKILL_NOT_FOUND', { skill });
  if (held.length === 1) throw new AppError('TALENT_LAST_SKILL');
  await repo.deleteSkill(db, row.id, skill);
  await repo.updateTalent(db, row.id, { updated_at: nowIso() });
  await recordTalentEvent(db, actor, row.id, 'skill_removed', { data: { skill } });
  return reloaded(db, actor, row.id, locale);
}

/**
 * 后备力量: staff mark a confirmed talent as a reserve candidate (001: "把能人培养成基层后备力量"), with a note,
 * or take the mark off.
 */
export async function markReserveCandidate(db: Db, actor: Actor, id: string, input: { candidate: boolean; note?: string }, locale: Locale) {
  const row = await talentFor(db, actor, id, 'volunteers.manage');
  if (input.candidate && row.status !== 'confirmed') throw new AppError('TALENT_STATUS_CONFLICT', statusDetails(row.status));
  const note = input.note?.trim() || null;
  await repo.updateTalent(db, row.id, { reserve_candidate: input.candidate ? 1 : 0, reserve_note: input.candidate ? note : null, updated_at: nowIso() });
  await recordTalentEvent(db, actor, row.id, input.candidate ? 'reserve_marked' : 'reserve_cleared', { note });
  return reloaded(db, actor, row.id, locale);
}

/**
 * 查看联系方式: a talent's unmasked phone, for roles that may see personal data at the talent's place. Every read
 * by staff is written to the audit log in the same transaction.
 */
export async function revealTalentPersonalData(db: Db, actor: Actor, id: string) {
  const row = await readableTalent(db, actor, id);
  assertCanOn(actor, 'people.reveal', talentTarget(row), 'TALENT_NOT_FOUND');
  if (isStaff(actor)) await recordAudit(db, actor, TALENT_PERSONAL_DATA_READ, 'talent', row.id);
  return { id: row.id, name: row.resident_name ?? row.name, phone: talentPhone(row) };
}
