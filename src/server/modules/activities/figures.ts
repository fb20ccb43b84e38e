import { sql } from 'kysely';
import { AppError } from '../../http/errors.ts';
import { underPath } from '../../db/paths.ts';
import { addDays, startOfLocalDay } from '../../platform/calendar/working-days.ts';
import { now } from '../../platform/clock.ts';
import type { Actor } from '../auth/permissions.ts';
import { findNode } from '../org/org.repository.ts';
import type { Db } from './activities.repository.ts';
import { managedPaths } from './activities.scope.ts';

interface Counts {
  held: number;
  cancelled: number;
  signUps: number;
  attendance: number;
  attendanceRate: number | null;
  pointsIssued: number;
}

const zero = (): Omit<Counts, 'attendanceRate'> & { cameSignedUp: number } => ({ held: 0, cancelled: 0, signUps: 0, attendance: 0, cameSignedUp: 0, pointsIssued: 0 });

function finish(c: ReturnType<typeof zero>): Counts {
  const { cameSignedUp, ...rest } = c;
  return { ...rest, attendanceRate: c.signUps === 0 ? null : Math.round((cameSignedUp / c.signUps) * 1000) / 1000 };
}

/**
 * 活动指标: for every community under a node, the activities held in a period of local days (published or
 * finished, started by now, not cancelled), those cancelled, their sign-ups and attendance, the share of
 * signed-up residents who came, and the points paid at check-in. Each number is defined here once.
 */
export async function activityFigures(db: Db, actor: Actor, nodeRef: string, period: { from: string; to: string }, timeZone: string) {
  const paths = managedPaths(actor);
  const node = await findNode(db, nodeRef);
  if (!node || !paths.some((p) => node.path.startsWith(p))) throw new AppError('ORG_NODE_NOT_FOUND', { node: nodeRef });
  const from = startOfLocalDay(period.from, timeZone).toISOString();
  const before = startOfLocalDay(addDays(period.to, 1), timeZone).toISOString();
  const started = now().toISOString();
  // Activities hang on their community; a sector or grid is reported as the community it lies in.
  const scope = node.kind === 'sector' || node.kind === 'grid' ? `/${node.path.split('/').filter(Boolean).slice(0, 3).join('/')}/` : node.path;
  const communities = await db.selectFrom('org_nodes').select(['id', 'code', 'name', 'kind']).where('kind', '=', 'community').where(underPath('path', scope)).orderBy('code').execute();
  const inPeriod = db.selectFrom('activities').where(underPath('path', scope)).where('starts_at', '>=', from).where('starts_at', '<', before);
  const held = inPeriod.where('state', 'in', ['published', 'finished']).where('starts_at', '<=', started);
  const activities = await inPeriod.select(['community_id', 'state', 'starts_at']).execute();
  const signUps = await db.selectFrom('activity_sign_ups').innerJoin('activities', 'activities.id', 'activity_sign_ups.activity_id')
    .select(['activities.community_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('activity_sign_ups.state', '=', 'signed_up').where('activities.id', 'in', held.select('id')).groupBy('activities.community_id').execute();
  const attendance = await db.selectFrom('activity_attendances').innerJoin('activities', 'activities.id', 'activity_attendances.activity_id')
    .select(['activities.community_id', (eb) => eb.fn.countAll<number>().as('n'), sql<number>`sum(case when activity_attendances.walk_in = 0 then 1 else 0 end)`.as('signed'), sql<number>`sum(activity_attendances.points)`.as('points')])
    .where('activities.id', 'in', held.select('id')).groupBy('activities.community_id').execute();

  const rows = new Map(communities.map((c) => [c.id, zero()]));
  for (const a of activities) {
    const r = rows.get(a.community_id);
    if (!r) continue;
    if (a.state === 'cancelled') r.cancelled++;
    else if ((a.state === 'published' || a.state === 'finished') && a.starts_at <= started) r.held++;
  }
  for (const s of signUps) if (rows.has(s.community_id)) rows.get(s.community_id)!.signUps = Number(s.n);
  for (const a of attendance) {
    const r = rows.get(a.community_id);
    if (!r) continue;
    r.attendance = Number(a.n);
    r.cameSignedUp = Number(a.signed ?? 0);
    r.pointsIssued = Number(a.points ?? 0);
  }
  const total = zero();
  for (const r of rows.values()) for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += r[k];
  return {
    node: { id: node.id, code: node.code, name: node.name },
    period,
    total: finish(total),
    communities: communities.map((c) => ({ community: { id: c.id, code: c.code, name: c.name, kind: c.kind }, ...finish(rows.get(c.id)!) })),
  };
}
