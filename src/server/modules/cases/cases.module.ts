import type { LianxinModule } from '../../context.ts';
import { caseRoutes } from './cases.routes.ts';
import { liveRoutes } from './live.routes.ts';
import './kinds.ts';

/** The case engine: intake, routing, classification, duplicates, deadlines, handling, follow-up, timeline. */
export const casesModule: LianxinModule = {
  name: 'cases',
  tags: [{ name: 'cases', description: 'The case engine: report, dispatch, handle, verify, follow up (CASES.md)' }],
  routes(app, ctx) {
    liveRoutes(app, ctx);
    caseRoutes(app, ctx);
  },
};
