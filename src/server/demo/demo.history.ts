/**
 * The demo's case history (案件历史): about two months of reports in every grid, handled through the real
 * case services with the clock moved back, so timelines, roll-ups and figures are exactly what the engine
 * produces. The deadline scheduler passes in between whenever something falls due, as its one-minute pass
 * does in a live process. Steps between two passes share one transaction: one commit instead of ~2,000.
 */
import type { AppContext } from '../context.ts';
import { inTransaction } from '../modules/cases/cases.routes.ts';
import * as repo from '../modules/cases/cases.repository.ts';
import type { CaseRow } from '../modules/cases/cases.repository.ts';
import { isOpen } from '../modules/cases/lifecycle.ts';
import { runDeadlines } from '../modules/cases/scheduler.ts';
import { now, setClock } from '../platform/clock.ts';
import { loadCast } from './demo.history.cast.ts';
import { planCases } from './demo.history.plan.ts';
import { type Script, type Step, type World, lifecycle } from './demo.history.script.ts';

export interface HistoryOptions {
  /** The last moment of the history (default: now). */
  end?: Date;
  /** How many days before `end` it starts (default 60). */
  days?: number;
}

export interface HistoryResult {
  loaded: boolean;
  cases: number;
  /** Steps taken through the case services, the scheduler's included. */
  steps: number;
  from: string | null;
  to: string | null;
  ms: number;
}

const HOUR = 3_600_000;

interface Due {
  at: number;
  seq: number;
  script: Script;
  step: Step;
  caseId?: string;
}

/**
 * When the scheduler's next pass would act on this case (the conditions of `runDeadlines`' queries):
 * marking it overdue, escalating it after the grace, reminding its handler. On the next whole minute.
 */
function dueTimes(ctx: AppContext, c: CaseRow): number[] {
  const minute = (ms: number) => Math.floor(ms / 60_000) * 60_000 + 60_000;
  const resolveBy = Date.parse(c.resolve_by);
  const out: number[] = [];
  if (['new', 'dispatched', 'in_progress'].includes(c.state) && !c.overdue_at) out.push(minute(resolveBy));
  if (c.state === 'dispatched' || c.state === 'in_progress') {
    if (c.overdue_at && !c.escalated_auto_at && c.tier < 3) out.push(minute(Date.parse(c.overdue_at) + ctx.config.autoEscalateGraceHours * HOUR));
    if (!c.reminded_at) out.push(minute(resolveBy - ctx.config.remindBeforeHours * HOUR));
  }
  return out;
}

/**
 * Adds the history to a store holding the demo community and no case yet (the demo's service orders aside);
 * otherwise does nothing, so a restart or a second call never duplicates it. The real clock is restored afterwards.
 */
export async function loadDemoHistory(ctx: AppContext, opts: HistoryOptions = {}): Promise<HistoryResult> {
  const started = performance.now();
  const { db } = ctx.database;
  const skipped: HistoryResult = { loaded: false, cases: 0, steps: 0, from: null, to: null, ms: 0 };
  // The demo's own service orders (demo.orders.ts) are no sign of an earlier history.
  if (await db.selectFrom('cases').select('id').where('kind', '<>', 'service_order').limit(1).executeTakeFirst()) return skipped;
  if (!(await db.selectFrom('accounts').select('id').where('username', '=', 'gridworker').executeTakeFirst())) return skipped;

  const cast = await loadCast(db);
  const end = (opts.end ?? now()).getTime();
  const plans = planCases(ctx, cast, end, opts.days ?? 60);
  const world: World = { ctx, cast };
  const queue = new DueQueue();
  let seq = 0;
  for (const plan of plans) {
    const script = lifecycle(world, plan);
    const first = script.next();
    if (!first.done) queue.push({ at: first.value.at, seq: seq++, script, step: first.value });
  }
  // The cases still open, as the engine last left them (a pass re-reads them, since it may change them);
  // the scheduler passes when one of them falls due.
  const open = new Map<string, CaseRow>();
  const track = (c: CaseRow) => (isOpen(c.state) ? open.set(c.id, c) : open.delete(c.id));
  let lastPass = 0;
  const nextPass = () => {
    let at = Infinity;
    for (const c of open.values()) for (const d of dueTimes(ctx, c)) if (d > lastPass && d < at) at = d;
    return at;
  };
  let passAt = Infinity;
  let steps = 0;
  try {
    for (;;) {
      const headAt = queue.peek() && queue.peek()!.at <= end ? queue.peek()!.at : Infinity;
      if (passAt <= end && passAt <= headAt) {
        const at = new Date(passAt);
        setClock(() => at);
        const done = await runDeadlines(ctx);
        steps += done.overdue + done.escalated + done.reminded;
        lastPass = passAt;
        if (open.size) for (const c of await db.selectFrom('cases').selectAll().where('id', 'in', [...open.keys()]).execute()) track(c);
        passAt = nextPass();
        continue;
      }
      if (headAt === Infinity) break;
      // Everything up to the next pass is one unit of work: one commit instead of one per step.
      await inTransaction(ctx, async (tx) => {
        for (let due = queue.peek(); due && due.at <= end && due.at < passAt; due = queue.peek()) {
          queue.pop();
          const at = new Date(due.at);
          setClock(() => at);
          const row = await due.step.run(tx, due.caseId ? open.get(due.caseId) ?? (await repo.findCase(tx.db, due.caseId)) : undefined);
          steps++;
          track(row);
          for (const d of dueTimes(ctx, row)) if (d > lastPass) passAt = Math.min(passAt, Math.max(d, due.at + 60_000));
          const next = due.script.next(row);
          if (!next.done) queue.push({ at: Math.max(next.value.at, due.at + 1000), seq: seq++, script: due.script, step: next.value, caseId: row.id });
        }
      });
    }
  } finally {
    setClock();
  }
  return {
    loaded: true,
    cases: plans.length,
    steps,
    from: plans.length ? new Date(plans[0]!.at).toISOString() : null,
    to: new Date(end).toISOString(),
    ms: Math.round(performance.now() - started),
  };
}

/** A binary heap by time, then by insertion order (so equal times run in a fixed order). */
class DueQueue {
  private items: Due[] = [];

  push(item: Due): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(a[i]!, a[parent]!)) break;
      [a[i], a[parent]] = [a[parent]!, a[i]!];
      i = parent;
    }
  }

  peek(): Due | undefined {
    return this.items[0];
  }

  pop(): Due | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length && last) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && before(a[l]!, a[m]!)) m = l;
        if (r < a.length && before(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}

const before = (a: Due, b: Due) => a.at < b.at || (a.at === b.at && a.seq < b.seq);
