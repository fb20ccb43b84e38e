import { sql } from 'kysely';
import { underPath } from '../../db/paths.ts';
import { AppError } from '../../http/errors.ts';
import { addDays, startOfLocalDay } from '../../platform/calendar/working-days.ts';
import type { Actor } from '../auth/permissions.ts';
import { findNode } from '../org/org.repository.ts';
import type { Db } from './orders.repository.ts';
import { staffPaths } from './orders.scope.ts';

interface Counts {
  ordered: number;
  done: number;
  hours: number;
  ratings: number;
  averageRating: number | null;
  pointsPaid: number;
}

const zero = () => ({ ordered: 0, done: 0, hours: 0, ratings: 0, ratingSum: 0, pointsPaid: 0 });

function finish(c: ReturnType<typeof zero>): Counts {
  const { ratingSum, ...rest } = c;
  return { ...rest, hours: Math.round(c.hours * 100) / 100, averageRating: c.ratings === 0 ? null : Math.round((ratingSum / c.ratings) * 100) / 100 };
}

/**
 * 服务点单指标 (issue 6: "services done, hours, average rating per community and period"): for every community
 * under a node, the orders placed in a period of local days, the services verified in it with their hours and
 * the points they paid, and the average of the requesters' ratings given in it. A sector or grid reports its
 * community's row, counting only its own orders. Each number is defined here once.
 */
export async function orderFigures(db: Db, actor: Actor, nodeRef: string, period: { from: string; to: string }, timeZone: string) {
  const paths = staffPaths(actor, 'cases.read');
  const node = await findNode(db, nodeRef);
  if (!node || !paths.some((p) => node.path.startsWith(p))) throw new AppError('ORG_NODE_NOT_FOUND', { node: nodeRef });
  const from = startOfLocalDay(period.from, timeZone).toISOString();
  const before = startOfLocalDay(addDays(period.to, 1), timeZone).toISOString();
  const low = node.kind === 'sector' || node.kind === 'grid';
  const communityScope = low ? `/${node.path.split('/').filter(Boolean).slice(0, 3).join('/')}/` : node.path;
  const communities = await db.selectFrom('org_nodes').select(['id', 'code', 'name', 'kind']).where('kind', '=', 'community').where(underPath('path', communityScope)).orderBy('code').execute();
  const orders = db.selectFrom('service_orders').innerJoin('cases', 'cases.id', 'service_orders.case_id').where(underPath('service_orders.path', node.path));
  const [ordered, done, rated] = await Promise.all([
    orders.select(['service_orders.community_id', (eb) => eb.fn.countAll<number>().as('n')]).where('cases.reported_at', '>=', from).where('cases.reported_at', '<', before).groupBy('service_orders.community_id').execute(),
    orders
      .select(['service_orders.community_id', (eb) => eb.fn.countAll<number>().as('n'), sql<number | null>`sum(service_orders.hours)`.as('hours'), sql<number | null>`sum(service_orders.points)`.as('points')])
      .where('service_orders.verified_at', '>=', from).where('service_orders.verified_at', '<', before).groupBy('service_orders.community_id').execute(),
    orders
      .innerJoin('order_ratings', 'order_ratings.case_id', 'service_orders.case_id')
      .select(['service_orders.community_id', (eb) => eb.fn.countAll<number>().as('n'), sql<number>`sum(order_ratings.score)`.as('total')])
      .where('order_ratings.side', '=', 'requester').where('order_ratings.at', '>=', from).where('order_ratings.at', '<', before).groupBy('service_orders.community_id').execute(),
  ]);
  const rows = new Map(communities.map((c) => [c.id, zero()]));
  for (const r of ordered) if (rows.has(r.community_id)) rows.get(r.community_id)!.ordered = Number(r.n);
  for (const r of done) {
    const row = rows.get(r.community_id);
    if (!row) continue;
    row.done = Number(r.n);
    row.hours = Number(r.hours ?? 0);
    row.pointsPaid = Number(r.points ?? 0);
  }
  for (const r of rated) {
    const row = rows.get(r.community_id);
    if (!row) continue;
    row.ratings = Number(r.n);
    row.ratingSum = Number(r.total ?? 0);
  }
  const total = zero();
  for (const r of rows.values()) for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += r[k];
  return {
    node: { id: node.id, code: node.code, name: node.name },
    period,
    total: finish(total),
    communities: communities.map((c) => ({ community: { id: c.id, code: c.code, name: c.name }, ...finish(rows.get(c.id)!) })),
  };
}

export type OrderFigures = Awaited<ReturnType<typeof orderFigures>>;
