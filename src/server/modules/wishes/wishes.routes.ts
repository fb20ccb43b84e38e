import type { FastifyRequest } from 'fastify';
import type { App, AppContext } from '../../context.ts';
import { isUniqueViolation } from '../../db/store-errors.ts';
import { requestLocale } from '../../http/locale.ts';
import { localDate } from '../../platform/calendar/working-days.ts';
import { now } from '../../platform/clock.ts';
import { inTransaction } from '../cases/cases.routes.ts';
import { XLSX_TYPE, attachment } from '../ledgers/excel.ts';
import { resolvePeriod } from '../metrics/periods.ts';
import { claimWish, fulfilClaim, withdrawClaim } from './claims.service.ts';
import { figuresNode, wishFigures } from './figures.ts';
import * as s from './wishes.schemas.ts';
import { getWish, listWishes, postWish, publicNeedsList } from './wishes.service.ts';
import { wishesWorkbook } from './wishes-excel.ts';

const tags = ['wishes'];
const signedIn: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }];
const XlsxFile = { 200: { description: 'An .xlsx workbook (Content-Disposition names it)', content: { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } } } } };
const match = 'Needs volunteers.manage at the wish\'s community (the community office and above): 403 for a wish the caller reads but does not match, 404 for one out of reach.';

/** Micro-wishes (微心愿): posting, the matching board, claims and fulfilment, the public needs list, figures. */
export function wishRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx.database;
  const period = (q: { period?: 'day' | 'week' | 'month' | 'year' | 'custom'; date?: string; from?: string; to?: string }) => resolvePeriod(q, localDate(now(), ctx.calendar.timeZone));
  const wishOut = (request: FastifyRequest, ref: string) => getWish(db, ctx, request.actor, ref, requestLocale(request));

  app.get('/api/v1/wishes/public', {
    schema: { tags: ['public'], summary: '需求清单 The needs list (public)', description: 'Public, no sign-in. A community\'s wishes (open, claimed, fulfilled) with counts ("still open"): the type, words staff chose for the public, the grid, dates and the units that claimed them. No resident\'s own words, names, phones or door numbers.', querystring: s.PublicNeedsQuery, response: { 200: s.PublicNeedsList } },
  }, async (request) => publicNeedsList(db, request.query, requestLocale(request)));

  app.get('/api/v1/wishes/figures', {
    schema: { tags, summary: '微心愿指标 Wish figures', description: 'Wishes posted in a period per community under an org node, and how many were claimed, fulfilled, verified and are still open; each row links to its wishes (drill down by asking for a child node). Needs volunteers.manage there.', security: signedIn, querystring: s.FiguresQuery, response: { 200: s.FiguresView } },
  }, async (request) => wishFigures(db, request.actor, request.query.node, period(request.query)));

  app.get('/api/v1/wishes/figures.xlsx', {
    schema: { tags, summary: '微心愿台账 Wish figures and list as Excel', description: 'The figures per community and every wish behind them, as an .xlsx workbook. Same query and rights as the figures.', security: signedIn, querystring: s.FiguresQuery, response: XlsxFile },
  }, async (request, reply) => {
    const p = period(request.query);
    const figures = await wishFigures(db, request.actor, request.query.node, p);
    const node = await figuresNode(db, request.actor, request.query.node);
    const file = await wishesWorkbook(db, figures, node.path, p, requestLocale(request));
    return reply.type(XLSX_TYPE).header('content-disposition', attachment(`微心愿-${node.name}-${p.from}-${p.to}.xlsx`, `wishes-${node.code}-${p.from}-${p.to}.xlsx`)).header('cache-control', 'no-store').send(file);
  });

  app.get('/api/v1/wishes', {
    schema: { tags, summary: '匹配看板 Wishes (matching board)', description: 'Staff: the wishes located in their scope, open ones first (oldest first), each with its claims and, for the office that matches it, candidate offers of the service list. A resident: the wishes they posted. Filters: org node, status, posting days.', security: signedIn, querystring: s.WishListQuery, response: { 200: s.WishList } },
  }, async (request) => listWishes(db, ctx, request.actor, request.query, requestLocale(request)));

  app.post('/api/v1/wishes', {
    schema: {
      tags,
      summary: '发布微心愿 Post a wish',
      description: 'A resident posts their own (placed at their home); a grid worker records one found on a home visit or patrol (a compound or a point), or files one for a resident who agreed (代办: `residentId` and `consent`). It becomes a case of kind micro_wish (category 1202) waiting in the community\'s queue. Send an `Idempotency-Key` when a phone may retry.',
      security: signedIn,
      headers: { type: 'object', properties: { 'idempotency-key': { type: 'string', minLength: 8, maxLength: 100 } } },
      body: s.WishCreateBody,
      response: { 201: s.WishView },
    },
  }, async (request, reply) => {
    const key = request.headers['idempotency-key'] as string | undefined;
    const post = () => inTransaction(ctx, (tx) => postWish(tx, ctx, request.actor, request.body, key));
    let c;
    try {
      c = await post();
    } catch (err) {
      if (!key || !isUniqueViolation(err)) throw err;
      c = await post();
    }
    return reply.status(201).header('location', `/api/v1/wishes/${c.id}`).send(await wishOut(request, c.id));
  });

  app.get('/api/v1/wishes/:ref', {
    schema: { tags, summary: 'A wish', description: 'By case id or number: its claims and photos, candidate offers for the office, what the caller may do. Staff in scope and whoever posted it; 404 for anyone else. Its full timeline is the case\'s (GET /api/v1/cases/{id}).', security: signedIn, params: s.WishParams, response: { 200: s.WishView } },
  }, async (request) => wishOut(request, request.params.ref));

  app.post('/api/v1/wishes/:ref/claim', {
    schema: { tags, summary: '认领 Claim a wish', description: `Matches the wish with exactly one of: an offer of the service list (its capacity counts, even under racing claims: 409 SERVICE_OFFER_FULL), a partner unit, a talent, or a named person. Several claimants may share a wish (多对一); the same one twice answers 409. The first claim dispatches and accepts the case. ${match}`, security: signedIn, params: s.WishParams, body: s.ClaimBody, response: { 201: s.ClaimResult } },
  }, async (request, reply) => {
    const claimId = await inTransaction(ctx, (tx) => claimWish(tx, ctx, request.actor, request.params.ref, request.body));
    return reply.status(201).send({ claimId, wish: await wishOut(request, request.params.ref) });
  });

  app.post('/api/v1/wishes/:ref/claims/:claimId/withdraw', {
    schema: { tags, summary: '退回认领 Withdraw a claim', description: `With a reason; the offer's place is freed, and when no claim is left the wish goes back on the needs list. ${match}`, security: signedIn, params: s.ClaimParams, body: s.WithdrawBody, response: { 200: s.WishView } },
  }, async (request) => {
    await inTransaction(ctx, (tx) => withdrawClaim(tx, ctx, request.actor, request.params.ref, request.params.claimId, request.body.reason));
    return wishOut(request, request.params.ref);
  });

  app.post('/api/v1/wishes/:ref/claims/:claimId/fulfil', {
    schema: { tags, summary: '心愿完成 Record a fulfilment', description: 'What was done, with at least one photo (upload with POST /api/v1/photos first). When no claim is left pending the wish is resolved; staff other than whoever recorded it verify it with POST /api/v1/cases/{id}/verify. The office that matches the wish, or staff handling cases where it is.', security: signedIn, params: s.ClaimParams, body: s.FulfilBody, response: { 200: s.WishView } },
  }, async (request) => {
    await inTransaction(ctx, (tx) => fulfilClaim(tx, ctx, request.actor, request.params.ref, request.params.claimId, request.body));
    return wishOut(request, request.params.ref);
  });
}
