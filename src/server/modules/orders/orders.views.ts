import type { Locale } from '../../http/errors.ts';
import { now } from '../../platform/clock.ts';
import { maskPhone } from '../../platform/privacy.ts';
import { type Actor, isStaff } from '../auth/permissions.ts';
import type { CaseRelation } from '../cases/cases.policy.ts';
import { caseAbilities } from '../cases/cases.policy.ts';
import { STATES, isOpen } from '../cases/lifecycle.ts';
import { skillLabel } from '../volunteers/taxonomy.ts';
import { pointsOutcomeLabel } from './labels.ts';
import { orderData } from './orders.kind.ts';
import type { Db, OrderRow, RatingRow } from './orders.repository.ts';
import * as repo from './orders.repository.ts';

/** 7 days after the service was done, each side's rating shows even if the other never rated (issue 6). */
export const RATING_REVEAL_DAYS = 7;

const pick = (locale: Locale, zh: string, en: string) => (locale === 'en' ? en : zh);

/** Names an order page mentions: talents, teams, communities and requesters, fetched once per page. */
export async function namesFor(db: Db, rows: OrderRow[]) {
  const talentIds = [...new Set(rows.map((r) => r.order.talent_id).filter((x): x is string => !!x))];
  const teamIds = [...new Set(rows.map((r) => r.order.team_id).filter((x): x is string => !!x))];
  const nodeIds = [...new Set(rows.flatMap((r) => [r.order.community_id, r.case.grid_id]).filter((x): x is string => !!x))];
  const residentIds = [...new Set(rows.map((r) => r.order.requester_resident_id).filter((x): x is string => !!x))];
  const [talents, teams, nodes, residents] = await Promise.all([
    talentIds.length ? db.selectFrom('talents').leftJoin('residents', 'residents.id', 'talents.resident_id').select(['talents.id', 'talents.name', 'residents.name as resident_name', 'talents.resident_id']).where('talents.id', 'in', talentIds).execute() : [],
    teamIds.length ? db.selectFrom('teams').select(['id', 'name']).where('id', 'in', teamIds).execute() : [],
    nodeIds.length ? db.selectFrom('org_nodes').select(['id', 'code', 'name']).where('id', 'in', nodeIds).execute() : [],
    residentIds.length ? db.selectFrom('residents').select(['id', 'name']).where('id', 'in', residentIds).execute() : [],
  ]);
  return {
    talents: new Map(talents.map((t) => [t.id, { id: t.id, name: t.resident_name ?? t.name, isResident: t.resident_id !== null }])),
    teams: new Map(teams.map((t) => [t.id, { id: t.id, name: t.name }])),
    nodes: new Map(nodes.map((n) => [n.id, n])),
    residents: new Map(residents.map((r) => [r.id, r.name])),
  };
}

export type Names = Awaited<ReturnType<typeof namesFor>>;

/** Whether both sides' ratings show: both rated, or a week has passed since the service was done. */
export function ratingsRevealed(resolvedAt: string | null, ratings: RatingRow[]): boolean {
  if (ratings.length >= 2) return true;
  return !!resolvedAt && now().getTime() - Date.parse(resolvedAt) >= RATING_REVEAL_DAYS * 86_400_000;
}

const ratingView = (r: RatingRow | undefined) => (r ? { score: r.score, comment: r.comment, at: r.at } : null);

type Side = 'requester' | 'talent';

/**
 * The two-way feedback as this reader may see it: their own side always; the other side (and, for staff, both)
 * once both have rated or a week after the service was done, so neither side rates in answer to the other.
 */
export function ratingsView(resolvedAt: string | null, ratings: RatingRow[], side: Side | null) {
  const revealed = ratingsRevealed(resolvedAt, ratings);
  const of = (s: Side) => ratings.find((r) => r.side === s);
  const shown = (s: Side) => (s === side || revealed ? ratingView(of(s)) : null);
  return {
    revealed,
    requester: shown('requester'),
    talent: shown('talent'),
    requesterRated: !!of('requester'),
    talentRated: !!of('talent'),
    revealsAt: resolvedAt ? new Date(Date.parse(resolvedAt) + RATING_REVEAL_DAYS * 86_400_000).toISOString() : null,
  };
}

