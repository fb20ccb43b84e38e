import type { LianxinModule } from '../../context.ts';
import { partnerUnitRoutes } from './partner-units.routes.ts';
import { talentRoutes } from './talents.routes.ts';
import { teamRoutes } from './teams.routes.ts';

/**
 * Volunteers (M6): the talent pool (能人库) with its skills taxonomy, volunteer teams (志愿服务队), partner units
 * (共建单位) with in-service member registration (双报到) and shared resources, the personal file (一人一档),
 * matching of talents to requests, and figures. `matchTalents` in matching.service.ts is what the service-order
 * case kind calls.
 */
export const volunteersModule: LianxinModule = {
  name: 'volunteers',
  tags: [{ name: 'volunteers', description: 'Talent pool (能人库), volunteer teams, partner units (共建单位) and their shared resources, matching, personal files' }],
  routes(app, ctx) {
    talentRoutes(app, ctx);
    teamRoutes(app, ctx);
    partnerUnitRoutes(app, ctx);
  },
};
