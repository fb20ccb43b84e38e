import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../context.ts';
import type { OrgKind } from '../../db/tables.ts';
import { requestLocale } from '../../http/locale.ts';
import { IdParam, limitOffset, pageOf } from '../../http/schemas.ts';
import { importGrids } from './grids-import.ts';
import * as repo from './org.repository.ts';
import * as schemas from './org.schemas.ts';
import { createOrgNode, deleteOrgNode, getOrgNode, updateOrgNode } from './org.service.ts';
import { ancestorsOf, gridFeature, gridView, nodeView } from './org.views.ts';
import { locatePoint } from './routing.service.ts';

const collections: { path: string; kind: Exclude<OrgKind, 'grid'>; zh: string }[] = [
  { path: 'districts', kind: 'district', zh: '区/县' },
  { path: 'streets', kind: 'street', zh: '街道/乡镇' },
  { path: 'communities', kind: 'community', zh: '社区/村' },
  { path: 'sectors', kind: 'sector', zh: '片区' },
];

/** The optional `node` / `parent` filters resolved to a path prefix and a parent id. */
async function nodeFilter(ctx: AppContext, q: { node?: string; parent?: string }) {
  const { db } = ctx.database;
  const under = q.node ? await getOrgNode(db, q.node) : null;
  const parent = q.parent ? await getOrgNode(db, q.parent) : null;
  return { underPath: under?.path, parentId: parent?.id };
}

