import type { OrderPointsOutcome } from '../../db/tables.ts';
import { AppError } from '../../http/errors.ts';
import { nowIso } from '../../platform/clock.ts';
import type { Actor } from '../auth/permissions.ts';
import type { CaseRow } from '../cases/cases.repository.ts';
import type { Tx } from '../cases/engine.ts';
import { earnPoints, pointsFor } from '../points/earning.service.ts';
import { findRule } from '../points/rules.repository.ts';
import * as repo from './orders.repository.ts';

/** Refusals of `earnPoints` that leave the verification standing, unpaid, with the reason recorded. */
const UNPAID: Partial<Record<string, OrderPointsOutcome>> = { POINTS_RULE_NOT_CONFIGURED: 'no_rule', POINTS_LIMIT_REACHED: 'limit_reached' };

/**
 * 积分 for a verified service (issue 6: "a service counts only after verification"): on a passing check the
 * talent earns the community's `service_hour` rate for the hours they reported, in the verification's own
 * transaction, so two racing verifications pay once (the loser's step fails its compare-and-set and takes its
 * payment back with it) and a re-verification after rework pays nothing more. Without an active rule or at
 * the period's limit the service still counts, unpaid, and the order says why; a talent without a resident
 * record (someone who does not live here) earns hours in their file but no points. A quantity the rule cannot
 * turn into whole points refuses the verification itself.
 */
export async function payVerifiedOrder(tx: Tx, actor: Actor | null, _before: CaseRow, after: CaseRow): Promise<void> {
  if (after.state !== 'closed') return;
  const order = await repo.findOrder(tx.db, after.id);
  if (!order || order.verified_at) return;
  const base = { verified_at: nowIso(), updated_at: nowIso() };
  const talent = order.talent_id ? await tx.db.selectFrom('talents').select('resident_id').where('id', '=', order.talent_id).executeTakeFirst() : undefined;
  if (!talent?.resident_id || !order.hours) {
    await repo.updateOrder(tx.db, order.case_id, { ...base, points: 0, points_outcome: 'no_resident' });
    return;
  }
  try {
    const transfer = await earnPoints(tx.db, {
      residentId: talent.resident_id,
      communityId: order.community_id,
      rule: 'service_hour',
      sourceKind: 'service_order',
      sourceId: after.id,
      quantity: order.hours,
      operatorAccountId: actor?.kind === 'account' ? actor.accountId : null,
      reason: `${after.number} ${after.title}`,
    });
    const rule = await findRule(tx.db, order.community_id, 'service_hour');
    const full = rule ? pointsFor('service_hour', rule.points_per_unit, order.hours) : transfer.amount;
    await repo.updateOrder(tx.db, order.case_id, { ...base, points: transfer.amount, points_outcome: transfer.amount < full ? 'capped' : 'earned', transfer_id: transfer.id });
  } catch (err) {
    const outcome = err instanceof AppError ? UNPAID[err.code] : undefined;
    if (!outcome) throw err;
    await repo.updateOrder(tx.db, order.case_id, { ...base, points: 0, points_outcome: outcome });
  }
}
