import type { PointPeriod, PointRuleName } from '../../db/tables.ts';
import { AppError } from '../../http/errors.ts';
import { localDate } from '../../platform/calendar/working-days.ts';
import { now } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { type Actor, assertSignedIn, can } from '../auth/permissions.ts';
import { accountOf, assertWholePoints, postTransfer, type Community } from './ledger.ts';
import * as repo from './ledger.repository.ts';
import type { Db, TransferRow } from './ledger.repository.ts';
import * as rules from './rules.repository.ts';
import { managedCommunity } from './points.scope.ts';

// Racing awards under a cap re-read the period's total and try again; a handful of rounds settles any race.
const CAP_ATTEMPTS = 5;

export interface EarnInput {
  residentId: string;
  /** The issuing community (its id). Defaults to the resident's own community. */
  communityId?: string;
  rule: PointRuleName;
  /** What paid: e.g. `service_order` + its id, `activity` + the attendance id, `award` for staff awards. */
  sourceKind: string;
  sourceId: string;
  /** Verified hours, attendances, or (for `manual`) the points themselves; 1 when not given. */
  quantity?: number;
  operatorAccountId: string | null;
  reason?: string | null;
}

/** `2026-05` for a monthly limit, `2026` for a yearly one, from the local day. */
export function periodKey(period: PointPeriod, day: string): string {
  return period === 'month' ? day.slice(0, 7) : day.slice(0, 4);
}

/** Points a quantity earns under a rule: whole points or a refusal (POINTS_QUANTITY_INVALID). */
export function pointsFor(rule: PointRuleName, perUnit: number, quantity: number): number {
  if (rule === 'manual') {
    assertWholePoints(quantity);
    return quantity;
  }
  if (!Number.isFinite(quantity) || quantity <= 0) throw new AppError('POINTS_QUANTITY_INVALID', { field: 'quantity', value: quantity });
  const exact = quantity * perUnit;
  const points = Math.round(exact);
  // 1.5 hours at 2 points an hour is 3 points; 1.3 hours at 1 point is not a whole number and is refused.
  if (Math.abs(exact - points) > 1e-9) throw new AppError('POINTS_QUANTITY_INVALID', { field: 'quantity', value: quantity });
  assertWholePoints(points);
  return points;
}

async function issuingCommunity(db: Db, input: EarnInput, residentPath: string): Promise<Community> {
  if (input.communityId) {
    const node = await db.selectFrom('org_nodes').select(['id', 'path', 'kind']).where('id', '=', input.communityId).executeTakeFirst();
    if (!node) throw new AppError('ORG_NODE_NOT_FOUND', { community: input.communityId });
    if (node.kind !== 'community') throw new AppError('POINTS_COMMUNITY_REQUIRED', { kind: node.kind });
    return { id: node.id, path: node.path };
  }
  const own = await repo.communityOnPath(db, residentPath);
  if (!own) throw new AppError('POINTS_COMMUNITY_REQUIRED');
  return { id: own.id, path: own.path };
}

/**
 * 积分发放: pays a resident points under one of a community's rules, from the community's pool, inside the
 * caller's transaction (the activities and service-order modules call this once a service is verified or an
 * attendance recorded). The same source never pays the same person twice under a rule, and the rule's limit
 * per person and period caps or refuses what exceeds it. Returns the transfer (its amount may be capped).
 */
export async function earnPoints(db: Db, input: EarnInput): Promise<TransferRow> {
  const resident = await db.selectFrom('residents').select(['id', 'path']).where('id', '=', input.residentId).executeTakeFirst();
  if (!resident) throw new AppError('RESIDENT_NOT_FOUND', { residentId: input.residentId });
  const reason = input.reason?.trim() || null;
  if (input.rule === 'manual' && !reason) throw new AppError('POINTS_REASON_REQUIRED', { field: 'reason' });
  const community = await issuingCommunity(db, input, resident.path);
  const rule = await rules.findRule(db, community.id, input.rule);
  if (!rule || rule.active !== 1) throw new AppError('POINTS_RULE_NOT_CONFIGURED', { rule: input.rule });
  const quantity = input.quantity ?? 1;
  let points = pointsFor(input.rule, rule.points_per_unit, quantity);

  const pool = await accountOf(db, 'pool', community);
  const person = await accountOf(db, 'person', community, resident.id);
  if (await repo.findEarnBySource(db, input.rule, input.sourceKind, input.sourceId, person.id)) throw new AppError('POINTS_ALREADY_EARNED', { sourceKind: input.sourceKind, sourceId: input.sourceId });

  if (rule.period) {
    const key = periodKey(rule.period, localDate(now()));
    const at = now().toISOString();
    const limit = rule.period_limit;
    if (limit === null || rule.over_limit === 'refuse') {
      await repo.openEarningTotal(db, person.id, input.rule, key, at);
      if (!(await repo.raiseEarningTotal(db, person.id, input.rule, key, points, limit, at))) throw new AppError('POINTS_LIMIT_REACHED', { limit, period: rule.period });
    } else {
      let granted = 0;
      for (let attempt = 0; attempt < CAP_ATTEMPTS && granted === 0; attempt++) {
        const earned = await repo.openEarningTotal(db, person.id, input.rule, key, at);
        const room = Math.min(points, limit - earned);
        if (room <= 0) throw new AppError('POINTS_LIMIT_REACHED', { limit, period: rule.period });
        if (await repo.raiseEarningTotal(db, person.id, input.rule, key, room, limit, at)) granted = room;
      }
      if (granted === 0) throw new AppError('CONFLICT');
      points = granted;
    }
  }

  return postTransfer(db, {
    from: pool,
    to: person,
    amount: points,
    kind: 'earn',
    rule: input.rule,
    quantity,
    sourceKind: input.sourceKind,
    sourceId: input.sourceId,
    residentId: resident.id,
    operatorAccountId: input.operatorAccountId,
    reason,
  });
}

export interface AwardInput {
  community: string;
  residentId: string;
  points: number;
  reason: string;
}

/** 人工奖励: a staff member awards points by hand, with a reason, under the community's `manual` rule. */
export async function awardPoints(db: Db, actor: Actor, input: AwardInput): Promise<TransferRow> {
  assertSignedIn(actor);
  const community = await managedCommunity(db, actor, input.community);
  const resident = await db.selectFrom('residents').select(['id', 'path']).where('id', '=', input.residentId).executeTakeFirst();
  // A hand award goes to someone the office can see: a resident under its own node.
  if (!resident || !can(actor, 'people.read', { path: resident.path })) throw new AppError('RESIDENT_NOT_FOUND');
  assertWholePoints(input.points);
  if (!input.reason.trim()) throw new AppError('POINTS_REASON_REQUIRED', { field: 'reason' });
  return earnPoints(db, {
    residentId: resident.id,
    communityId: community.id,
    rule: 'manual',
    // Each award is its own source: a second award for the same deed is a decision the reason records.
    sourceKind: 'award',
    sourceId: newId(),
    quantity: input.points,
    operatorAccountId: actor.accountId,
    reason: input.reason,
  });
}
