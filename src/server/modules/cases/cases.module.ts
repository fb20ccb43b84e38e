import type { LianxinModule } from '../../context.ts';
import { caseRoutes } from './cases.routes.ts';
import { liveRoutes } from './live.routes.ts';
import { publicRoutes } from './public.routes.ts';
import { duplicateCandidateRoutes } from './duplicate-candidates.routes.ts';
import { followUpsDueRoutes } from './follow-ups-due.routes.ts';
import { residentSuggestRoutes } from './resident-suggest.routes.ts';
import { webhookRoutes } from './webhooks.routes.ts';
import './kinds.ts';

/** The case engine: intake, routing, classification, duplicates, deadlines, handling, follow-up, timeline. */
export const casesModule: LianxinModule = {
  name: 'cases',
  tags: [
    { name: 'cases', description: 'The case engine: report, dispatch, handle, verify, follow up (CASES.md)' },
    { name: 'public', description: 'The public board: what anyone may see of public cases' },
  ],
  routes(app, ctx) {
    liveRoutes(app, ctx);
    publicRoutes(app, ctx);
    residentSuggestRoutes(app, ctx);
    duplicateCandidateRoutes(app, ctx);
    followUpsDueRoutes(app, ctx);
    webhookRoutes(app, ctx);
    caseRoutes(app, ctx);
  },
};
