import type { AppContext } from '../../context.ts';
import { AppError, type Locale } from '../../http/errors.ts';
import type { CaseState } from '../../db/tables.ts';
import { addDays, startOfLocalDay } from '../../platform/calendar/working-days.ts';
import { type Actor, listScope } from '../auth/permissions.ts';
import { findNode } from '../org/org.repository.ts';
import { findTalentByResident } from '../volunteers/talents.repository.ts';
import * as repo from './orders.repository.ts';
import type { Db, OrderRow } from './orders.repository.ts';
import { relationOf, staffPaths } from './orders.scope.ts';
import { matchesFor } from './orders.service.ts';
import { orderListView } from './orders.views.ts';
import { serviceRecord } from './service-record.ts';

/** Which orders a board filter means: one state, or a family (waiting/open/done/closed). */
const STATE_SETS: Record<string, CaseState[]> = {
  open: ['new', 'dispatched', 'in_progress', 'suspended', 'resolved'],
  waiting: ['new'],
  serving: ['dispatched', 'in_progress', 'suspended'],
  to_verify: ['resolved'],
  closed: ['closed'],
};

export interface BoardQuery {
  state?: string;
  skill?: string;
  community?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

/**
 * 点单派单 board: the orders under the caller's reach (open ones by default, the oldest waiting first), each
 * waiting one with its best suggestion and the reasons. Also the figures' drill-down: a community and the
 * local days an order was placed on.
 */
export async function orderBoard(db: Db, ctx: AppContext, actor: Actor, q: BoardQuery, locale: Locale) {
  const paths = staffPaths(actor, 'cases.read');
  let under: string | undefined;
  if (q.community) {
    const node = await findNode(db, q.community);
    if (!node || !paths.some((p) => node.path.startsWith(p) || p.startsWith(node.path))) throw new AppError('ORG_NODE_NOT_FOUND', { node: q.community });
    under = node.path;
  }
  const pageSize = q.pageSize ?? 20;
  const page = q.page ?? 1;
  const states = q.state === 'all' ? undefined : STATE_SETS[q.state ?? 'open'] ?? [q.state as CaseState];
  const tz = ctx.calendar.timeZone;
  const { rows, total } = await repo.listOrders(db, {
    paths,
    states,
    skill: q.skill,
    under,
    from: q.from ? startOfLocalDay(q.from, tz).toISOString() : undefined,
    before: q.to ? startOfLocalDay(addDays(q.to, 1), tz).toISOString() : undefined,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const views = await orderListView(db, actor, rows, (r) => relationOf(db, ctx, actor, r.case), locale);
  const within = listScope(actor, 'volunteers.read')?.paths ?? [];
  const items = [];
  for (const [i, v] of views.entries()) {
    const row = rows[i]!;
    let suggestions = null;
    if (row.case.state === 'new') {
      const m = await matchesFor(db, ctx, row.case, locale, within, 3).catch((err) => {
        // An order placed outside every grid has nobody to rank; staff dispatch it by hand.
        if (err instanceof AppError && err.code === 'MATCH_PLACE_OUTSIDE_GRIDS') return null;
        throw err;
      });
      suggestions = m ? m.talents : null;
    }
    items.push({ ...v, suggestions });
  }
  return { items, total, page, pageSize };
}

/**
 * 我的点单 / 我的接单: a resident's own orders and, when they are a talent, the orders dispatched to them,
 * open ones first.
 */
export async function myOrders(db: Db, ctx: AppContext, actor: Actor, locale: Locale) {
  if (actor.kind !== 'account') throw new AppError('UNAUTHENTICATED');
  if (!actor.residentId) throw new AppError('ORDER_RESIDENT_ONLY');
  const talent = await findTalentByResident(db, actor.residentId);
  const relation = (r: OrderRow) => relationOf(db, ctx, actor, r.case);
  const [requested, assigned] = await Promise.all([repo.ordersOfRequester(db, actor.residentId), talent ? repo.ordersOfTalent(db, talent.id) : Promise.resolve([])]);
  return {
    talent: talent ? { id: talent.id, name: talent.resident_name ?? talent.name, status: talent.status } : null,
    requested: await orderListView(db, actor, requested, relation, locale),
    assigned: await orderListView(db, actor, assigned, relation, locale),
  };
}

/** 我的档案: the signed-in talent's own service record; 404 for a resident who is not a talent. */
export async function myServiceFile(db: Db, actor: Actor, locale: Locale) {
  if (actor.kind !== 'account') throw new AppError('UNAUTHENTICATED');
  if (!actor.residentId) throw new AppError('ORDER_RESIDENT_ONLY');
  const talent = await findTalentByResident(db, actor.residentId);
  if (!talent) throw new AppError('TALENT_NOT_FOUND');
  return { talent: { id: talent.id, name: talent.resident_name ?? talent.name, status: talent.status }, record: await serviceRecord(db, talent.id, locale) };
}
