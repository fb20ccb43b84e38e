import type { LianxinModule } from '../../context.ts';
import { orgRoutes } from './org.routes.ts';
import { policeBeatRoutes } from './police-beats.routes.ts';

/** The org tree (区 → 街道 → 社区 → 片区 → 网格), grid boundaries, police beats and point → grid routing. */
export const orgModule: LianxinModule = {
  name: 'org',
  tags: [
    { name: 'org', description: 'The org tree: districts, streets, communities, sectors' },
    { name: 'grids', description: 'Grids (网格), their boundaries, GeoJSON import and point → grid routing' },
    { name: 'police beats', description: 'Police beats (警格) overlaying grids' },
  ],
  routes(app, ctx) {
    orgRoutes(app, ctx);
    policeBeatRoutes(app, ctx);
  },
};
