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

/** The explicit list of modules the app is built from (no folder scanning). */
export const modules: LianxinModule[] = [authModule, orgModule, peopleModule, staffModule, casesModule, photosModule, metricsModule, ledgersModule, open311Module];
