import type { LianxinModule } from '../../context.ts';
import { activityRoutes } from './activities.routes.ts';
import { roleModelRoutes } from './role-models.routes.ts';

/**
 * Activities and role models (活动, 身边榜样, M12): 月月有活动 with capacity, sign-up and check-in (a code at the
 * door or the office's list), attendance paid through the points ledger's `earnPoints`, a public calendar,
 * figures, and role-model stories published by the office.
 */
export const activitiesModule: LianxinModule = {
  name: 'activities',
  tags: [
    { name: 'activities', description: 'Activities (活动): create and publish, calendar, sign-up and withdrawal, check-in by code or list, attendance points, figures' },
    { name: 'role-models', description: 'Role models (身边榜样): stories the community office publishes about its people' },
  ],
  routes(app, ctx) {
    activityRoutes(app, ctx);
    roleModelRoutes(app, ctx);
  },
};
