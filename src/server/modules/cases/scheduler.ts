import { createHmac } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import { now } from '../../platform/clock.ts';
import { inTransaction } from './cases.routes.ts';
import * as repo from './cases.repository.ts';
import { applyStep } from './engine.ts';
import { escalateCase } from './handling.service.ts';
import { kindsKeptFromAutoEscalation } from './kinds.ts';
// Points (M7): earned points expire on the same clock.
import { expirePointsWhenDue } from '../points/expiry.service.ts';

const BATCH = 200;

/**
 * One pass of the deadline scheduler: marks open cases past their deadline as overdue, escalates those
 * still open `autoEscalateGraceHours` later one tier up, and reminds handlers `remindBeforeHours` before a
 * deadline. Each case moves in its own transaction, through the engine like any other step.
 */
export async function runDeadlines(ctx: AppContext): Promise<{ overdue: number; escalated: number; reminded: number }> {
  const { db } = ctx.database;
  const at = now();
  const result = { overdue: 0, escalated: 0, reminded: 0 };
  for (const c of await repo.casesNewlyOverdue(db, at.toISOString(), BATCH)) {
    if (await quietly(() => inTransaction(ctx, async (tx) => applyStep(tx, null, (await repo.findCase(tx.db, c.id))!, 'overdue', { overdue_at: at.toISOString() }, { data: { resolveBy: c.resolve_by } })))) result.overdue++;
  }
  const graceCutoff = new Date(at.getTime() - ctx.config.autoEscalateGraceHours * 3_600_000).toISOString();
  for (const c of await repo.casesToAutoEscalate(db, graceCutoff, BATCH, kindsKeptFromAutoEscalation())) {
    const reason = `超期 ${ctx.config.autoEscalateGraceHours} 小时未办结，自动上报上级`;
    if (await quietly(() => inTransaction(ctx, (tx) => escalateCase(tx, ctx, null, c.id, { reason }, true)))) result.escalated++;
  }
  const soon = new Date(at.getTime() + ctx.config.remindBeforeHours * 3_600_000).toISOString();
  for (const c of await repo.casesToRemind(db, at.toISOString(), soon, BATCH)) {
    if (await quietly(() => inTransaction(ctx, async (tx) => applyStep(tx, null, (await repo.findCase(tx.db, c.id))!, 'remind', { reminded_at: at.toISOString() }, { data: { resolveBy: c.resolve_by } })))) result.reminded++;
  }
  return result;
}

/** A case someone else changed meanwhile is simply taken up again on the next pass. */
async function quietly(fn: () => Promise<unknown>): Promise<boolean> {
  try {
    await fn();
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === 'CASE_CHANGED' || (err as { code?: string }).code === 'CASE_ACTION_NOT_ALLOWED' || (err as { code?: string }).code === 'ESCALATION_TOP_TIER') return false;
    throw err;
  }
}

/** The signature a webhook receiver checks: HMAC-SHA256 over `timestamp.payload` with the hook's secret. */
export function signPayload(secret: string, timestamp: string, payload: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${payload}`).digest('hex')}`;
}

/**
 * Delivers due webhook payloads (the outbox written with each change). A failure is retried with
 * exponential back-off; a delivery is never lost because the process stopped between commit and send.
 */
export async function deliverWebhooks(ctx: AppContext, send: typeof fetch = fetch): Promise<number> {
  const { db } = ctx.database;
  const at = now();
  const due = await db
    .selectFrom('webhook_deliveries')
    .innerJoin('webhooks', 'webhooks.id', 'webhook_deliveries.webhook_id')
    .select(['webhook_deliveries.id', 'webhook_deliveries.event', 'webhook_deliveries.payload', 'webhook_deliveries.attempts', 'webhooks.url', 'webhooks.secret'])
    .where('webhook_deliveries.delivered_at', 'is', null)
    .where('webhook_deliveries.next_attempt_at', '<=', at.toISOString())
    .where('webhook_deliveries.attempts', '<', 12)
    .limit(BATCH)
    .execute();
  let delivered = 0;
  for (const d of due) {
    const timestamp = String(Math.floor(at.getTime() / 1000));
    let error: string | null = null;
    try {
      const res = await send(d.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-lianxin-event': d.event, 'x-lianxin-timestamp': timestamp, 'x-lianxin-signature': signPayload(d.secret, timestamp, d.payload) },
        body: d.payload,
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) error = `HTTP ${res.status}`;
    } catch (err) {
      error = (err as Error).message;
    }
    const attempts = d.attempts + 1;
    await db
      .updateTable('webhook_deliveries')
      .set(error ? { attempts, last_error: error, next_attempt_at: new Date(at.getTime() + 2 ** attempts * 30_000).toISOString() } : { attempts, delivered_at: at.toISOString(), last_error: null })
      .where('id', '=', d.id)
      .execute();
    if (!error) delivered++;
  }
  return delivered;
}

/** Starts the in-process scheduler (the embedded deployment needs no other service). Returns a stop function. */
export function startScheduler(ctx: AppContext): () => void {
  if (ctx.config.schedulerIntervalSeconds <= 0) return () => {};
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runDeadlines(ctx);
      await deliverWebhooks(ctx);
      await ctx.classifier.refresh(ctx.database.db);
      await expirePointsWhenDue(ctx);
    } catch (err) {
      console.error('scheduler pass failed', err);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), ctx.config.schedulerIntervalSeconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
