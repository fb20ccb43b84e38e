import type { LianxinModule } from '../../context.ts';
import { merchantRoutes } from './merchants.routes.ts';
import { myPointsRoutes } from './my-points.routes.ts';
import { pointsRoutes } from './points.routes.ts';

/**
 * Points (积分, M7): a double-entry ledger per community (pool, residents, merchants, expiry), earning rules
 * with limits, staff awards and reversals, merchants (商户) with agreements and rewards, one-time redemption
 * codes, monthly settlement and expiry. Other modules pay points with `earnPoints` (earning.service.ts) and
 * read `pointsFigures` (figures.ts).
 */
export const pointsModule: LianxinModule = {
  name: 'points',
  tags: [
    { name: 'points', description: 'Points (积分): rules, awards, the ledger and corrections, a resident\'s balance, rewards and one-time codes' },
    { name: 'merchants', description: 'Merchants (商户): agreements, rewards, code redemption, redemptions and monthly settlement' },
  ],
  routes(app, ctx) {
    myPointsRoutes(app, ctx);
    pointsRoutes(app, ctx);
    merchantRoutes(app, ctx);
  },
};
