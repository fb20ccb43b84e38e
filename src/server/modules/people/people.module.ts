import type { App, LianxinModule } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import { linkRoutes } from './links.routes.ts';
import { peopleRoutes } from './people.routes.ts';
import { publicCompoundRoutes } from './public-compounds.routes.ts';

/**
 * People (M1, 人): compounds and buildings, households, residents with their private data masked and audited,
 * party hub households (党员中心户) and household liaisons (联户长). `residents-import.ts` loads spreadsheets.
 */
export const peopleModule: LianxinModule = {
  name: 'people',
  tags: [{ name: 'people', description: 'Compounds, buildings, households, residents, party hub households and liaisons (人). Never public: every route needs a signed-in account.' }],
  routes(app, ctx) {
    publicCompoundRoutes(app, ctx);
    app.register(async (scope) => {
      // People data is never public: anonymous callers are refused before any id is looked up or any body is read,
      // so a 404 never tells them what exists.
      scope.addHook('onRequest', async (request) => {
        if (request.actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
      });
      peopleRoutes(scope as unknown as App, ctx);
      linkRoutes(scope as unknown as App, ctx);
    });
  },
};
