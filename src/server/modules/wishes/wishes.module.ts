import type { LianxinModule } from '../../context.ts';
import { offerRoutes } from './offers.routes.ts';
import { wishRoutes } from './wishes.routes.ts';
import './wish-kind.ts';

/**
 * Micro-wishes (微心愿, M6; seed 002 "助力微心愿"): wishes are cases of kind micro_wish on the one engine; the
 * community's needs list (需求清单) and service list (服务清单) of partner units and talents, matched by the
 * office (一对一, 一对多, 多对一), fulfilled with photos, verified, and counted per community and period.
 */
export const wishesModule: LianxinModule = {
  name: 'wishes',
  tags: [{ name: 'wishes', description: 'Micro-wishes (微心愿): posting, the matching board, claims and fulfilment with photos, the service list, figures and Excel' }],
  routes(app, ctx) {
    wishRoutes(app, ctx);
    offerRoutes(app, ctx);
  },
};
