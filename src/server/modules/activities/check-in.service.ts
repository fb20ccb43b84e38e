import type { AttendanceMethod, AttendancePointsOutcome } from '../../db/tables.ts';
import { AppError } from '../../http/errors.ts';
import { isUniqueViolation } from '../../db/store-errors.ts';
import { now, nowIso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { type Actor, can } from '../auth/permissions.ts';
import { earnPoints } from '../points/earning.service.ts';
import * as repo from './activities.repository.ts';
import type { ActivityRow, Db } from './activities.repository.ts';
import { manageableActivity } from './activities.scope.ts';
import type { Where } from './activities.service.ts';
import { activityView } from './activities.views.ts';
import { takeSeatOrRefuse } from './sign-ups.service.ts';
import { activityStateZh, pointsOutcomeMessage } from './labels.ts';

/** The door opens this long before the start: the code works from then until the end. */
export const CHECK_IN_OPENS_MINUTES = 30;
/** What the QR code at the door holds before the code itself. */
export const QR_PREFIX = 'lianxin:check-in:';

function opensAt(activity: ActivityRow): string {
  return new Date(Date.parse(activity.starts_at) - CHECK_IN_OPENS_MINUTES * 60_000).toISOString();
}

function assertPublished(activity: ActivityRow): void {
  if (activity.state !== 'published') throw new AppError('ACTIVITY_STATE_CONFLICT', { state: activity.state, stateZh: activityStateZh(activity.state) });
}

/** 签到码: the secret for the QR code at the door, and when it works. */
export async function checkInCode(db: Db, actor: Actor, id: string) {
  const activity = await manageableActivity(db, actor, id);
  return { code: activity.check_in_code, qr: `${QR_PREFIX}${activity.check_in_code}`, validFrom: opensAt(activity), validUntil: activity.ends_at };
}

/**
 * Records one attendance and pays for it through the points ledger in the same transaction: `earnPoints`
 * applies the community's activity_attendance rule (rate, limit per period, never twice for one source). A
 * community without an active rule, or a resident at the period's limit, still gets the attendance, unpaid,
 * and the answer says why. A resident who did not sign up is a walk-in and takes a place if one is left.
 */
async function recordAttendance(db: Db, actor: Actor, activity: ActivityRow, resident: { id: string; path: string }, method: AttendanceMethod, w: Where) {
  if (await repo.findAttendance(db, activity.id, resident.id)) throw new AppError('ALREADY_CHECKED_IN');
  const signUp = await repo.findSignUp(db, activity.id, resident.id);
  const walkIn = signUp?.state !== 'signed_up';
  const at = nowIso();
  if (walkIn) await takeSeatOrRefuse(db, activity, at);
  const id = newId();
  const operator = actor.kind === 'account' ? actor.accountId : null;
  try {
    await repo.insertAttendance(db, { id, activity_id: activity.id, resident_id: resident.id, path: resident.path, method, walk_in: walkIn ? 1 : 0, points: 0, points_outcome: 'not_earning', transfer_id: null, by_account_id: operator, checked_in_at: at });
  } catch (err) {
    // Two check-ins of one resident racing: the other one holds the record (and any walk-in place).
    if (isUniqueViolation(err)) throw new AppError('ALREADY_CHECKED_IN');
    throw err;
  }
  let outcome: AttendancePointsOutcome = 'not_earning';
  let points = 0;
  let transferId: string | null = null;
  if (activity.earns_points === 1) {
    try {
      const t = await earnPoints(db, { residentId: resident.id, communityId: activity.community_id, rule: 'activity_attendance', sourceKind: 'activity', sourceId: id, quantity: 1, operatorAccountId: operator, reason: activity.title });
      outcome = 'earned';
      points = t.amount;
      transferId = t.id;
    } catch (err) {
      // Both refusals are decided before the ledger writes anything, so the transaction goes on.
      if (!(err instanceof AppError) || (err.code !== 'POINTS_RULE_NOT_CONFIGURED' && err.code !== 'POINTS_LIMIT_REACHED')) throw err;
      outcome = err.code === 'POINTS_RULE_NOT_CONFIGURED' ? 'no_rule' : 'limit_reached';
    }
    await repo.setAttendancePoints(db, id, { points, points_outcome: outcome, transfer_id: transferId });
  }
  return {
    id,
    activity: await activityView(db, actor, (await repo.findActivity(db, activity.id))!, w.locale, w.timeZone),
    residentId: resident.id,
    method,
    walkIn,
    checkedInAt: at,
    points,
    pointsOutcome: outcome,
    message: pointsOutcomeMessage(outcome, w.locale),
  };
}

/** 扫码签到: a signed-in resident submits the code from the door, from shortly before the start until the end. */
export async function checkInWithCode(db: Db, actor: Actor, code: string, w: Where) {
  if (actor.kind !== 'account') throw new AppError('UNAUTHENTICATED');
  if (!actor.residentId) throw new AppError('ACTIVITY_RESIDENT_ONLY');
  const secret = code.trim().startsWith(QR_PREFIX) ? code.trim().slice(QR_PREFIX.length) : code.trim();
  const activity = secret ? await repo.findActivityByCode(db, secret) : undefined;
  // A draft's code has never been shown at a door.
  if (!activity || activity.state === 'draft') throw new AppError('CHECK_IN_CODE_INVALID');
  assertPublished(activity);
  const at = now().toISOString();
  if (at < opensAt(activity) || at > activity.ends_at) throw new AppError('CHECK_IN_NOT_OPEN', { minutes: CHECK_IN_OPENS_MINUTES });
  const resident = (await repo.findResident(db, actor.residentId))!;
  return recordAttendance(db, actor, activity, resident, 'code', w);
}

/**
 * 名单签到: the office ticks a resident on the sign-up list (or a walk-in it can see), from when the door opens
 * until the activity is marked finished, so a paper list can be entered after the end.
 */
export async function tickAttendance(db: Db, actor: Actor, id: string, residentId: string, w: Where) {
  const activity = await manageableActivity(db, actor, id);
  assertPublished(activity);
  if (now().toISOString() < opensAt(activity)) throw new AppError('CHECK_IN_NOT_OPEN', { minutes: CHECK_IN_OPENS_MINUTES });
  const resident = await repo.findResident(db, residentId);
  if (!resident) throw new AppError('RESIDENT_NOT_FOUND');
  const signUp = await repo.findSignUp(db, id, resident.id);
  if (!signUp && !can(actor, 'people.read', { path: resident.path, householdId: resident.household_id })) throw new AppError('RESIDENT_NOT_FOUND');
  return recordAttendance(db, actor, activity, resident, 'staff', w);
}
