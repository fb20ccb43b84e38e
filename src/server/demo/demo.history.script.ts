/**
 * How one case of the demo's history is handled, step by step, through the case services. A script is a
 * generator: it yields the next step with its time, and gets back the case as the engine left it, so it
 * follows what really happened (the scheduler may have marked it overdue or escalated it meanwhile).
 */
import type { AppContext } from '../context.ts';
import type { Actor } from '../modules/auth/permissions.ts';
import * as repo from '../modules/cases/cases.repository.ts';
import type { CaseRow } from '../modules/cases/cases.repository.ts';
import type { Tx } from '../modules/cases/engine.ts';
import * as handling from '../modules/cases/handling.service.ts';
import { submitCase } from '../modules/cases/intake.service.ts';
import { isOpen } from '../modules/cases/lifecycle.ts';
import { category as findCategory } from '../modules/cases/taxonomy.ts';
import { addDays, localDate, localDateTimeToInstant } from '../platform/calendar/local-time.ts';
import type { Cast, GridCast, StaffActor } from './demo.history.cast.ts';
import type { CasePlan } from './demo.history.plan.ts';
import type { Random } from './demo.random.ts';
import { words } from './demo.history.words.ts';

export interface Step {
  at: number;
  run(tx: Tx, c: CaseRow | undefined): Promise<CaseRow>;
}
export type Script = Generator<Step, void, CaseRow>;

export interface World {
  ctx: AppContext;
  cast: Cast;
}

const HOUR = 3_600_000;
// Disputes that concern a whole compound: the community often posts the outcome once they are settled.
const PUBLISHED_DISPUTES = new Set(['0803', '0806']);

/** Staff act between 08:00 and 21:00 local time; a later step waits for the next morning. */
function onDuty(ctx: AppContext, at: number, r: Random): number {
  const tz = ctx.calendar.timeZone;
  const day = localDate(new Date(at), tz);
  const midnight = midnightOf(day, tz);
  const hour = (at - midnight) / HOUR;
  if (hour >= 8 && hour < 21) return at;
  const morning = hour < 8 ? midnight : midnightOf(addDays(day, 1), tz);
  return morning + 8 * HOUR + r.int(10, 90) * 60_000;
}

const midnights = new Map<string, number>();
function midnightOf(day: string, tz: string): number {
  const key = `${tz} ${day}`;
  let at = midnights.get(key);
  if (at === undefined) midnights.set(key, (at = localDateTimeToInstant(day, '00:00', tz).getTime()));
  return at;
}

const gridOf = (w: World, c: CaseRow): GridCast => w.cast.grids.find((g) => g.grid.id === c.grid_id)!;

/** Whoever holds the case now: the person named on it, else someone with handling rights at its unit. */
function handlerOf(w: World, c: CaseRow): StaffActor {
  const named = c.handler_staff_id ? w.cast.byStaffId.get(c.handler_staff_id) : undefined;
  if (named) return named;
  const node = c.handler_node_id ? w.cast.nodes.get(c.handler_node_id) : undefined;
  if (node?.kind === 'grid') return (w.cast.grids.find((g) => g.grid.id === node.id) ?? gridOf(w, c)).leader;
  if (node?.kind === 'community') return gridOf(w, c).communityWorker;
  return (node && w.cast.streetAdmins.get(node.id)) ?? w.cast.admin;
}

/** 核查 is done by someone other than the handler: the grid leader, or the community when the leader handled it. */
function verifierOf(w: World, c: CaseRow): StaffActor {
  const g = gridOf(w, c);
  return g.leader.staffId === c.handler_staff_id ? g.communityWorker : g.leader;
}

/** Extensions are decided a tier above the handler's unit, never by the person who asked. */
function approverOf(w: World, c: CaseRow, requester: StaffActor): StaffActor {
  const g = gridOf(w, c);
  const node = c.handler_node_id ? w.cast.nodes.get(c.handler_node_id) : undefined;
  if (node?.kind === 'grid' && g.leader.accountId !== requester.accountId) return g.leader;
  if (node?.kind === 'community' && g.communityWorker.accountId !== requester.accountId) return g.communityWorker;
  return (g.street && w.cast.streetAdmins.get(g.street.id)) ?? w.cast.admin;
}

