import type { FastifyRequest } from 'fastify';
import type { App, AppContext } from '../../context.ts';
import { requestLocale } from '../../http/locale.ts';
import { localDate } from '../../platform/calendar/working-days.ts';
import { now } from '../../platform/clock.ts';
import { listScope } from '../auth/permissions.ts';
import { inTransaction } from '../cases/cases.routes.ts';
import { XLSX_TYPE, attachment } from '../ledgers/excel.ts';
import { resolvePeriod } from '../metrics/periods.ts';
import { orderFigures } from './figures.ts';
import { myOrders, myServiceFile, orderBoard } from './lists.service.ts';
import { orderFiguresWorkbook } from './orders-excel.ts';
import type { OrderRow } from './orders.repository.ts';
import * as s from './orders.schemas.ts';
import { readableOrder, relationOf } from './orders.scope.ts';
import * as orders from './orders.service.ts';
import { orderListView } from './orders.views.ts';

const tags = ['orders'];
const signedIn: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }];
const XlsxFile = { 200: { description: 'An .xlsx workbook (Content-Disposition names it)', content: { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } } } } };
const steps = 'A step of the one case engine: 409 CASE_ACTION_NOT_ALLOWED (naming the state) when the state does not allow it, 403 when the caller may not, 404 for an order out of reach, 409 CASE_CHANGED to the loser of two simultaneous steps.';

