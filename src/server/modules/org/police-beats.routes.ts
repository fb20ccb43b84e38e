import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../context.ts';
import { IdParam, Paging, limitOffset, pageOf } from '../../http/schemas.ts';
import * as repo from './org.repository.ts';
import { PoliceBeatCreateBody, PoliceBeatPatchBody, PoliceBeatView } from './org.schemas.ts';
import { getOrgNode } from './org.service.ts';
import { ancestorsOf, policeBeatView } from './org.views.ts';
import { createPoliceBeat, deletePoliceBeat, getPoliceBeat, updatePoliceBeat } from './police-beats.service.ts';

export function policeBeatRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx.database;
  const view = async (row: repo.PoliceBeatRow) => policeBeatView(row, (await repo.nodesByIds(db, [row.node_id]))[0]);

  app.get('/api/v1/police-beats', {
    schema: {
      tags: ['police beats'],
      summary: 'List police beats (警格)',
      description: 'Public. Police beats with their boundaries, filtered by the org node they belong under.',
      querystring: Type.Object({ node: Type.Optional(Type.String({ maxLength: 100 })), ...Paging }, { additionalProperties: false }),
      response: { 200: pageOf(PoliceBeatView) },
    },
  }, async (request) => {
    const paging = limitOffset(request.query);
    const under = request.query.node ? await getOrgNode(db, request.query.node) : null;
    const { rows, total } = await repo.listPoliceBeats(db, { underPath: under?.path, ...paging });
    const byId = await ancestorsOf(db, rows);
    return { items: rows.map((r) => policeBeatView(r, byId.get(r.node_id))), total, page: paging.page, pageSize: paging.pageSize };
  });

  app.post('/api/v1/police-beats', {
    schema: { tags: ['police beats'], summary: 'Create a police beat', description: 'A beat polygon overlaying grids ("网格+警格"), under a community or street.', body: PoliceBeatCreateBody, response: { 201: PoliceBeatView } },
  }, async (request, reply) => {
    const row = await db.transaction().execute((trx) => createPoliceBeat(trx, request.actor, request.body));
    await ctx.geo.reload(db);
    return reply.status(201).send(await view(row));
  });

  app.get('/api/v1/police-beats/:id', {
    schema: { tags: ['police beats'], summary: 'Get a police beat', description: 'Public. By id or code.', params: IdParam, response: { 200: PoliceBeatView } },
  }, async (request) => view(await getPoliceBeat(db, request.params.id)));

  app.patch('/api/v1/police-beats/:id', {
    schema: { tags: ['police beats'], summary: 'Change a police beat', description: 'Rename, recode or redraw.', params: IdParam, body: PoliceBeatPatchBody, response: { 200: PoliceBeatView } },
  }, async (request) => {
    const row = await db.transaction().execute((trx) => updatePoliceBeat(trx, request.actor, request.params.id, request.body));
    await ctx.geo.reload(db);
    return view(row);
  });

  app.delete('/api/v1/police-beats/:id', {
    schema: { tags: ['police beats'], summary: 'Delete a police beat', description: 'Only a beat no officer is assigned to.', params: IdParam },
  }, async (request, reply) => {
    await db.transaction().execute((trx) => deletePoliceBeat(trx, request.actor, request.params.id));
    await ctx.geo.reload(db);
    return reply.status(204).send();
  });
}