/** Which side of the order the reader is on: the requester, the talent serving it, or neither (staff). */
export function sideOf(rel: CaseRelation): Side | null {
  return rel.isReporter ? 'requester' : rel.isAssignedTalent ? 'talent' : null;
}

const VERBS = { dispatch: 'dispatch', accept: 'accept', return: 'decline', resolve: 'done', verify: 'verify' } as const;

/** One order in the reader's view, with what they may do now (the case policy's abilities in the order's words). */
export function orderView(actor: Actor, row: OrderRow, rel: CaseRelation, ratings: RatingRow[], names: Names, locale: Locale) {
  const c = row.case;
  const o = row.order;
  const d = orderData(c);
  const side = sideOf(rel);
  const staff = isStaff(actor);
  const caseAbilityList = caseAbilities(actor, c, rel);
  const abilities: string[] = caseAbilityList.filter((a) => a in VERBS).map((a) => VERBS[a as keyof typeof VERBS]);
  if (side && c.resolved_at && !ratings.some((r) => r.side === side)) abilities.push('rate');
  const known = o.talent_id ? names.talents.get(o.talent_id) ?? null : null;
  // The requester learns who is coming, not the talent pool's record of them.
  const talent = known && side === 'requester' ? { name: known.name, isResident: known.isResident } : known;
  const community = names.nodes.get(o.community_id);
  const grid = c.grid_id ? names.nodes.get(c.grid_id) : undefined;
  // The talent doing a home service needs the address and a number to call, while the order is theirs to do.
  const servingNow = rel.isAssignedTalent && isOpen(c.state);
  const requesterName = c.reporter_name ?? (o.requester_resident_id ? names.residents.get(o.requester_resident_id) ?? null : null);
  return {
    id: c.id,
    number: c.number,
    state: c.state,
    stateLabel: pick(locale, STATES[c.state].zh, STATES[c.state].en),
    family: STATES[c.state].family,
    skill: o.skill,
    skillLabel: skillLabel(o.skill, locale),
    description: c.description,
    address: c.address,
    location: { lng: c.lng, lat: c.lat },
    wantedAt: d.wantedAt ?? null,
    reportedAt: c.reported_at,
    resolveBy: c.resolve_by,
    overdue: (isOpen(c.state) && c.overdue_at !== null) || (!!c.resolved_at && c.resolved_at > c.resolve_by),
    channel: c.channel,
    community: community ? { id: community.id, code: community.code, name: community.name } : null,
    grid: grid ? { id: grid.id, code: grid.code, name: grid.name } : null,
    requester: side === 'requester' ? null : { name: staff || servingNow ? requesterName : null, phone: c.reporter_phone ? (servingNow ? c.reporter_phone : staff ? maskPhone(c.reporter_phone) : null) : null },
    talent,
    team: o.team_id ? names.teams.get(o.team_id) ?? null : null,
    declinedCount: d.declinedTalentIds?.length ?? 0,
    acceptedAt: c.accepted_at,
    resolvedAt: c.resolved_at,
    closedAt: c.closed_at,
    result: c.resolution,
    hours: o.hours,
    verifiedAt: o.verified_at,
    points: o.points_outcome ? { amount: o.points, outcome: o.points_outcome, outcomeLabel: pointsOutcomeLabel(o.points_outcome, locale) } : null,
    ratings: ratingsView(c.resolved_at, ratings, side),
    side,
    abilities,
  };
}

export type OrderView = ReturnType<typeof orderView>;

/** A page of orders in the reader's view. */
export async function orderListView(db: Db, actor: Actor, rows: OrderRow[], relation: (row: OrderRow) => Promise<CaseRelation>, locale: Locale) {
  const [names, ratings] = await Promise.all([namesFor(db, rows), repo.ratingsOf(db, rows.map((r) => r.case.id))]);
  const out: OrderView[] = [];
  for (const row of rows) out.push(orderView(actor, row, await relation(row), ratings.filter((r) => r.case_id === row.case.id), names, locale));
  return out;
}
