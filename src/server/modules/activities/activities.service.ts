import { randomBytes } from 'node:crypto';
import type { ActivityKind } from '../../db/tables.ts';
import { AppError, type Locale } from '../../http/errors.ts';
import { limitOffset } from '../../http/schemas.ts';
import { addDays, localDate, startOfLocalDay } from '../../platform/calendar/working-days.ts';
import { toDayNumber } from '../../platform/calendar/local-time.ts';
import { now, nowIso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../auth/permissions.ts';
import { findNode } from '../org/org.repository.ts';
import { communityOnPath } from '../points/ledger.repository.ts';
import * as repo from './activities.repository.ts';
import type { ActivityRow, Db } from './activities.repository.ts';
import { managedCommunity, managedPaths, manageableActivity, readableActivity } from './activities.scope.ts';
import { activityView, activityViews } from './activities.views.ts';
import { activityStateZh } from './labels.ts';

/** The longest calendar one request may ask for. */
const CALENDAR_MAX_DAYS = 92;

export interface ActivityInput {
  title?: string;
  kind?: ActivityKind;
  description?: string | null;
  address?: string;
  location?: { lng: number; lat: number } | null;
  startsAt?: string;
  endsAt?: string;
  capacity?: number | null;
  signUpOpensAt?: string | null;
  signUpClosesAt?: string | null;
  team?: string | null;
  earnsPoints?: boolean;
}

export interface Where {
  locale: Locale;
  timeZone: string;
}

/** An ISO instant as the UTC string every table stores; a string the schema let through but Date cannot read is refused. */
function instant(value: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new AppError('ACTIVITY_TIMES_INVALID', { value });
  return new Date(ms).toISOString();
}

const optionalInstant = (value: string | null | undefined) => (value ? instant(value) : null);

/** End after start; sign-up opens before it closes and closes no later than the start. */
function assertTimes(row: Pick<ActivityRow, 'starts_at' | 'ends_at' | 'sign_up_opens_at' | 'sign_up_closes_at'>): void {
  const bad = (field: string) => new AppError('ACTIVITY_TIMES_INVALID', { field });
  if (row.ends_at <= row.starts_at) throw bad('endsAt');
  if (row.sign_up_closes_at && row.sign_up_closes_at > row.starts_at) throw bad('signUpClosesAt');
  if (row.sign_up_opens_at && row.sign_up_opens_at >= (row.sign_up_closes_at ?? row.starts_at)) throw bad('signUpOpensAt');
}

async function teamOf(db: Db, teamId: string | null | undefined, communityId: string): Promise<string | null> {
  if (!teamId) return null;
  const team = await repo.findTeam(db, teamId);
  if (!team) throw new AppError('TEAM_NOT_FOUND', { team: teamId });
  if (team.community_id !== communityId) throw new AppError('TEAM_OTHER_COMMUNITY', { team: teamId });
  return team.id;
}

/** 发布活动 (draft): staff of the community and above create an activity; residents see it once published. */
export async function createActivity(db: Db, actor: Actor, input: ActivityInput & { community: string }, w: Where) {
  const community = await managedCommunity(db, actor, input.community);
  if (actor.kind !== 'account') throw new AppError('UNAUTHENTICATED');
  const at = nowIso();
  const row: ActivityRow = {
    id: newId(),
    community_id: community.id,
    path: community.path,
    title: input.title!.trim(),
    kind: input.kind!,
    description: input.description?.trim() || null,
    address: input.address!.trim(),
    lng: input.location?.lng ?? null,
    lat: input.location?.lat ?? null,
    starts_at: instant(input.startsAt!),
    ends_at: instant(input.endsAt!),
    capacity: input.capacity ?? null,
    sign_up_opens_at: optionalInstant(input.signUpOpensAt),
    sign_up_closes_at: optionalInstant(input.signUpClosesAt),
    organiser_account_id: actor.accountId,
    organiser_name: actor.displayName,
    team_id: await teamOf(db, input.team, community.id),
    state: 'draft',
    cancel_reason: null,
    earns_points: input.earnsPoints === false ? 0 : 1,
    check_in_code: randomBytes(9).toString('base64url'),
    seats_taken: 0,
    created_by: actor.accountId,
    published_at: null,
    created_at: at,
    updated_at: at,
  };
  assertTimes(row);
  await repo.insertActivity(db, row);
  return activityView(db, actor, row, w.locale, w.timeZone);
}

function assertState(row: ActivityRow, allowed: readonly ActivityRow['state'][]): void {
  if (!allowed.includes(row.state)) throw new AppError('ACTIVITY_STATE_CONFLICT', { state: row.state, stateZh: activityStateZh(row.state) });
}

/** Changes a draft or published activity; the capacity never drops below the places already taken. */
export async function editActivity(db: Db, actor: Actor, id: string, input: ActivityInput, w: Where) {
  const row = await manageableActivity(db, actor, id);
  assertState(row, ['draft', 'published']);
  const next: ActivityRow = {
    ...row,
    ...(input.title !== undefined && { title: input.title.trim() }),
    ...(input.kind !== undefined && { kind: input.kind }),
    ...(input.description !== undefined && { description: input.description?.trim() || null }),
    ...(input.address !== undefined && { address: input.address.trim() }),
    ...(input.location !== undefined && { lng: input.location?.lng ?? null, lat: input.location?.lat ?? null }),
    ...(input.startsAt !== undefined && { starts_at: instant(input.startsAt) }),
    ...(input.endsAt !== undefined && { ends_at: instant(input.endsAt) }),
    ...(input.capacity !== undefined && { capacity: input.capacity }),
    ...(input.signUpOpensAt !== undefined && { sign_up_opens_at: optionalInstant(input.signUpOpensAt) }),
    ...(input.signUpClosesAt !== undefined && { sign_up_closes_at: optionalInstant(input.signUpClosesAt) }),
    ...(input.earnsPoints !== undefined && { earns_points: input.earnsPoints ? 1 : 0 }),
    updated_at: nowIso(),
  };
  if (input.team !== undefined) next.team_id = await teamOf(db, input.team, row.community_id);
  assertTimes(next);
  const { id: _id, seats_taken: _seats, state: _state, ...patch } = next;
  // Guarded against a sign-up racing the change: the update holds only while the places taken still fit.
  if (!(await repo.updateActivityFitting(db, id, row.state, patch))) {
    const fresh = (await repo.findActivity(db, id))!;
    if (fresh.state !== row.state) assertState(fresh, []);
    throw new AppError('ACTIVITY_CAPACITY_BELOW_SIGN_UPS', { taken: fresh.seats_taken });
  }
  return activityView(db, actor, (await repo.findActivity(db, id))!, w.locale, w.timeZone);
}

async function move(db: Db, actor: Actor, id: string, from: readonly ActivityRow['state'][], patch: (row: ActivityRow) => Partial<ActivityRow>, check: (row: ActivityRow) => Promise<void> | void, w: Where) {
  const row = await manageableActivity(db, actor, id);
  assertState(row, from);
  await check(row);
  if (!(await repo.changeState(db, id, from, { ...patch(row), updated_at: nowIso() }))) {
    const fresh = (await repo.findActivity(db, id))!;
    assertState(fresh, []);
  }
  return activityView(db, actor, (await repo.findActivity(db, id))!, w.locale, w.timeZone);
}

/** 发布: residents can see it in the calendar and sign up. */
export function publishActivity(db: Db, actor: Actor, id: string, w: Where) {
  return move(db, actor, id, ['draft'], () => ({ state: 'published', published_at: nowIso() }), () => {}, w);
}

/** 取消, with the reason residents will read; refused once anyone has checked in. */
export function cancelActivity(db: Db, actor: Actor, id: string, reason: string, w: Where) {
  return move(db, actor, id, ['draft', 'published'], () => ({ state: 'cancelled', cancel_reason: reason.trim() }), async (row) => {
    if (await repo.hasAttendance(db, row.id)) throw new AppError('ACTIVITY_HAS_ATTENDANCE');
  }, w);
}

/** 结束: closes check-in and the staff's list once the activity has started. */
export function finishActivity(db: Db, actor: Actor, id: string, w: Where) {
  return move(db, actor, id, ['published'], () => ({ state: 'finished' }), (row) => {
    if (now().toISOString() < row.starts_at) throw new AppError('ACTIVITY_NOT_STARTED');
  }, w);
}

export async function getActivity(db: Db, actor: Actor, id: string, w: Where) {
  return activityView(db, actor, await readableActivity(db, actor, id), w.locale, w.timeZone);
}

/** Local days as the instants that bound them: [start of `from`, start of the day after `to`). */
function dayRange(from: string | undefined, to: string | undefined, timeZone: string) {
  return {
    startsFrom: from ? startOfLocalDay(from, timeZone).toISOString() : undefined,
    startsBefore: to ? startOfLocalDay(addDays(to, 1), timeZone).toISOString() : undefined,
  };
}

/** The office's list: every activity under the caller's reach, in every state, by start. */
export async function listActivities(db: Db, actor: Actor, q: { node?: string; state?: ActivityRow['state']; from?: string; to?: string; page?: number; pageSize?: number }, w: Where) {
  let paths = managedPaths(actor);
  if (q.node) {
    const node = await findNode(db, q.node);
    if (!node) throw new AppError('ORG_NODE_NOT_FOUND', { node: q.node });
    // A node inside the reach narrows to it; one above the reach (a community worker's street) to the reach inside it.
    const narrowed = paths.some((p) => node.path.startsWith(p)) ? [node.path] : paths.filter((p) => p.startsWith(node.path));
    if (narrowed.length === 0) throw new AppError('ORG_NODE_NOT_FOUND', { node: q.node });
    paths = narrowed;
  }
  const p = limitOffset(q);
  const { rows, total } = await repo.listActivities(db, { paths, states: q.state ? [q.state] : undefined, ...dayRange(q.from, q.to, w.timeZone), limit: p.limit, offset: p.offset });
  return { items: await activityViews(db, actor, rows, w.locale, w.timeZone), total, page: p.page, pageSize: p.pageSize };
}

/**
 * 活动日历: a community's published (and cancelled or finished) activities between two local days, for anyone;
 * a signed-in resident who names no community gets their own.
 */
export async function activityCalendar(db: Db, actor: Actor, q: { community?: string; from?: string; to?: string }, w: Where) {
  let community;
  if (q.community) {
    community = await findNode(db, q.community);
    if (!community) throw new AppError('ORG_NODE_NOT_FOUND', { community: q.community });
    if (community.kind !== 'community') throw new AppError('ACTIVITY_COMMUNITY_REQUIRED', { kind: community.kind });
  } else {
    const resident = actor.kind === 'account' && actor.residentId ? await repo.findResident(db, actor.residentId) : undefined;
    const own = resident ? await communityOnPath(db, resident.path) : undefined;
    if (!own) throw new AppError('ACTIVITY_COMMUNITY_REQUIRED');
    community = (await findNode(db, own.id))!;
  }
  const from = q.from ?? localDate(now(), w.timeZone);
  const to = q.to ?? addDays(from, 30);
  let span: number;
  try {
    span = toDayNumber(to) - toDayNumber(from);
  } catch {
    throw new AppError('CALENDAR_RANGE_INVALID');
  }
  if (span < 0 || span >= CALENDAR_MAX_DAYS) throw new AppError('CALENDAR_RANGE_INVALID', { from, to });
  const { rows } = await repo.listActivities(db, { paths: [community.path], states: ['published', 'cancelled', 'finished'], ...dayRange(from, to, w.timeZone), limit: 1000, offset: 0 });
  return {
    community: { id: community.id, code: community.code, name: community.name, kind: community.kind },
    from,
    to,
    items: await activityViews(db, actor, rows, w.locale, w.timeZone),
  };
}