/** Brings the case to 处置中 with its current handler: dispatched if waiting, accepted, resumed. */
async function takeOn(w: World, tx: Tx, c: CaseRow, category: string): Promise<CaseRow> {
  if (c.state === 'new') c = await handling.dispatchCase(tx, w.ctx, gridOf(w, c).communityWorker, c.id, c.category ? {} : { category });
  if (c.state === 'dispatched') c = await handling.acceptCase(tx, w.ctx, handlerOf(w, c), c.id);
  if (c.state === 'suspended') c = await handling.resumeCase(tx, w.ctx, handlerOf(w, c), c.id);
  return c;
}

/** States in which the handler can still send the case elsewhere. */
const inHand = (c: CaseRow) => c.state === 'dispatched' || c.state === 'in_progress';

/** One case from report to the last follow-up, as far as the clock gets. */
export function* lifecycle(w: World, p: CasePlan): Script {
  const { ctx } = w;
  const r = p.random;
  const g = p.grid;
  const major = p.category.slice(0, 2);
  let t = p.at;
  let c: CaseRow = yield { at: t, run: async (tx) => (await submitCase(tx, ctx, p.actor, p.input)).case };
  const urgent = c.grade === 'urgent';
  const later = (hours: number, duty = !urgent) => {
    t += Math.max(60_000, Math.round(hours * HOUR));
    if (duty) t = onDuty(ctx, t, r);
    return t;
  };
  const hoursTo = (iso: string) => (Date.parse(iso) - t) / HOUR;
  const step = (at: number, run: (tx: Tx, c: CaseRow) => Promise<CaseRow>): Step => ({ at, run: (tx, cur) => run(tx, cur!) });
  const resolveStep = step(0, async (tx, cur) => {
    cur = await takeOn(w, tx, cur, p.category);
    return cur.state === 'in_progress' ? handling.resolveCase(tx, ctx, handlerOf(w, cur), cur.id, { result: words.result(r, major) }) : cur;
  });

  // 合并: the same problem reported nearby a little earlier.
  if (c.duplicate_candidate_id && r.chance(0.7)) {
    const into = c.duplicate_candidate_id;
    c = yield step(later(0.3 + r.next() * 3), async (tx, cur) => {
      const target = await repo.findCase(tx.db, into);
      if (!isOpen(cur.state) || !target || !isOpen(target.state)) return cur;
      return handling.mergeCase(tx, ctx, g.leader, cur.id, { into, reason: '同一问题多人反映，合并处理' });
    });
    if (c.state === 'merged') return;
  }

  // The classifier was unsure: the case waits until the community office confirms the category.
  if (c.state === 'new') c = yield step(later(1 + r.next() * 20), async (tx, cur) => (cur.state === 'new' ? handling.dispatchCase(tx, ctx, g.communityWorker, cur.id, { category: p.category }) : cur));

  if (p.course === 'return_reject' || p.course === 'return_redispatch' || p.course === 'return_wait') {
    c = yield step(later(0.2 + r.next() * 2), async (tx, cur) => (inHand(cur) ? handling.returnCase(tx, ctx, handlerOf(w, cur), cur.id, words.returnReason(r)) : cur));
    if (p.course === 'return_reject') {
      c = yield step(later(1 + r.next() * 6), async (tx, cur) => (cur.state === 'new' ? handling.rejectCase(tx, ctx, g.communityWorker, cur.id, words.reject(r)) : cur));
      if (c.state === 'rejected') return;
    } else {
      c = yield step(later(p.course === 'return_wait' ? 40 + r.next() * 30 : 1 + r.next() * 6), async (tx, cur) => (cur.state === 'new' ? handling.dispatchCase(tx, ctx, g.communityWorker, cur.id, { staffId: g.leader.staffId! }) : cur));
    }
  }

  // 签收: mostly within the response time, sometimes late.
  const respondIn = Math.max(0.1, hoursTo(c.respond_by));
  const acceptIn =
    p.course === 'fixed_on_site' ? 0.05 : p.course === 'unseen' ? respondIn + 48 : r.chance(0.08) ? respondIn * (1.2 + r.next() * 2) : Math.max(0.05, respondIn * (0.1 + r.next() * 0.7));
  c = yield step(later(acceptIn, p.course !== 'fixed_on_site' && !urgent), (tx, cur) => takeOn(w, tx, cur, p.category));

  if (p.course === 'police' && g.police) {
    const police = g.police;
    c = yield step(later(0.3 + r.next() * 3), async (tx, cur) => (inHand(cur) ? handling.transferCase(tx, ctx, handlerOf(w, cur), cur.id, { staffId: police.staffId!, reason: words.transferPolice(r) }) : cur));
    c = yield step(later(0.2 + r.next() * 2), (tx, cur) => takeOn(w, tx, cur, p.category));
  }

  if (p.course === 'escalate') {
    c = yield step(later(0.5 + r.next() * Math.max(1, hoursTo(c.resolve_by) * 0.3)), async (tx, cur) => (inHand(cur) && cur.tier < 3 ? handling.escalateCase(tx, ctx, handlerOf(w, cur), cur.id, { reason: words.escalate(r) }) : cur));
    c = yield step(later(0.3 + r.next() * 4), (tx, cur) => takeOn(w, tx, cur, p.category));
    const street = g.street ? w.cast.streetAdmins.get(g.street.id) : undefined;
    if (street && findCategory(p.category)?.tier === 3 && c.tier === 2 && r.chance(0.45)) {
      c = yield step(later(4 + r.next() * 30), async (tx, cur) => (inHand(cur) && cur.tier === 2 ? handling.escalateCase(tx, ctx, handlerOf(w, cur), cur.id, { reason: words.escalateStreet(r) }) : cur));
      c = yield step(later(1 + r.next() * 8), (tx, cur) => takeOn(w, tx, cur, p.category));
    }
  }

  if (p.course === 'extend') {
    let requester: StaffActor | undefined;
    c = yield step(later(Math.max(0.5, hoursTo(c.resolve_by) * (0.4 + r.next() * 0.4))), async (tx, cur) => {
      if (!inHand(cur) || (await repo.pendingExtension(tx.db, cur.id))) return cur;
      requester = handlerOf(w, cur);
      return handling.requestExtension(tx, ctx, requester, cur.id, { workingDays: r.pick([3, 5]), reason: words.extend(r) });
    });
    c = yield step(later(1 + r.next() * 10), async (tx, cur) =>
      requester && (await repo.pendingExtension(tx.db, cur.id)) ? handling.decideExtension(tx, ctx, approverOf(w, cur, requester), cur.id, { approve: r.chance(0.85), note: '同意延期，请按新期限办结' }) : cur,
    );
  }

  if (p.course === 'suspend' || p.course === 'long_pause') {
    c = yield step(later(p.course === 'long_pause' ? 0.5 + r.next() * 2 : 1 + r.next() * 12), async (tx, cur) => (cur.state === 'in_progress' ? handling.suspendCase(tx, ctx, handlerOf(w, cur), cur.id, words.suspend(r)) : cur));
    c = yield step(later(p.course === 'long_pause' ? 160 + r.next() * 100 : 40 + r.next() * 90), async (tx, cur) => (cur.state === 'suspended' ? handling.resumeCase(tx, ctx, handlerOf(w, cur), cur.id) : cur));
  }

  if (p.course !== 'fixed_on_site' && r.chance(0.3)) {
    c = yield step(later(0.3 + Math.max(0, hoursTo(c.resolve_by)) * r.next() * 0.3), async (tx, cur) =>
      isOpen(cur.state) ? handling.noteCase(tx, ctx, handlerOf(w, cur), cur.id, { text: words.note(r), publicNote: r.chance(0.5) }) : cur,
    );
  }

  // 办结: well within the limit, or (slow) well past it.
  const left = hoursTo(c.resolve_by);
  const resolveIn =
    p.course === 'fixed_on_site' ? 0.1 + r.next() * 0.6
    : p.course === 'slow' ? Math.max(left, 2) * (1.15 + r.next()) + 6
    : p.course === 'stalled' ? Math.max(left, 0) + 20 * 24
    : p.course === 'unchecked' ? Math.max(0.3, Math.min(left * 0.2, 12))
    : Math.max(0.3, left * (0.15 + r.next() * 0.7));
  c = yield { ...resolveStep, at: later(resolveIn, p.course !== 'fixed_on_site' && !urgent) };

  for (let round = 0; round < 3 && c.state === 'resolved'; round++) {
    // 核查: a few fail and go back to the handler.
    const pass = round > 0 || !r.chance(0.04);
    c = yield step(later(p.course === 'unchecked' ? 96 : 1 + r.next() * 18), async (tx, cur) => (cur.state === 'resolved' ? handling.verifyCase(tx, ctx, verifierOf(w, cur), cur.id, { pass, ...(pass ? {} : { note: words.verifyFail(r) }) }) : cur));
    if (c.state === 'in_progress') {
      c = yield { ...resolveStep, at: later(12 + r.next() * 36) };
      continue;
    }
    // 回访: patrol finds have nobody to call back.
    if (c.state !== 'closed' || p.channel === 'patrol' || r.chance(0.1)) break;
    const x = r.next();
    const satisfaction = round > 0 ? (x < 0.6 ? 'satisfied' : 'basically_satisfied') : x < 0.76 ? 'satisfied' : x < 0.93 ? 'basically_satisfied' : 'dissatisfied';
    const solved = satisfaction === 'dissatisfied' ? r.chance(0.2) : satisfaction === 'basically_satisfied' ? r.chance(0.9) : true;
    const comment = satisfaction === 'dissatisfied' ? words.dissatisfied(r) : satisfaction === 'satisfied' ? words.satisfied(r) : '';
    const contactedInTime = r.chance(0.93);
    const byReporter = p.actor.kind === 'anonymous' || (p.actor.kind === 'account' && !p.actor.staffId && p.channel === 'app');
    if (byReporter && r.chance(0.45)) {
      c = yield step(later(2 + r.next() * 60, false), async (tx, cur) =>
        cur.state === 'closed' ? handling.followUpCase(tx, ctx, p.actor, cur.id, { method: 'app', reached: true, satisfaction, solved: satisfaction !== 'dissatisfied', ...(comment ? { comment } : {}) }) : cur,
      );
    } else {
      const [caller, method] = r.chance(0.7) ? [g.communityWorker, 'phone' as const] : [g.worker, 'visit' as const];
      if (r.chance(0.07)) c = yield step(later(4 + r.next() * 60), async (tx, cur) => (cur.state === 'closed' ? handling.followUpCase(tx, ctx, caller, cur.id, { method, reached: false, comment: '电话无人接听' }) : cur));
      c = yield step(later(4 + r.next() * 60), async (tx, cur) =>
        cur.state === 'closed' ? handling.followUpCase(tx, ctx, caller, cur.id, { method, reached: true, contactedInTime, solved, satisfaction, ...(comment ? { comment } : {}) }) : cur,
      );
    }
    // 不满意 or not solved: back to the same handler as rework.
    if (c.state !== 'in_progress') break;
    c = yield { ...resolveStep, at: later(12 + r.next() * 48) };
  }

  if (c.state === 'closed') {
    if (!c.is_public && PUBLISHED_DISPUTES.has(p.category) && r.chance(0.5)) c = yield step(later(2 + r.next() * 48), (tx, cur) => handling.publishCase(tx, ctx, g.communityWorker, cur.id, { public: true }));
    else if (c.is_public && r.chance(0.03)) c = yield step(later(2 + r.next() * 48), (tx, cur) => handling.publishCase(tx, ctx, g.leader, cur.id, { public: false }));
  }
}