export function orgRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx.database;

  for (const c of collections) {
    app.get(`/api/v1/${c.path}`, {
      schema: {
        tags: ['org'],
        summary: `List ${c.path} (${c.zh})`,
        description: `Public. ${c.zh} nodes, filtered by an ancestor (\`node\`) or a direct parent (\`parent\`), paginated.`,
        querystring: schemas.NodeListQuery,
        response: { 200: pageOf(schemas.OrgNodeView) },
      },
    }, async (request) => {
      const paging = limitOffset(request.query);
      const { rows, total } = await repo.listNodes(db, { kind: c.kind, ...(await nodeFilter(ctx, request.query)), q: request.query.q, ...paging });
      return { items: rows.map((r) => nodeView(request.actor, r)), total, page: paging.page, pageSize: paging.pageSize };
    });

    app.post(`/api/v1/${c.path}`, {
      schema: {
        tags: ['org'],
        summary: `Create a ${c.kind} (${c.zh})`,
        description: `Needs org management rights at the parent node. Codes are unique across the whole tree.`,
        body: schemas.NodeCreateBody,
        response: { 201: schemas.OrgNodeView },
      },
    }, async (request, reply) => {
      const row = await db.transaction().execute((trx) => createOrgNode(trx, request.actor, { kind: c.kind, ...request.body }));
      return reply.status(201).send(nodeView(request.actor, row));
    });

    app.get(`/api/v1/${c.path}/:id`, {
      schema: { tags: ['org'], summary: `Get a ${c.kind} (${c.zh})`, description: 'Public. By id or code.', params: IdParam, response: { 200: schemas.OrgNodeView } },
    }, async (request) => nodeView(request.actor, await getOrgNode(db, request.params.id, c.kind)));

    app.patch(`/api/v1/${c.path}/:id`, {
      schema: { tags: ['org'], summary: `Change a ${c.kind} (${c.zh})`, description: 'Rename, recode or redraw.', params: IdParam, body: schemas.NodePatchBody, response: { 200: schemas.OrgNodeView } },
    }, async (request) => {
      const row = await db.transaction().execute((trx) => updateOrgNode(trx, request.actor, request.params.id, c.kind, request.body));
      return nodeView(request.actor, row);
    });

    app.delete(`/api/v1/${c.path}/:id`, {
      schema: { tags: ['org'], summary: `Delete a ${c.kind} (${c.zh})`, description: 'Only a node with nothing under it.', params: IdParam },
    }, async (request, reply) => {
      await db.transaction().execute((trx) => deleteOrgNode(trx, request.actor, request.params.id, c.kind));
      return reply.status(204).send();
    });
  }

  app.get('/api/v1/org/tree', {
    schema: {
      tags: ['org'],
      summary: 'The org tree',
      description: 'Public. The hierarchy district → street → community → sector → grid under `node` (or all roots), without boundaries.',
      querystring: Type.Object({ node: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false }),
      response: { 200: Type.Array(schemas.TreeNode) },
    },
  }, async (request) => {
    const root = request.query.node ? await getOrgNode(db, request.query.node) : null;
    const rows = await db
      .selectFrom('org_nodes')
      .select(['id', 'kind', 'code', 'name', 'parent_id', 'path'])
      .$if(!!root, (q) => q.where('path', '>=', root!.path).where('path', '<', repo.pathUpperBound(root!.path)))
      .orderBy('code')
      .execute();
    type Tree = { id: string; kind: OrgKind; code: string; name: string; children: Tree[] };
    const byId = new Map<string, Tree>(rows.map((r) => [r.id, { id: r.id, kind: r.kind, code: r.code, name: r.name, children: [] }]));
    const roots: Tree[] = [];
    for (const r of rows) {
      const parent = r.parent_id ? byId.get(r.parent_id) : undefined;
      if (parent && r.id !== root?.id) parent.children.push(byId.get(r.id)!);
      else roots.push(byId.get(r.id)!);
    }
    return roots;
  });

  app.get('/api/v1/grids', {
    schema: {
      tags: ['grids'],
      summary: 'List grids (网格)',
      description: 'Public. Each grid with its code, name, community, sector and centroid [lng, lat]; filter by ancestor node or parent.',
      querystring: schemas.NodeListQuery,
      response: { 200: pageOf(schemas.GridView) },
    },
  }, async (request) => {
    const paging = limitOffset(request.query);
    const { rows, total } = await repo.listNodes(db, { kind: 'grid', ...(await nodeFilter(ctx, request.query)), q: request.query.q, ...paging });
    const byId = await ancestorsOf(db, rows);
    return { items: rows.map((r) => gridView(request.actor, r, byId)), total, page: paging.page, pageSize: paging.pageSize };
  });

  app.get('/api/v1/grids/geojson', {
    schema: {
      tags: ['grids'],
      summary: 'Grids as GeoJSON',
      description: 'Public. A FeatureCollection of grid boundaries (properties: code, name, community, street, district, sector), filtered by ancestor node. The same shape `lianxin import grids` and `POST /api/v1/grids/import` accept.',
      querystring: Type.Object({ node: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false }),
    },
  }, async (request, reply) => {
    const { underPath } = await nodeFilter(ctx, request.query);
    const rows = await db
      .selectFrom('org_nodes')
      .selectAll()
      .where('kind', '=', 'grid')
      .$if(!!underPath, (q) => q.where('path', '>=', underPath!).where('path', '<', repo.pathUpperBound(underPath!)))
      .orderBy('code')
      .execute();
    const byId = await ancestorsOf(db, rows);
    return reply.type('application/geo+json').send({ type: 'FeatureCollection', features: rows.map((r) => gridFeature(r, byId)) });
  });

  app.post('/api/v1/grids/import', {
    bodyLimit: 50 * 1024 * 1024,
    schema: {
      tags: ['grids'],
      summary: 'Import grids from GeoJSON',
      description: 'A FeatureCollection of Polygon/MultiPolygon features with `properties.code` and `properties.name`; features may name their parents (`community`, `street`, `district`, `sector`, by code or name) and missing parents are created. Re-importing a code updates that grid. When any feature is invalid the whole file is refused with each feature\'s index and reason, and nothing is written.',
      querystring: schemas.ImportQuery,
      body: schemas.FeatureCollectionBody,
      response: { 200: schemas.ImportReport },
    },
  }, async (request) => {
    const report = await db.transaction().execute((trx) =>
      importGrids(trx, request.body, { actor: request.actor, community: request.query.community, fileName: request.query.fileName, locale: requestLocale(request) }),
    );
    await ctx.geo.reload(db);
    return report;
  });

  app.post('/api/v1/grids', {
    schema: {
      tags: ['grids'],
      summary: 'Create a grid',
      description: 'A grid with its boundary, under a community or sector. The boundary must be a valid Polygon or MultiPolygon.',
      body: schemas.GridCreateBody,
      response: { 201: schemas.GridDetail },
    },
  }, async (request, reply) => {
    const row = await db.transaction().execute((trx) => createOrgNode(trx, request.actor, { kind: 'grid', ...request.body }));
    await ctx.geo.reload(db);
    const byId = await ancestorsOf(db, [row]);
    return reply.status(201).send({ ...gridView(request.actor, row, byId), street: null, geometry: JSON.parse(row.geometry!) });
  });

  app.get('/api/v1/grids/:id', {
    schema: { tags: ['grids'], summary: 'Get a grid', description: 'Public. By id or code, with its boundary.', params: IdParam, response: { 200: schemas.GridDetail } },
  }, async (request) => {
    const row = await getOrgNode(db, request.params.id, 'grid');
    const byId = await ancestorsOf(db, [row]);
    const street = [...byId.values()].find((n) => n.kind === 'street');
    return { ...gridView(request.actor, row, byId), street: street ? { id: street.id, code: street.code, name: street.name } : null, geometry: row.geometry ? JSON.parse(row.geometry) : null };
  });

  app.patch('/api/v1/grids/:id', {
    schema: { tags: ['grids'], summary: 'Change a grid', description: 'Rename, recode or redraw a grid.', params: IdParam, body: schemas.NodePatchBody, response: { 200: schemas.GridView } },
  }, async (request) => {
    const row = await db.transaction().execute((trx) => updateOrgNode(trx, request.actor, request.params.id, 'grid', request.body));
    await ctx.geo.reload(db);
    return gridView(request.actor, row, await ancestorsOf(db, [row]));
  });

  app.delete('/api/v1/grids/:id', {
    schema: { tags: ['grids'], summary: 'Delete a grid', description: 'Only a grid with no compounds, households or staff.', params: IdParam },
  }, async (request, reply) => {
    await db.transaction().execute((trx) => deleteOrgNode(trx, request.actor, request.params.id, 'grid'));
    await ctx.geo.reload(db);
    return reply.status(204).send();
  });

  app.get('/api/v1/route', {
    schema: {
      tags: ['grids'],
      summary: 'Which grid is this point in?',
      description: 'Public. The grid, sector, community, street, district and police beat (警格) containing the point, and the grid\'s contacts (便民联系卡: names, roles, work phones). Outside every grid, `grid` and the rest are null.',
      querystring: schemas.RouteQuery,
      response: { 200: schemas.RouteReply },
    },
  }, async (request) => locatePoint(db, ctx.geo, request.query.lng, request.query.lat, requestLocale(request)));
}
