import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../context.ts';
import { LngLat, Nullable, Paging, limitOffset, pageOf } from '../../http/schemas.ts';
import { getOrgNode } from '../org/org.service.ts';
import { communitiesOnPaths, listPublicCompounds } from './public-compounds.repository.ts';

const PublicCompound = Type.Object({
  id: Type.String({ description: 'Send as `compoundId` when reporting a problem' }),
  name: Type.String({ description: 'Compound name (大院/小区)' }),
  community: Nullable(Type.String()),
  grid: Type.Object({ code: Type.String(), name: Type.String() }),
  location: Nullable(LngLat),
});

/**
 * The compounds a resident picks "my compound" from when reporting (上报) or finding their grid: names, the
 * community and grid, and a point. Places only: no buildings, households or people.
 */
export function publicCompoundRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx.database;

  app.get('/api/v1/public/compounds', {
    schema: {
      tags: ['public'],
      summary: 'Compounds to pick from (小区)',
      description:
        'Public, no sign-in. Compounds by name with their community, grid and a point (the compound\'s own, else its grid\'s centre), so a resident can say "my compound" instead of dropping a pin. ' +
        'Filter by org node (`node`, id or code) and part of the name (`q`). No buildings, households or residents.',
      querystring: Type.Object(
        {
          node: Type.Optional(Type.String({ maxLength: 100, description: 'Org node (id or code): compounds under it' })),
          q: Type.Optional(Type.String({ maxLength: 50, description: 'Part of the compound\'s name' })),
          ...Paging,
        },
        { additionalProperties: false },
      ),
      response: { 200: pageOf(PublicCompound) },
    },
  }, async (request) => {
    const query = request.query;
    const paging = limitOffset(query);
    const node = query.node ? await getOrgNode(db, query.node) : null;
    const { rows, total } = await listPublicCompounds(db, { nodePath: node?.path, q: query.q?.trim() || undefined, limit: paging.limit, offset: paging.offset });
    const communities = await communitiesOnPaths(db, rows.map((r) => r.path));
    const items = rows.map((r) => {
      const communityId = r.path.split('/').find((id) => communities.has(id));
      const point = r.lng !== null && r.lat !== null ? [r.lng, r.lat] : r.grid_lng !== null && r.grid_lat !== null ? [r.grid_lng, r.grid_lat] : null;
      return { id: r.id, name: r.name, community: communityId ? communities.get(communityId)! : null, grid: { code: r.grid_code, name: r.grid_name }, location: point as [number, number] | null };
    });
    return { items, total, page: paging.page, pageSize: paging.pageSize };
  });
}
