import { AppError } from '../../http/errors.ts';
import { isUniqueViolation } from '../../db/store-errors.ts';
import { maskPhone } from '../../platform/privacy.ts';
import { now, nowIso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { type Actor, can } from '../auth/permissions.ts';
import * as repo from './activities.repository.ts';
import type { ActivityRow, Db } from './activities.repository.ts';
import { canManageAt, manageableActivity, readableActivity } from './activities.scope.ts';
import type { Where } from './activities.service.ts';
import { activityView, activityViews } from './activities.views.ts';
import { activityStateZh } from './labels.ts';

/**
 * Whom a sign-up or withdrawal is for: the caller themselves, or (代报名, for elderly residents without a phone)
 * a resident the office running the activity can see. Anyone else's sign-up is refused.
 */
async function residentFor(db: Db, actor: Actor, activity: ActivityRow, residentId: string | undefined) {
  if (actor.kind !== 'account') throw new AppError('UNAUTHENTICATED');
  if (!residentId || residentId === actor.residentId) {
    if (!actor.residentId) throw new AppError('ACTIVITY_RESIDENT_ONLY');
    return { resident: (await repo.findResident(db, actor.residentId))!, byStaff: false };
  }
  if (!canManageAt(actor, activity.path)) throw new AppError('ACTIVITY_NOT_YOUR_SIGN_UP');
  const resident = await repo.findResident(db, residentId);
  if (!resident || !can(actor, 'people.read', { path: resident.path, householdId: resident.household_id })) throw new AppError('RESIDENT_NOT_FOUND');
  return { resident, byStaff: true };
}

function assertSignUpOpen(activity: ActivityRow): void {
  if (activity.state !== 'published') throw new AppError('ACTIVITY_STATE_CONFLICT', { state: activity.state, stateZh: activityStateZh(activity.state) });
  const at = now().toISOString();
  const closes = activity.sign_up_closes_at ?? activity.starts_at;
  if (at >= activity.starts_at || at >= closes || (activity.sign_up_opens_at && at < activity.sign_up_opens_at)) throw new AppError('ACTIVITY_SIGN_UP_CLOSED');
}

/** Takes a place or says why not: the activity changed state meanwhile, or it is full. */
export async function takeSeatOrRefuse(db: Db, activity: ActivityRow, at: string): Promise<void> {
  if (await repo.takeSeat(db, activity.id, at)) return;
  const fresh = (await repo.findActivity(db, activity.id))!;
  if (fresh.state !== 'published') throw new AppError('ACTIVITY_STATE_CONFLICT', { state: fresh.state, stateZh: activityStateZh(fresh.state) });
  throw new AppError('ACTIVITY_FULL', { capacity: fresh.capacity });
}

/** 报名: a resident signs up before the start and inside the sign-up window, while places are left. */
export async function signUp(db: Db, actor: Actor, id: string, residentId: string | undefined, w: Where) {
  const activity = await readableActivity(db, actor, id);
  const { resident, byStaff } = await residentFor(db, actor, activity, residentId);
  // Places are the community's to give: its own residents sign up, others may still walk in at the door.
  if (!resident.path.startsWith(activity.path)) throw new AppError('ACTIVITY_OTHER_COMMUNITY');
  assertSignUpOpen(activity);
  const existing = await repo.findSignUp(db, id, resident.id);
  if (existing?.state === 'signed_up') throw new AppError('ACTIVITY_ALREADY_SIGNED_UP');
  if (await repo.findAttendance(db, id, resident.id)) throw new AppError('ALREADY_CHECKED_IN');
  const at = nowIso();
  const by = actor.kind === 'account' ? actor.accountId : null;
  await takeSeatOrRefuse(db, activity, at);
  if (existing) {
    if (!(await repo.setSignUpState(db, existing.id, 'withdrawn', { state: 'signed_up', by_staff: byStaff ? 1 : 0, by_account_id: by, updated_at: at }))) throw new AppError('ACTIVITY_ALREADY_SIGNED_UP');
  } else {
    try {
      await repo.insertSignUp(db, { id: newId(), activity_id: id, resident_id: resident.id, path: resident.path, state: 'signed_up', by_staff: byStaff ? 1 : 0, by_account_id: by, created_at: at, updated_at: at });
    } catch (err) {
      // The same resident signing up twice at once: the other request holds the place; this one takes none.
      if (isUniqueViolation(err)) throw new AppError('ACTIVITY_ALREADY_SIGNED_UP');
      throw err;
    }
  }
  const view = await activityView(db, actor, (await repo.findActivity(db, id))!, w.locale, w.timeZone);
  return { activity: view, residentId: resident.id, state: 'signed_up' as const, byStaff };
}

/** 取消报名: before the start, for oneself (or by the office for someone it signed up); the place is freed. */
export async function withdrawSignUp(db: Db, actor: Actor, id: string, residentId: string | undefined, w: Where) {
  const activity = await readableActivity(db, actor, id);
  const { resident, byStaff } = await residentFor(db, actor, activity, residentId);
  if (activity.state !== 'published') throw new AppError('ACTIVITY_STATE_CONFLICT', { state: activity.state, stateZh: activityStateZh(activity.state) });
  if (now().toISOString() >= activity.starts_at) throw new AppError('ACTIVITY_SIGN_UP_CLOSED');
  const existing = await repo.findSignUp(db, id, resident.id);
  const at = nowIso();
  if (!existing || !(await repo.setSignUpState(db, existing.id, 'signed_up', { state: 'withdrawn', updated_at: at }))) throw new AppError('ACTIVITY_NOT_SIGNED_UP');
  await repo.releaseSeat(db, id, at);
  const view = await activityView(db, actor, (await repo.findActivity(db, id))!, w.locale, w.timeZone);
  return { activity: view, residentId: resident.id, state: 'withdrawn' as const, byStaff };
}

/** 报名名单: who signed up and who came, for the office that runs the activity (phones masked). */
export async function activityRoster(db: Db, actor: Actor, id: string, w: Where) {
  const activity = await manageableActivity(db, actor, id);
  const { signUps, attendances } = await repo.rosterOf(db, id);
  const came = new Map(attendances.map((a) => [a.resident_id, a]));
  const items = signUps.map((s) => {
    const a = came.get(s.resident_id);
    came.delete(s.resident_id);
    return { residentId: s.resident_id, name: s.name, phone: s.phone ? maskPhone(s.phone) : null, signedUp: s.state === 'signed_up', byStaff: s.by_staff === 1, checkedIn: !!a, walkIn: a?.walk_in === 1, method: a?.method ?? null, points: a?.points ?? 0, checkedInAt: a?.checked_in_at ?? null };
  });
  for (const a of came.values()) items.push({ residentId: a.resident_id, name: a.name, phone: a.phone ? maskPhone(a.phone) : null, signedUp: false, byStaff: false, checkedIn: true, walkIn: a.walk_in === 1, method: a.method, points: a.points, checkedInAt: a.checked_in_at });
  return { activity: await activityView(db, actor, activity, w.locale, w.timeZone), items };
}

/** 我的活动: the caller's sign-ups and attendances, newest first. */
export async function myActivities(db: Db, actor: Actor, w: Where) {
  if (actor.kind !== 'account') throw new AppError('UNAUTHENTICATED');
  if (!actor.residentId) throw new AppError('ACTIVITY_RESIDENT_ONLY');
  const { rows, signUps, attendances } = await repo.activitiesOfResident(db, actor.residentId, 100);
  const views = await activityViews(db, actor, rows, w.locale, w.timeZone);
  return {
    items: views.map((activity) => {
      const a = attendances.find((x) => x.activity_id === activity.id);
      return { activity, signedUp: signUps.some((s) => s.activity_id === activity.id && s.state === 'signed_up'), checkedIn: !!a, points: a?.points ?? 0 };
    }),
  };
}
