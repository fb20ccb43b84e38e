import type { App, AppContext } from '../../context.ts';
import { requestLocale } from '../../http/locale.ts';
import { safeName, XLSX_TYPE, attachment } from '../ledgers/excel.ts';
import * as schemas from './merchants.schemas.ts';
import {
  createMerchantAccount,
  createReward,
  getMerchant,
  listMerchants,
  listRewards,
  registerMerchant,
  updateMerchant,
  updateReward,
} from './merchants.service.ts';
import { statementWorkbook } from './points-excel.ts';
import { redeemCode } from './redemption.service.ts';
import { merchantRedemptions, monthlyStatement, settleMonth, statementView } from './settlement.service.ts';

const signedIn: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }];
const XlsxFile = { 200: { description: 'An .xlsx workbook (Content-Disposition names it)', content: { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } } } } };

/** Merchants (商户): the office registers them and their agreement; a merchant redeems codes and reads its statements. */
export function merchantRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx.database;

  app.get('/api/v1/merchants', {
    schema: {
      tags: ['merchants'],
      summary: '商户名单 Merchants',
      description: 'Merchants of the communities under the caller\'s reach (`points.manage`); a merchant\'s own account sees its merchant.',
      security: signedIn,
      querystring: schemas.MerchantListQuery,
      response: { 200: schemas.MerchantPage },
    },
  }, async (request) => listMerchants(db, request.actor, request.query));

  app.post('/api/v1/merchants', {
    schema: {
      tags: ['merchants'],
      summary: 'Register a merchant',
      description: 'A shop that signs a points agreement (积分兑换协议) with a community. Without a valid agreement it can neither list rewards nor redeem codes. Needs `points.manage` at the community.',
      security: signedIn,
      body: schemas.MerchantBody,
      response: { 201: schemas.MerchantView },
    },
  }, async (request, reply) => {
    const view = await db.transaction().execute((trx) => registerMerchant(trx, request.actor, request.body));
    return reply.status(201).send(view);
  });

  app.get('/api/v1/merchants/:id', {
    schema: {
      tags: ['merchants'],
      summary: '商户详情 Get a merchant',
      description: 'One merchant with its agreement (签订日期, 到期日期, whether it is valid today), for the community office or the merchant itself.',
      security: signedIn,
      params: schemas.MerchantParams,
      response: { 200: schemas.MerchantView },
    },
  }, async (request) => getMerchant(db, request.actor, request.params.id));

  app.patch('/api/v1/merchants/:id', {
    schema: {
      tags: ['merchants'],
      summary: 'Correct a merchant or record its agreement',
      description: '`agreement` records a signed or renewed agreement (signed on, valid until, terms); null ends it. Needs `points.manage` at the merchant\'s community.',
      security: signedIn,
      params: schemas.MerchantParams,
      body: schemas.MerchantPatchBody,
      response: { 200: schemas.MerchantView },
    },
  }, async (request) => db.transaction().execute((trx) => updateMerchant(trx, request.actor, request.params.id, request.body)));

  app.post('/api/v1/merchants/:id/accounts', {
    schema: {
      tags: ['merchants'],
      summary: 'Create a sign-in for the merchant',
      description: 'An account with the `merchant` role at the merchant\'s community, linked to this merchant only.',
      security: signedIn,
      params: schemas.MerchantParams,
      body: schemas.MerchantAccountBody,
      response: { 201: schemas.MerchantView },
    },
  }, async (request, reply) => {
    const view = await db.transaction().execute((trx) => createMerchantAccount(trx, request.actor, request.params.id, request.body));
    return reply.status(201).send(view);
  });

  app.get('/api/v1/merchants/:id/rewards', {
    schema: {
      tags: ['merchants'],
      summary: 'A merchant\'s rewards',
      description: 'Offered or withdrawn, cheapest first. For the merchant itself and its community office.',
      security: signedIn,
      params: schemas.MerchantParams,
      response: { 200: schemas.RewardList },
    },
  }, async (request) => listRewards(db, request.actor, request.params.id));

  app.post('/api/v1/merchants/:id/rewards', {
    schema: {
      tags: ['merchants'],
      summary: '上架兑换项目 List a reward',
      description: 'A reward priced in whole points, optionally with stock. Refused (409) for a merchant without a valid agreement.',
      security: signedIn,
      params: schemas.MerchantParams,
      body: schemas.RewardBody,
      response: { 201: schemas.RewardView },
    },
  }, async (request, reply) => {
    const view = await db.transaction().execute((trx) => createReward(trx, request.actor, request.params.id, request.body));
    return reply.status(201).send(view);
  });

  app.patch('/api/v1/merchants/:id/rewards/:rewardId', {
    schema: {
      tags: ['merchants'],
      summary: 'Change or withdraw a reward',
      description: 'Withdrawing (`active: false`) is always possible; any other change needs a valid agreement.',
      security: signedIn,
      params: schemas.MerchantRewardParams,
      body: schemas.RewardPatchBody,
      response: { 200: schemas.RewardView },
    },
  }, async (request) => db.transaction().execute((trx) => updateReward(trx, request.actor, request.params.id, request.params.rewardId, request.body)));

  app.post('/api/v1/merchants/:id/redemptions', {
    config: {
      // Guessing codes is hopeless at this pace (10^8 codes, each alive 10 minutes).
      rateLimit: { max: 120, timeWindow: 60_000, hook: 'preHandler', keyGenerator: (req: any) => (req.actor?.kind === 'account' ? `redeem|${req.actor.accountId}` : `redeem|${req.ip}`) },
    },
    schema: {
      tags: ['merchants'],
      summary: '核销兑换码 Redeem a code',
      description:
        'The merchant\'s own account scans or types a resident\'s code: the code is used up, one is taken from the reward\'s stock, and the points move from the resident to the merchant, all at once. ' +
        'A code is honoured once even when two scans race. Another merchant\'s code (403), an expired, used or cancelled code (409) and an unknown code (404) each get their own answer.',
      security: signedIn,
      params: schemas.MerchantParams,
      body: schemas.RedeemBody,
      response: { 201: schemas.RedemptionView },
    },
  }, async (request, reply) => {
    const view = await db.transaction().execute((trx) => redeemCode(trx, request.actor, request.params.id, request.body.code));
    return reply.status(201).send(view);
  });

  app.get('/api/v1/merchants/:id/redemptions', {
    schema: {
      tags: ['merchants'],
      summary: '兑换记录 Redemptions',
      description: 'The merchant\'s redemptions between two local days (today by default), with their count and points. Residents\' names are masked.',
      security: signedIn,
      params: schemas.MerchantParams,
      querystring: schemas.RedemptionsQuery,
      response: { 200: schemas.RedemptionList },
    },
  }, async (request) => merchantRedemptions(db, request.actor, request.params.id, request.query));

  app.get('/api/v1/merchants/:id/statement', {
    schema: {
      tags: ['merchants'],
      summary: '月度结算单 Monthly statement',
      description: 'The month\'s redemptions, their total, and the settlement if the community has settled the month.',
      security: signedIn,
      params: schemas.MerchantParams,
      querystring: schemas.MonthQuery,
      response: { 200: schemas.StatementView },
    },
  }, async (request) => statementView(await monthlyStatement(db, request.actor, request.params.id, request.query.month)));

  app.get('/api/v1/merchants/:id/statement.xlsx', {
    schema: {
      tags: ['merchants'],
      summary: '月度结算单 Monthly statement (Excel)',
      description: 'The month\'s redemptions of one merchant with their totals, as an .xlsx workbook in the caller\'s language.',
      security: signedIn,
      params: schemas.MerchantParams,
      querystring: schemas.MonthQuery,
      response: XlsxFile,
    },
  }, async (request, reply) => {
    const statement = await monthlyStatement(db, request.actor, request.params.id, request.query.month);
    const file = await statementWorkbook(statement, requestLocale(request));
    const name = safeName(`${statement.merchant.name}-${statement.month}-结算单.xlsx`);
    return reply.type(XLSX_TYPE).header('content-disposition', attachment(name, `statement-${statement.month}.xlsx`)).header('cache-control', 'no-store').send(file);
  });

  app.post('/api/v1/merchants/:id/settlements', {
    schema: {
      tags: ['merchants'],
      summary: '商户结算 Settle a month',
      description: 'The community settles an ended month once: its redeemed points move from the merchant back to the community\'s pool (kind `settle`). Needs `points.manage` at the merchant\'s community.',
      security: signedIn,
      params: schemas.MerchantParams,
      body: schemas.MonthBody,
      response: { 201: schemas.StatementView },
    },
  }, async (request, reply) => {
    const view = await db.transaction().execute((trx) => settleMonth(trx, request.actor, request.params.id, request.body.month));
    return reply.status(201).send(view);
  });
}
