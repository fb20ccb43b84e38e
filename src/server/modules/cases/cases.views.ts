import type { Kysely } from 'kysely';
import type { DB } from '../../db/tables.ts';
import type { Locale } from '../../http/errors.ts';
import { maskPhone } from '../../platform/privacy.ts';
import { roleLabel } from '../staff/roles.ts';
import { type Actor, isStaff } from '../auth/permissions.ts';
import type { CaseEventRow, CaseRow } from './cases.repository.ts';
import * as repo from './cases.repository.ts';
import type { CaseRelation } from './cases.policy.ts';
import { caseAbilities } from './cases.policy.ts';
import { CHANNEL_LABELS, type Channel, caseKind } from './kinds.ts';
import { ACTIONS, type CaseAction, STATES, isOpen } from './lifecycle.ts';
import { category as findCategory } from './taxonomy.ts';

type Db = Kysely<DB>;
const pick = (locale: Locale, zh: string, en: string) => (locale === 'en' ? en : zh);

/** Names of the org nodes and staff a page of cases mentions, fetched once per page. */
export async function lookupsFor(db: Db, rows: CaseRow[]) {
  const nodeIds = new Set<string>();
  const staffIds = new Set<string>();
  for (const r of rows) {
    for (const id of [r.grid_id, r.community_id, r.handler_node_id]) if (id) nodeIds.add(id);
    if (r.handler_staff_id) staffIds.add(r.handler_staff_id);
  }
  const nodes = nodeIds.size ? await db.selectFrom('org_nodes').select(['id', 'code', 'name', 'kind']).where('id', 'in', [...nodeIds]).execute() : [];
  const staff = staffIds.size
    ? await db
        .selectFrom('staff')
        .leftJoin('staff_assignments', 'staff_assignments.staff_id', 'staff.id')
        .select(['staff.id', 'staff.name', 'staff.work_phone', 'staff_assignments.role'])
        .where('staff.id', 'in', [...staffIds])
        .execute()
    : [];
  return { nodes: new Map(nodes.map((n) => [n.id, n])), staff: new Map(staff.map((s) => [s.id, s])) };
}

export type Lookups = Awaited<ReturnType<typeof lookupsFor>>;

const nodeRef = (l: Lookups, id: string | null) => {
  const n = id ? l.nodes.get(id) : undefined;
  return n ? { id: n.id, code: n.code, name: n.name } : null;
};

/** A case as staff see it: everything needed to handle it, the reporter's phone masked. */
export function staffCaseView(c: CaseRow, l: Lookups, locale: Locale, abilities: CaseAction[]) {
  const cat = c.category ? findCategory(c.category) : undefined;
  const handler = c.handler_staff_id ? l.staff.get(c.handler_staff_id) : undefined;
  return {
    id: c.id,
    number: c.number,
    kind: c.kind,
    kindLabel: pick(locale, caseKind(c.kind)?.zh ?? c.kind, caseKind(c.kind)?.en ?? c.kind),
    state: c.state,
    stateLabel: pick(locale, STATES[c.state].zh, STATES[c.state].en),
    family: STATES[c.state].family,
    channel: c.channel,
    channelLabel: CHANNEL_LABELS[c.channel as Channel] ? pick(locale, ...CHANNEL_LABELS[c.channel as Channel]) : c.channel,
    nature: c.nature,
    category: c.category,
    categoryLabel: cat ? pick(locale, `${cat.majorZh} / ${cat.zh}`, `${cat.majorEn} / ${cat.en}`) : null,
    categorySource: c.category_source,
    categoryConfidence: c.category_confidence,
    needsReview: c.needs_review === 1,
    grade: c.grade,
    title: c.title,
    description: c.description,
    location: { lng: c.lng, lat: c.lat, address: c.address },
    grid: nodeRef(l, c.grid_id),
    community: nodeRef(l, c.community_id),
    outsideGrid: c.outside_grid === 1,
    tier: c.tier,
    handler: {
      node: nodeRef(l, c.handler_node_id),
      staffId: c.handler_staff_id,
      name: handler?.name ?? null,
      roleLabel: handler?.role ? roleLabel(handler.role, locale) : null,
    },
    reporter: { anonymous: c.anonymous === 1, name: c.reporter_name, phone: c.reporter_phone ? maskPhone(c.reporter_phone) : null, contactPreference: c.contact_preference },
    reporterCount: c.reporter_count,
    isPublic: c.is_public === 1,
    reportedAt: c.reported_at,
    respondBy: c.respond_by,
    resolveBy: c.resolve_by,
    acceptedAt: c.accepted_at,
    resolvedAt: c.resolved_at,
    closedAt: c.closed_at,
    overdue: (isOpen(c.state) && c.overdue_at !== null) || (!!c.resolved_at && c.resolved_at > c.resolve_by),
    resolution: c.resolution,
    reworkCount: c.rework_count,
    duplicateCandidateId: c.duplicate_candidate_id,
    mergedIntoId: c.merged_into_id,
    data: c.kind_data ? JSON.parse(c.kind_data) : null,
    abilities,
  };
}

