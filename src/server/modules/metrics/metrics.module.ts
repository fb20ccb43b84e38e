import type { LianxinModule } from '../../context.ts';
import { metricsRoutes } from './metrics.routes.ts';
import { screenRoutes } from './screen-routes.ts';

/** KPI figures (CASES.md) for any org node and period, drillable to their cases. */
export const metricsModule: LianxinModule = {
  name: 'metrics',
  tags: [{ name: 'metrics', description: 'Accountability figures (M3): definitions, values, the cases behind each' }],
  routes(app, ctx) {
    metricsRoutes(app, ctx);
    screenRoutes(app, ctx);
  },
};
