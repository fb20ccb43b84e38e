import type { AppContext } from '../../context.ts';
import { isUniqueViolation } from '../../db/store-errors.ts';
import { AppError, type Locale } from '../../http/errors.ts';
import { nowIso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { type Actor, can, isStaff } from '../auth/permissions.ts';
import { mayTake } from '../cases/cases.policy.ts';
import type { CaseRow } from '../cases/cases.repository.ts';
import { type Tx, assertAllowed } from '../cases/engine.ts';
import { allows } from '../cases/lifecycle.ts';
import * as handling from '../cases/handling.service.ts';
import { submitCase } from '../cases/intake.service.ts';
import { pointsFor } from '../points/earning.service.ts';
import { findRule } from '../points/rules.repository.ts';
import { matchTalents } from '../volunteers/matching.service.ts';
import { findTeam } from '../volunteers/teams.repository.ts';
import { satisfactionOf } from './labels.ts';
import { ORDER_CATEGORY, ORDER_KIND, orderData } from './orders.kind.ts';
import * as repo from './orders.repository.ts';
import type { Db, OrderRow } from './orders.repository.ts';
import { readableOrder } from './orders.scope.ts';

export interface NewOrder {
  skill: string;
  description: string;
  wantedAt?: string;
  location?: { lng: number; lat: number };
  compoundId?: string;
  address?: string;
  photoIds?: string[];
  /** A number the talent may call; the requester's own phone on record when not given. */
  contactPhone?: string;
  /** 代办: staff ordering for a resident, with how the resident agreed. */
  forResident?: { residentId: string; consent: string };
}

/** The resident an order is for: the signed-in resident, or the one staff order for (who must be in their reach). */
async function requesterOf(db: Db, actor: Actor, input: NewOrder) {
  if (actor.kind !== 'account') throw new AppError('UNAUTHENTICATED');
  const staff = isStaff(actor);
  // Ordering for someone else is 代办, which only staff do (with the resident's consent on record).
  if (!staff && input.forResident) throw new AppError('FORBIDDEN');
  const residentId = staff ? input.forResident?.residentId : actor.residentId;
  if (staff && !input.forResident) throw new AppError('ORDER_REQUESTER_REQUIRED');
  if (!residentId) throw new AppError('ORDER_RESIDENT_ONLY');
  const resident = await db
    .selectFrom('residents')
    .innerJoin('households', 'households.id', 'residents.household_id')
    .leftJoin('org_nodes as grid', 'grid.id', 'residents.grid_id')
    .select(['residents.id', 'residents.name', 'residents.phone', 'residents.path', 'residents.household_id', 'households.compound_id', 'households.address', 'grid.centroid_lng', 'grid.centroid_lat'])
    .where('residents.id', '=', residentId)
    .executeTakeFirst();
  if (!resident || (staff && !can(actor, 'people.read', { path: resident.path, householdId: resident.household_id }))) throw new AppError('RESIDENT_NOT_FOUND');
  return resident;
}

/**
 * 群众点单: a resident orders a service in the app (or staff for them, 代办) — a skill, what is wanted, when
 * and where (a point, a compound, or by default their own compound). It becomes a case of kind
 * `service_order` in its community's queue, with the time limits of 志愿服务需求, and its order record.
 */
export async function createOrder(tx: Tx, ctx: AppContext, actor: Actor, input: NewOrder): Promise<OrderRow> {
  const resident = await requesterOf(tx.db, actor, input);
  const staff = isStaff(actor);
  const own = !input.location && !input.compoundId;
  // Without a place given the service is at home: the compound, or the grid's centre with the household's address.
  const location = input.location ?? (own && !resident.compound_id && resident.centroid_lng !== null && resident.centroid_lat !== null ? { lng: resident.centroid_lng, lat: resident.centroid_lat } : undefined);
  const phone = input.contactPhone ?? resident.phone ?? undefined;
  const { case: c } = await submitCase(tx, ctx, actor, {
    kind: ORDER_KIND,
    channel: staff ? 'proxy' : 'app',
    description: input.description,
    location,
    compoundId: input.compoundId ?? (own ? resident.compound_id ?? undefined : undefined),
    address: input.address ?? (own ? resident.address : undefined),
    category: ORDER_CATEGORY,
    photoIds: input.photoIds,
    contactPreference: 'app',
    ...(staff ? { proxyFor: { residentId: resident.id, name: resident.name, phone, consent: input.forResident!.consent } } : { reporter: { phone } }),
    data: { skill: input.skill, ...(input.wantedAt ? { wantedAt: input.wantedAt } : {}) },
  });
  if (!c.community_id) throw new AppError('MATCH_PLACE_OUTSIDE_GRIDS');
  const at = nowIso();
  const order: repo.ServiceOrderRow = { case_id: c.id, community_id: c.community_id, path: c.path, skill: input.skill, requester_resident_id: resident.id, talent_id: null, team_id: null, hours: null, points: 0, points_outcome: null, transfer_id: null, verified_at: null, created_at: at, updated_at: at };
  await repo.insertOrder(tx.db, order);
  return { case: c, order };
}

/** The place matching ranks candidates around: the order's point (its grid found from it). */
function placeOf(c: CaseRow) {
  return { lng: c.lng, lat: c.lat };
}

/**
 * 匹配: talents ranked for this order by skill, distance, free hours at the wanted time and their open orders,
 * each with the reasons, leaving out those who already declined it; and the community's teams.
 */
export async function matchesForStaff(db: Db, ctx: AppContext, actor: Actor, row: OrderRow, locale: Locale, within: string[] | null, limit = 10) {
  if (!can(actor, 'cases.dispatch', { path: row.case.path })) throw new AppError('FORBIDDEN');
  return matchesFor(db, ctx, row.case, locale, within, limit);
}

export async function matchesFor(db: Db, ctx: AppContext, c: CaseRow, locale: Locale, within: string[] | null, limit = 10) {
  const d = orderData(c);
  const declined = new Set(d.declinedTalentIds ?? []);
  const m = await matchTalents(db, ctx.geo, ctx.calendar.timeZone, { skill: d.skill, place: placeOf(c), at: d.wantedAt ? new Date(d.wantedAt) : null, limit: limit + declined.size, within, load: (ids) => repo.openLoads(db, ids) }, locale);
  const talents = m.talents.filter((t) => !declined.has(t.id)).slice(0, limit).map((t, i) => ({ ...t, rank: i + 1 }));
  return { ...m, talents, declinedTalentIds: [...declined] };
}

/**
 * 社区派单: the community office dispatches a waiting order to a talent, or to a team (its leader takes it and
 * the team is recorded). The case stays with the community as its unit; the talent must be a confirmed talent
 * with the skill who serves the place, and not one who declined this order.
 */
export async function dispatchOrder(tx: Tx, ctx: AppContext, actor: Actor, ref: string, input: { talentId?: string; teamId?: string }, locale: Locale): Promise<OrderRow> {
  if (!input.talentId === !input.teamId) throw new AppError('ORDER_TARGET_REQUIRED');
  const { case: c, rel } = await readableOrder(tx.db, ctx, actor, ref);
  // The state's refusal names the state (409); then the policy's (403), before anything about the talent is said.
  if (!allows('dispatch', c.state)) assertAllowed(c, 'dispatch', actor);
  if (!mayTake(actor, c, 'dispatch', rel)) throw new AppError('FORBIDDEN');
  let talentId = input.talentId;
  let teamName: string | null = null;
  if (input.teamId) {
    const team = await findTeam(tx.db, input.teamId);
    if (!team || !c.path.startsWith(team.path) || !team.leader_talent_id) throw new AppError('ORDER_TEAM_UNSUITABLE');
    talentId = team.leader_talent_id;
    teamName = team.name;
  }
  const d = orderData(c);
  if (d.declinedTalentIds?.includes(talentId!)) throw new AppError('ORDER_TALENT_DECLINED');
  const candidates = (await matchTalents(tx.db, ctx.geo, ctx.calendar.timeZone, { skill: d.skill, place: placeOf(c), limit: 10_000, within: null }, locale)).talents;
  const chosen = candidates.find((t) => t.id === talentId);
  if (!chosen) throw new AppError(input.teamId ? 'ORDER_TEAM_UNSUITABLE' : 'ORDER_TALENT_UNSUITABLE');
  const note = teamName ? `派给队伍：${teamName}（队长 ${chosen.name}）` : `派给能人：${chosen.name}`;
  const next = await handling.dispatchCase(tx, ctx, actor, c.id, { node: c.community_id ?? undefined }, { data: () => ({ talentId, teamId: input.teamId }), note });
  await repo.updateOrder(tx.db, c.id, { talent_id: talentId!, team_id: input.teamId ?? null, updated_at: nowIso() });
  await notifyTalent(tx, talentId!, next);
  return { case: next, order: (await repo.findOrder(tx.db, c.id))! };
}

/** The engine tells handlers and reporters; a talent is neither, so the dispatch tells their account itself. */
async function notifyTalent(tx: Tx, talentId: string, c: CaseRow): Promise<void> {
  const account = await tx.db.selectFrom('talents').innerJoin('accounts', 'accounts.resident_id', 'talents.resident_id').select('accounts.id').where('talents.id', '=', talentId).executeTakeFirst();
  if (!account) return;
  await tx.db.insertInto('notifications').values({ id: newId(), account_id: account.id, case_id: c.id, kind: 'order.dispatched', data: JSON.stringify({ number: c.number, state: c.state, title: c.title }), created_at: nowIso(), read_at: null }).execute();
}

/** 接单: the talent (or staff for a talent without an account) takes the order on. */
export async function acceptOrder(tx: Tx, ctx: AppContext, actor: Actor, ref: string): Promise<OrderRow> {
  const { case: c, order } = await readableOrder(tx.db, ctx, actor, ref);
  return { case: await handling.acceptCase(tx, ctx, actor, c.id), order };
}

/**
 * 谢绝: the talent hands the order back with a reason; it returns to the community's queue without a talent,
 * and they are not suggested for it again.
 */
export async function declineOrder(tx: Tx, ctx: AppContext, actor: Actor, ref: string, reason: string): Promise<OrderRow> {
  const { case: c } = await readableOrder(tx.db, ctx, actor, ref);
  const next = await handling.returnCase(tx, ctx, actor, c.id, reason, (cur) => {
    const d = orderData(cur);
    return { talentId: undefined, teamId: undefined, declinedTalentIds: [...new Set([...(d.declinedTalentIds ?? []), ...(d.talentId ? [d.talentId] : [])])] };
  });
  await repo.updateOrder(tx.db, c.id, { talent_id: null, team_id: null, updated_at: nowIso() });
  return { case: next, order: (await repo.findOrder(tx.db, c.id))! };
}

/**
 * 完成服务: the talent reports it done with the result, the hours and photos. Hours the community's
 * service-hour rule cannot turn into whole points are refused now, not at verification.
 */
export async function completeOrder(tx: Tx, ctx: AppContext, actor: Actor, ref: string, input: { result: string; hours: number; photoIds?: string[] }): Promise<OrderRow> {
  const { case: c, order } = await readableOrder(tx.db, ctx, actor, ref);
  const next = await handling.resolveCase(tx, ctx, actor, c.id, { result: input.result, photoIds: input.photoIds }, () => ({ hours: input.hours }));
  const rule = await findRule(tx.db, order.community_id, 'service_hour');
  if (rule?.active === 1) pointsFor('service_hour', rule.points_per_unit, input.hours);
  await repo.updateOrder(tx.db, c.id, { hours: input.hours, updated_at: nowIso() });
  return { case: next, order: (await repo.findOrder(tx.db, c.id))! };
}

/**
 * 核查: the case engine's verify step (the same as POST /cases/:id/verify): staff other than the talent check
 * the service; a pass closes the order and pays the talent's points in the same transaction (payment.ts).
 */
export async function verifyOrder(tx: Tx, ctx: AppContext, actor: Actor, ref: string, input: { pass: boolean; note?: string }): Promise<OrderRow> {
  const { case: c } = await readableOrder(tx.db, ctx, actor, ref);
  const next = await handling.verifyCase(tx, ctx, actor, c.id, input);
  return { case: next, order: (await repo.findOrder(tx.db, c.id))! };
}

/**
 * 双向评价: the requester and the talent each rate the service once (1–5 and a comment) after it is done. The
 * requester's rating is also the case's own rating in the app (a follow-up with satisfaction, counted by the
 * satisfaction figures like any other); 1–2 stars is 不满意, which the engine answers with rework.
 */
export async function rateOrder(tx: Tx, ctx: AppContext, actor: Actor, ref: string, input: { score: number; comment?: string }): Promise<OrderRow> {
  const { case: c, order, rel } = await readableOrder(tx.db, ctx, actor, ref);
  const side = rel.isReporter ? 'requester' : rel.isAssignedTalent ? 'talent' : null;
  if (!side) throw new AppError('ORDER_NOT_A_PARTY');
  if (!c.resolved_at) throw new AppError('ORDER_NOT_RATABLE');
  const existing = await repo.ratingsOf(tx.db, [c.id]);
  if (existing.some((r) => r.side === side)) throw new AppError('ORDER_ALREADY_RATED');
  try {
    await repo.insertRating(tx.db, { id: newId(), case_id: c.id, side, score: input.score, comment: input.comment ?? null, account_id: actor.kind === 'account' ? actor.accountId : null, at: nowIso() });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('ORDER_ALREADY_RATED');
    throw err;
  }
  const next = side === 'requester' && ['resolved', 'closed'].includes(c.state)
    ? await handling.followUpCase(tx, ctx, actor, c.id, { method: 'app', reached: true, satisfaction: satisfactionOf(input.score), solved: true, comment: input.comment })
    : c;
  return { case: next, order };
}
