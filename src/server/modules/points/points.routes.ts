import type { App, AppContext } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import { requestLocale } from '../../http/locale.ts';
import { localDate } from '../../platform/calendar/working-days.ts';
import { now } from '../../platform/clock.ts';
import { findNode } from '../org/org.repository.ts';
import { resolvePeriod } from '../metrics/periods.ts';
import { XLSX_TYPE, attachment } from '../ledgers/excel.ts';
import { awardPoints } from './earning.service.ts';
import { pointsFigures } from './figures.ts';
import { findTransferListed } from './ledger.repository.ts';
import { ledgerFilter, listLedger, residentPoints, reverseTransfer, transferView } from './ledger.service.ts';
import { pointsLedgerWorkbook } from './points-excel.ts';
import * as schemas from './points.schemas.ts';
import { managedPaths } from './points.scope.ts';
import { getSettings, listRules, setRule, setSettings } from './rules.service.ts';

const signedIn: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }];
const XlsxFile = { 200: { description: 'An .xlsx workbook (Content-Disposition names it)', content: { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } } } } };

/** The community office's side of points (积分): rules, settings, awards, the ledger, corrections, figures. */
export function pointsRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx.database;

  app.get('/api/v1/points/rules', {
    schema: {
      tags: ['points'],
      summary: '积分规则 Earning rules of a community',
      description: 'Every rule (service hours, activity attendance, staff awards), configured or not. Needs `points.manage` at the community (community workers and above).',
      security: signedIn,
      querystring: schemas.CommunityQuery,
      response: { 200: schemas.RuleList },
    },
  }, async (request) => listRules(db, request.actor, request.query.community, requestLocale(request)));

  app.put('/api/v1/points/rules/:rule', {
    schema: {
      tags: ['points'],
      summary: 'Set an earning rule',
      description: 'Points per verified hour or attendance (whole, ≥ 1; the manual rule is always 1) and an optional limit per person per month or year that caps (`cap`) or refuses (`refuse`) further earning. Needs `points.manage` at the community.',
      security: signedIn,
      params: schemas.RuleParams,
      body: schemas.RuleBody,
      response: { 200: schemas.RuleView },
    },
  }, async (request) => db.transaction().execute((trx) => setRule(trx, request.actor, request.params.rule, request.body, requestLocale(request))));

  app.get('/api/v1/points/settings', {
    schema: {
      tags: ['points'],
      summary: 'Points settings of a community',
      description: 'When earned points expire (null: never) and how long a redemption code lives (default 10 minutes).',
      security: signedIn,
      querystring: schemas.CommunityQuery,
      response: { 200: schemas.SettingsView },
    },
  }, async (request) => getSettings(db, request.actor, request.query.community));

  app.put('/api/v1/points/settings', {
    schema: {
      tags: ['points'],
      summary: 'Set points expiry and code lifetime',
      description: 'Earned points older than `expiryMonths` and not yet used expire (first in, first out) to the community\'s expiry account; service hours never expire. Needs `points.manage` at the community.',
      security: signedIn,
      body: schemas.SettingsBody,
      response: { 200: schemas.SettingsView },
    },
  }, async (request) => db.transaction().execute((trx) => setSettings(trx, request.actor, request.body)));

  app.post('/api/v1/points/awards', {
    schema: {
      tags: ['points'],
      summary: '人工奖励 Award points by hand',
      description: 'Pays whole points (≥ 1) from the community\'s pool to a resident under its own node, with a reason; the community\'s `manual` rule must be active and its limit applies. Fractions, zero and negatives are refused (400) and nothing is written.',
      security: signedIn,
      body: schemas.AwardBody,
      response: { 201: schemas.TransferView },
    },
  }, async (request, reply) => {
    const locale = requestLocale(request);
    const view = await db.transaction().execute(async (trx) => {
      const t = await awardPoints(trx, request.actor, request.body);
      return transferView((await findTransferListed(trx, t.id))!, locale, request.actor);
    });
    return reply.status(201).send(view);
  });

  app.get('/api/v1/points/transfers', {
    schema: {
      tags: ['points'],
      summary: '积分台账 Points ledger',
      description: 'Every transfer under the caller\'s reach, newest first, filtered by org node, resident, merchant, kind and local days. Transfers are never changed or deleted; a correction is a reversal.',
      security: signedIn,
      querystring: schemas.LedgerQuery,
      response: { 200: schemas.TransferPage },
    },
  }, async (request) => listLedger(db, request.actor, request.query, requestLocale(request)));

  app.get('/api/v1/points/transfers.xlsx', {
    schema: {
      tags: ['points'],
      summary: '积分台账 Points ledger (Excel)',
      description: 'The ledger with the same filters, oldest first: 时间, 社区, 类型, 积分, 规则, 数量, 居民, 商户, 来源, 原因, 经办人, 冲正记录, 已被冲正, 编号 (English headers with Accept-Language: en).',
      security: signedIn,
      querystring: schemas.LedgerExportQuery,
      response: XlsxFile,
    },
  }, async (request, reply) => {
    const locale = requestLocale(request);
    const filter = await ledgerFilter(db, request.actor, request.query);
    const file = await pointsLedgerWorkbook(db, filter, locale);
    const day = localDate(now());
    return reply.type(XLSX_TYPE).header('content-disposition', attachment(`积分台账-${day}.xlsx`, `points-ledger-${day}.xlsx`)).header('cache-control', 'no-store').send(file);
  });

  app.post('/api/v1/points/transfers/:id/reversal', {
    schema: {
      tags: ['points'],
      summary: '冲正 Reverse a transfer',
      description: 'Undoes an earned or redeemed transfer with a transfer the other way, recording the reason and the operator. At most once per transfer; refused when the points were already used (the balance would go below zero).',
      security: signedIn,
      params: schemas.TransferParams,
      body: schemas.ReversalBody,
      response: { 201: schemas.TransferView },
    },
  }, async (request, reply) => {
    const view = await db.transaction().execute((trx) => reverseTransfer(trx, request.actor, request.params.id, request.body.reason, requestLocale(request)));
    return reply.status(201).send(view);
  });

  app.get('/api/v1/points/residents/:residentId', {
    schema: {
      tags: ['points'],
      summary: 'A resident\'s points (一人一档)',
      description: 'Balances in the communities under the caller\'s reach and the transfers of those accounts, newest first.',
      security: signedIn,
      params: schemas.ResidentParams,
      querystring: schemas.PageQuery,
      response: { 200: schemas.ResidentPoints },
    },
  }, async (request) => residentPoints(db, request.actor, request.params.residentId, request.query, requestLocale(request)));

  app.get('/api/v1/points/figures', {
    schema: {
      tags: ['points'],
      summary: '积分指标 Points figures',
      description: 'Points issued, redeemed, expired, settled and reversed in a period, and points residents hold at its end, for every community under an org node (drill down by asking for a child node).',
      security: signedIn,
      querystring: schemas.FiguresQuery,
      response: { 200: schemas.FiguresView },
    },
  }, async (request) => {
    const paths = managedPaths(request.actor);
    const node = await findNode(db, request.query.node);
    // Figures are for a node wholly inside the caller's reach; anything else does not exist for them.
    if (!node || !paths.some((p) => node.path.startsWith(p))) throw new AppError('ORG_NODE_NOT_FOUND', { node: request.query.node });
    const period = resolvePeriod(request.query, localDate(now(), ctx.calendar.timeZone));
    const figures = await pointsFigures(db, node.path, period);
    return { node: { id: node.id, code: node.code, name: node.name }, period, ...figures };
  });
}