/** A case as its reporter sees it: plain words, who handles it, no other reporter's details. */
export function reporterCaseView(c: CaseRow, l: Lookups, locale: Locale, abilities: CaseAction[]) {
  const cat = c.category ? findCategory(c.category) : undefined;
  const handler = c.handler_staff_id ? l.staff.get(c.handler_staff_id) : undefined;
  return {
    id: c.id,
    number: c.number,
    state: c.state,
    stateLabel: pick(locale, STATES[c.state].plainZh, STATES[c.state].plainEn),
    family: STATES[c.state].family,
    categoryLabel: cat ? pick(locale, cat.zh, cat.en) : null,
    title: c.title,
    description: c.description,
    location: { lng: c.lng, lat: c.lat, address: c.address },
    grid: nodeRef(l, c.grid_id),
    handler: handler ? { name: handler.name, roleLabel: handler.role ? roleLabel(handler.role, locale) : null } : null,
    reporterCount: c.reporter_count,
    reportedAt: c.reported_at,
    resolveBy: c.resolve_by,
    resolvedAt: c.resolved_at,
    closedAt: c.closed_at,
    resolution: c.resolution,
    abilities,
  };
}

const SATISFACTION: Record<string, [string, string]> = {
  satisfied: ['满意', 'satisfied'],
  basically_satisfied: ['基本满意', 'basically satisfied'],
  dissatisfied: ['不满意', 'not satisfied'],
};

/**
 * The reporter's own rating in the app, told back to them with their comment. A follow-up by staff keeps
 * its notes internal: only the words the reporter wrote themselves are theirs to read.
 */
function ownRating(e: CaseEventRow, locale: Locale): { text: string } | null {
  if (e.action !== 'follow_up' || !e.data) return null;
  const data = JSON.parse(e.data) as { method?: string; satisfaction?: string | null };
  if (data.method !== 'app') return null;
  const label = data.satisfaction ? SATISFACTION[data.satisfaction] : undefined;
  return { text: label ? pick(locale, `您的评价：${label[0]}`, `Your rating: ${label[1]}`) : pick(locale, '您已评价', 'You rated the result') };
}

/** The timeline: everything for staff; for the reporter, only the steps meant for them, in plain words. */
export function timelineView(events: CaseEventRow[], locale: Locale, forReporter: boolean) {
  return events
    .filter((e) => !forReporter || ACTIONS[e.action as CaseAction]?.plainZh || e.public_note === 1)
    .map((e) => {
      const info = ACTIONS[e.action as CaseAction];
      if (forReporter) {
        const own = ownRating(e, locale);
        return {
          at: e.at,
          action: e.action,
          text: own?.text ?? (info?.plainZh ? pick(locale, info.plainZh, info.plainEn!) : pick(locale, '处理进展', 'Progress')),
          note: own ? e.reason : e.public_note === 1 ? e.reason : null,
          state: e.to_state,
        };
      }
      return {
        seq: e.seq,
        at: e.at,
        action: e.action,
        actionLabel: info ? pick(locale, info.zh, info.en) : e.action,
        actor: e.actor_label,
        fromState: e.from_state,
        toState: e.to_state,
        fromHandler: e.from_handler,
        toHandler: e.to_handler,
        reason: e.reason,
        data: e.data ? JSON.parse(e.data) : null,
        publicNote: e.public_note === 1,
      };
    });
}

/** A page of cases in the actor's view, each with what the actor may do. */
export async function caseListView(db: Db, actor: Actor, rows: CaseRow[], locale: Locale, relation: (c: CaseRow) => Promise<CaseRelation>) {
  const l = await lookupsFor(db, rows);
  const out = [];
  for (const c of rows) {
    const rel = await relation(c);
    out.push(caseView(actor, c, l, locale, rel));
  }
  return out;
}

/** A case in the view the actor gets: the full record for staff, the plain one for a reporter (or whoever just filed it). */
export function caseView(actor: Actor, c: CaseRow, l: Lookups, locale: Locale, rel: CaseRelation) {
  const abilities = caseAbilities(actor, c, rel);
  return isStaff(actor) ? staffCaseView(c, l, locale, abilities) : reporterCaseView(c, l, locale, abilities);
}

export async function photosView(db: Db, caseId: string, forReporter: boolean) {
  const rows = await repo.casePhotos(db, caseId);
  return rows
    .filter((p) => !forReporter || p.role === 'report' || p.role === 'proof')
    .map((p) => ({ id: p.id, role: p.role, width: p.width, height: p.height, url: `/api/v1/photos/${p.id}`, thumbnailUrl: `/api/v1/photos/${p.id}?size=thumb` }));
}
