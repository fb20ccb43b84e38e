import type { LianxinModule } from './context.ts';
import { authModule } from './modules/auth/auth.module.ts';
import { casesModule } from './modules/cases/cases.module.ts';
import { metricsModule } from './modules/metrics/metrics.module.ts';
import { open311Module } from './modules/open311/open311.module.ts';
import { ledgersModule } from './modules/ledgers/ledgers.module.ts';
import { photosModule } from './modules/photos/photos.module.ts';
import { orgModule } from './modules/org/org.module.ts';
import { peopleModule } from './modules/people/people.module.ts';
import { staffModule } from './modules/staff/staff.module.ts';
import { pointsModule } from './modules/points/points.module.ts';
import { volunteersModule } from './modules/volunteers/volunteers.module.ts';
// Activities and role models (M12)
import { activitiesModule } from './modules/activities/activities.module.ts';
// Micro-wishes and the service list (M6)
import { wishesModule } from './modules/wishes/wishes.module.ts';
// Service orders (issue 6)
import { ordersModule } from './modules/orders/orders.module.ts';

/** The explicit list of modules the app is built from (no folder scanning). */
export const modules: LianxinModule[] = [authModule, orgModule, peopleModule, staffModule, casesModule, photosModule, metricsModule, ledgersModule, open311Module, volunteersModule, pointsModule,
  // Activities and role models (M12)
  activitiesModule,
  // Micro-wishes and the service list (M6)
  wishesModule,
  // Service orders (issue 6)
  ordersModule,
];
