import type { Kysely } from 'kysely';
import type { DB } from '../../db/tables.ts';
import { AppError } from '../../http/errors.ts';
import { nowIso } from '../../platform/clock.ts';
import type { CaseChange } from '../../platform/events.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../auth/permissions.ts';
import * as repo from './cases.repository.ts';
import type { CaseRow } from './cases.repository.ts';
import { type Contributions, contributionsOf } from './figures.ts';
import { caseKind } from './kinds.ts';
import { ACTIONS, type CaseAction, STATES, allows } from './lifecycle.ts';
import { addToStats } from './stats.repository.ts';

/** A unit of work: the transaction, plus the changes to announce once it commits. */
export interface Tx {
  db: Kysely<DB>;
  changes: CaseChange[];
}

/** How the timeline names who acted. */
export function actorLabel(actor: Actor | null): string {
  if (!actor) return '系统';
  if (actor.kind === 'account') return actor.displayName;
  if (actor.kind === 'api_key') return `API: ${actor.name}`;
  return '匿名居民';
}

export function actorAccountId(actor: Actor | null): string | null {
  return actor?.kind === 'account' ? actor.accountId : null;
}

export interface EventDetail {
  reason?: string | null;
  data?: Record<string, unknown> | null;
  fromHandler?: string | null;
  toHandler?: string | null;
  /** Whether the reporter sees the note text itself (not just the step). */
  publicNote?: boolean;
}

/**
 * Refuses an action the case's state does not allow, naming the state, and any the kind's guards refuse.
 */
export function assertAllowed(c: CaseRow, action: CaseAction, actor: Actor | null): void {
  if (!allows(action, c.state)) {
    throw new AppError('CASE_ACTION_NOT_ALLOWED', { action, actionZh: ACTIONS[action].zh, actionEn: ACTIONS[action].en, state: c.state, stateZh: STATES[c.state].zh, allowedFrom: ACTIONS[action].from });
  }
  const guard = caseKind(c.kind)?.guards?.[action];
  const refusal = guard ? guard(c, actor) : null;
  if (refusal) throw new AppError(refusal);
}

const statKey = (c: CaseRow) => ({ path: c.path, day: c.reported_day, kind: c.kind, category: c.category, channel: c.channel });

/** Moves the roll-ups by the difference between what a case contributed before and after a change. */
export async function moveStats(db: Kysely<DB>, before: CaseRow | null, after: CaseRow): Promise<void> {
  const old: Contributions = before ? JSON.parse(before.contributions) : {};
  const now: Contributions = JSON.parse(after.contributions);
  const sameKey = before && JSON.stringify(statKey(before)) === JSON.stringify(statKey(after));
  if (before && !sameKey) {
    await addToStats(db, statKey(before), Object.fromEntries(Object.entries(old).map(([k, v]) => [k, -v!])));
    await addToStats(db, statKey(after), now as Record<string, number>);
    return;
  }
  const delta: Record<string, number> = {};
  for (const k of new Set([...Object.keys(old), ...Object.keys(now)]) as Set<keyof Contributions>) {
    const d = (now[k] ?? 0) - (old[k] ?? 0);
    if (d !== 0) delta[k] = Math.round(d * 100) / 100;
  }
  await addToStats(db, statKey(after), delta);
}

/**
 * Applies one step to a case: compare-and-set on its version (so of two racing writers exactly one wins),
 * one timeline event numbered by the new version (so no double events), the roll-ups moved in the same
 * transaction, and the change queued for announcement after commit.
 */
export async function applyStep(tx: Tx, actor: Actor | null, c: CaseRow, action: CaseAction, patch: Partial<CaseRow>, detail: EventDetail = {}): Promise<CaseRow> {
  const at = nowIso();
  const draft: CaseRow = { ...c, ...patch, version: c.version + 1, updated_at: at };
  const next: CaseRow = { ...draft, contributions: JSON.stringify(contributionsOf(draft, JSON.parse(c.contributions))) };
  const { id: _id, ...changes } = next;
  if (!(await repo.updateCaseIfVersion(tx.db, c.id, c.version, changes))) throw new AppError('CASE_CHANGED', { number: c.number });
  await repo.insertEvent(tx.db, {
    id: newId(),
    case_id: c.id,
    seq: next.version,
    at,
    action,
    actor_account_id: actorAccountId(actor),
    actor_label: actorLabel(actor),
    from_state: c.state,
    to_state: next.state,
    from_handler: detail.fromHandler ?? null,
    to_handler: detail.toHandler ?? null,
    reason: detail.reason ?? null,
    data: detail.data ? JSON.stringify(detail.data) : null,
    public_note: detail.publicNote ? 1 : 0,
  });
  await moveStats(tx.db, c, next);
  await caseKind(c.kind)?.effects?.[action]?.(tx, actor, c, next);
  await announce(tx, next, action, at);
  return next;
}

/** Queues the live-stream change and the webhook deliveries; notifications go to the people concerned. */
export async function announce(tx: Tx, c: CaseRow, action: string, at: string): Promise<void> {
  const reporters = await repo.listReporters(tx.db, c.id);
  const reporterAccountIds = reporters.map((r) => r.account_id).filter((x): x is string => !!x);
  tx.changes.push({ caseId: c.id, number: c.number, action, state: c.state, path: c.path, handlerPath: c.handler_path, reporterAccountIds, at });
  const recipients = new Set<string>();
  if (c.handler_staff_id && ['submit', 'dispatch', 'transfer', 'escalate', 'verify', 'follow_up', 'reopen', 'decide_extension', 'remind', 'overdue'].includes(action)) {
    const staff = await tx.db.selectFrom('staff').select('account_id').where('id', '=', c.handler_staff_id).executeTakeFirst();
    if (staff?.account_id) recipients.add(staff.account_id);
  }
  if (ACTIONS[action as CaseAction]?.plainZh && action !== 'submit') for (const a of reporterAccountIds) recipients.add(a);
  if (recipients.size) {
    await tx.db
      .insertInto('notifications')
      .values([...recipients].map((account_id) => ({ id: newId(), account_id, case_id: c.id, kind: `case.${action}`, data: JSON.stringify({ number: c.number, state: c.state, title: c.title }), created_at: at, read_at: null })))
      .execute();
  }
  const hooks = await tx.db.selectFrom('webhooks').select(['id', 'events']).where('active', '=', 1).execute();
  const event = `case.${action}`;
  const due = hooks.filter((h) => h.events.split(',').some((e) => e === '*' || e === event || e === 'case.*'));
  if (due.length) {
    // The payload carries no personal data: a receiving SMS or WeChat gateway looks people up itself.
    const payload = JSON.stringify({ event, at, case: { id: c.id, number: c.number, kind: c.kind, state: c.state, category: c.category, grade: c.grade, path: c.path, handlerStaffId: c.handler_staff_id, resolveBy: c.resolve_by } });
    await tx.db
      .insertInto('webhook_deliveries')
      .values(due.map((h) => ({ id: newId(), webhook_id: h.id, event, payload, attempts: 0, next_attempt_at: at, delivered_at: null, last_error: null, created_at: at })))
      .execute();
  }
}
