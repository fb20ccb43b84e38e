import type { App, AppContext } from '../../context.ts';
import { requestLocale } from '../../http/locale.ts';
import { myBalance, myTransfers } from './ledger.service.ts';
import { offeredRewards } from './merchants.service.ts';
import * as merchantSchemas from './merchants.schemas.ts';
import * as schemas from './points.schemas.ts';
import { cancelCode, myCodes, requestCode } from './redemption.service.ts';

const signedIn: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }];

/** A resident's own points: balance, history, the rewards on offer and their one-time codes. */
export function myPointsRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx.database;

  app.get('/api/v1/points/me', {
    schema: {
      tags: ['points'],
      summary: '我的积分 My points',
      description: 'The signed-in resident\'s balance in each community that paid them points, and the total. 403 for accounts not linked to a resident.',
      security: signedIn,
      response: { 200: schemas.MyBalance },
    },
  }, async (request) => myBalance(db, request.actor));

  app.get('/api/v1/points/me/transfers', {
    schema: {
      tags: ['points'],
      summary: '积分明细 My points history',
      description: 'The signed-in resident\'s transfers, newest first; `change` is + for points in and - for points out.',
      security: signedIn,
      querystring: schemas.PageQuery,
      response: { 200: schemas.TransferPage },
    },
  }, async (request) => myTransfers(db, request.actor, request.query, requestLocale(request)));

  app.get('/api/v1/points/rewards', {
    schema: {
      tags: ['points'],
      summary: '积分兑换目录 Rewards on offer',
      description: 'What residents of a community can get for points today: active, in stock, at merchants whose agreement holds. Public; a signed-in resident without `community` sees their own community\'s.',
      querystring: merchantSchemas.OfferedRewardsQuery,
      response: { 200: merchantSchemas.OfferedRewards },
    },
  }, async (request) => offeredRewards(db, request.actor, request.query.community));

  app.post('/api/v1/points/me/codes', {
    schema: {
      tags: ['points'],
      summary: '生成兑换码 Get a one-time code for a reward',
      description: 'An 8-digit code (and its QR payload) the merchant scans or types; it expires after the community\'s code lifetime (default 10 minutes). Refused when the balance does not cover the price; the points move only when the merchant redeems it.',
      security: signedIn,
      body: schemas.CodeBody,
      response: { 201: schemas.CodeView },
    },
  }, async (request, reply) => {
    const view = await db.transaction().execute((trx) => requestCode(trx, request.actor, request.body.rewardId));
    return reply.status(201).send(view);
  });

  app.get('/api/v1/points/me/codes', {
    schema: {
      tags: ['points'],
      summary: '我的兑换码 My codes',
      description: 'The signed-in resident\'s recent codes, newest first, each issued, redeemed, cancelled or expired.',
      security: signedIn,
      response: { 200: schemas.CodeList },
    },
  }, async (request) => myCodes(db, request.actor));

  app.post('/api/v1/points/me/codes/:id/cancel', {
    schema: {
      tags: ['points'],
      summary: 'Cancel an unused code',
      description: 'Only the resident\'s own, only while unused; a used code answers 409.',
      security: signedIn,
      params: schemas.CodeParams,
      response: { 200: schemas.CodeView },
    },
  }, async (request) => db.transaction().execute((trx) => cancelCode(trx, request.actor, request.params.id)));
}
