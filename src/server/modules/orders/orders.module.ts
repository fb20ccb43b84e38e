import type { LianxinModule } from '../../context.ts';
import './orders.kind.ts';
import { orderRoutes } from './orders.routes.ts';

/**
 * Service orders (服务点单, issue 6): 群众点单、社区派单、能人接单 as the case kind `service_order` on the one
 * case engine (time limits, reminders and follow-up are the engine's), matching by volunteers' `matchTalents`,
 * points for verified hours through `earnPoints`, two-way ratings, figures and their Excel export.
 */
export const ordersModule: LianxinModule = {
  name: 'orders',
  tags: [{ name: 'orders', description: 'Service orders (服务点单): order, match and dispatch to talents, accept or decline, done, verify (pays points), two-way ratings, figures' }],
  routes(app, ctx) {
    orderRoutes(app, ctx);
  },
};