/** Service orders (服务点单): residents order, the community dispatches, talents serve, both sides rate. */
export function orderRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx.database;
  const locale = (request: FastifyRequest) => requestLocale(request);
  const view = async (request: FastifyRequest, row: OrderRow) => {
    const [v] = await orderListView(db, request.actor, [row], (r) => relationOf(db, ctx, request.actor, r.case), locale(request));
    return v!;
  };

  app.post('/api/v1/orders', {
    schema: { tags, summary: '服务点单 Order a service', description: 'A resident orders a service for themselves; staff order for a resident (代办) with `forResident` and the consent. The place is a point, a compound or by default the requester\'s home; the order waits in its community\'s queue (社区派单) with the time limits of 志愿服务需求.', security: signedIn, body: s.NewOrderBody, response: { 201: s.OrderView } },
  }, async (request, reply) => {
    const row = await inTransaction(ctx, (tx) => orders.createOrder(tx, ctx, request.actor, request.body));
    return reply.status(201).header('location', `/api/v1/orders/${row.case.id}`).send(await view(request, row));
  });

  app.get('/api/v1/orders', {
    schema: { tags, summary: '点单派单 Order board', description: 'Staff: the orders under their reach, open ones by default and the oldest waiting first, each waiting one with its best three suggestions and their reasons. Filters: state or family, skill, community (an org node), local days placed (the figures\' drill-down).', security: signedIn, querystring: s.BoardQuery, response: { 200: s.OrderList } },
  }, async (request) => orderBoard(db, ctx, request.actor, request.query, locale(request)));

  app.get('/api/v1/orders/mine', {
    schema: { tags, summary: '我的点单 / 我的接单 My orders', description: 'A resident\'s own orders and, for a talent, the orders dispatched to them (open first). 403 for accounts not linked to a resident.', security: signedIn, response: { 200: s.MyOrders } },
  }, async (request) => myOrders(db, ctx, request.actor, locale(request)));

  app.get('/api/v1/orders/my-file', {
    schema: { tags, summary: '我的档案 My service record', description: 'The signed-in talent\'s services done, hours, points and the feedback they received (each rating once both sides rated or a week passed). 404 for a resident who is not a talent.', security: signedIn, response: { 200: s.ServiceFile } },
  }, async (request) => myServiceFile(db, request.actor, locale(request)));

  const figuresOf = (request: FastifyRequest, q: typeof s.FiguresQuery.static) =>
    orderFigures(db, request.actor, q.node, resolvePeriod(q, localDate(now(), ctx.calendar.timeZone)), ctx.calendar.timeZone);

  app.get('/api/v1/orders/figures', {
    schema: { tags, summary: '服务点单指标 Order figures', description: 'Per community under an org node and in total, for a period of local days: orders placed, services verified, their hours and points paid, requesters\' ratings and their average. Drill down with GET /api/v1/orders?community=…&from=…&to=…&state=… . Needs cases.read there.', security: signedIn, querystring: s.FiguresQuery, response: { 200: s.FiguresView } },
  }, async (request) => figuresOf(request, request.query));

  app.get('/api/v1/orders/figures.xlsx', {
    schema: { tags, summary: '服务点单统计 (Excel)', description: 'The figures and the orders placed in the period as an .xlsx workbook (names, never phone numbers).', security: signedIn, querystring: s.FiguresQuery, response: XlsxFile },
  }, async (request, reply) => {
    const figures = await figuresOf(request, request.query);
    const items = [];
    for (let page = 1; ; page++) {
      const chunk = await orderBoard(db, ctx, request.actor, { community: figures.node.id, from: figures.period.from, to: figures.period.to, state: 'all', page, pageSize: 100 }, locale(request));
      items.push(...chunk.items);
      if (chunk.items.length < 100) break;
    }
    const file = await orderFiguresWorkbook(figures, items, locale(request));
    const { from, to } = figures.period;
    return reply.type(XLSX_TYPE).header('content-disposition', attachment(`服务点单统计-${figures.node.name}-${from}-${to}.xlsx`, `orders-${from}-${to}.xlsx`)).header('cache-control', 'no-store').send(file);
  });

  app.get('/api/v1/orders/:ref', {
    schema: { tags, summary: 'An order', description: 'Staff in scope, the requester and the talent it is dispatched to.', security: signedIn, params: s.OrderParams, response: { 200: s.OrderView } },
  }, async (request) => {
    const row = await readableOrder(db, ctx, request.actor, request.params.ref);
    return view(request, row);
  });

  app.get('/api/v1/orders/:ref/matches', {
    schema: { tags, summary: '匹配能人 Suggested talents', description: 'Confirmed talents with the skill who serve the place, ranked by skill level, distance, free hours at the wanted time and their open orders, each with its reasons; those who declined this order are left out. Staff who may dispatch it.', security: signedIn, params: s.OrderParams, response: { 200: s.MatchesView } },
  }, async (request) => {
    const row = await readableOrder(db, ctx, request.actor, request.params.ref);
    const within = listScope(request.actor, 'volunteers.read')?.paths ?? [];
    return orders.matchesForStaff(db, ctx, request.actor, row, locale(request), within);
  });

  const step = <B>(path: string, summary: string, description: string, body: unknown, run: (request: FastifyRequest, b: B) => ReturnType<typeof orders.acceptOrder>) => {
    app.post(`/api/v1/orders/:ref/${path}`, {
      schema: { tags, summary, description: `${description} ${steps}`, security: signedIn, params: s.OrderParams, ...(body ? { body } : {}), response: { 200: s.OrderView } },
    }, async (request) => view(request, await run(request, (request.body ?? {}) as B)));
  };
  const ref = (request: FastifyRequest) => (request.params as { ref: string }).ref;

  step<{ talentId?: string; teamId?: string }>('dispatch', '派单 Dispatch to a talent or team', 'The community sends a waiting order to a talent, or a team (its leader takes it, the team is recorded); the talent must be confirmed, have the skill, serve the place and not have declined it.', s.DispatchBody,
    (request, b) => inTransaction(ctx, (tx) => orders.dispatchOrder(tx, ctx, request.actor, ref(request), b, locale(request))));
  step('accept', '接单 Accept', 'The talent takes the order on (or staff for a talent without an account).', null,
    (request) => inTransaction(ctx, (tx) => orders.acceptOrder(tx, ctx, request.actor, ref(request))));
  step<{ reason: string }>('decline', '谢绝 Decline', 'The talent hands it back with a reason: back to the community\'s queue, and they are not suggested for it again.', s.DeclineBody,
    (request, b) => inTransaction(ctx, (tx) => orders.declineOrder(tx, ctx, request.actor, ref(request), b.reason)));
  step<{ result: string; hours: number; photoIds?: string[] }>('done', '完成服务 Done', 'The talent reports the service done with the result, the hours (the community\'s rate must make whole points of them) and photos.', s.DoneBody,
    (request, b) => inTransaction(ctx, (tx) => orders.completeOrder(tx, ctx, request.actor, ref(request), b)));
  step<{ pass: boolean; note?: string }>('verify', '核查 Verify', 'The case engine\'s verify (as POST /api/v1/cases/:id/verify): staff other than the talent check; a pass closes it and pays the talent\'s points for the hours in the same transaction, once; `points.outcome` says what was paid and why not.', s.VerifyBody,
    (request, b) => inTransaction(ctx, (tx) => orders.verifyOrder(tx, ctx, request.actor, ref(request), b)));
  step<{ score: number; comment?: string }>('rating', '评价 Rate', 'The requester or the talent rates the service once it is done (1–5). The other side\'s rating shows once both rated or a week after it was done. The requester\'s rating is also the case\'s own rating in the app (4–5 满意, 3 基本满意, 1–2 不满意, which reopens it as rework).', s.RatingBody,
    (request, b) => inTransaction(ctx, (tx) => orders.rateOrder(tx, ctx, request.actor, ref(request), b)));
}
