import type { App, AppContext } from '../../context.ts';
import { requestLocale } from '../../http/locale.ts';
import * as s from './role-models.schemas.ts';
import * as roleModels from './role-models.service.ts';

const tags = ['role-models'];
const signedIn: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }];
const manage = 'Needs activities.manage at the story\'s community: 403 for a published story out of reach, 404 for an unpublished one.';

/** Role models (身边榜样, 002: "开设'身边榜样'专栏"): stories the office publishes about people of the community. */
export function roleModelRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx.database;

  app.get('/api/v1/role-models', {
    schema: { tags, summary: '身边榜样 Role-model stories', description: 'Published stories, newest first, optionally of one community; public, showing only the name the office chose. The office also sees its unpublished ones and the people each is about.', querystring: s.RoleModelListQuery, response: { 200: s.RoleModelList } },
  }, async (request) => roleModels.listRoleModels(db, request.actor, request.query, requestLocale(request)));

  app.post('/api/v1/role-models', {
    schema: { tags, summary: 'Write a role-model story', description: 'Unpublished until published. People are residents or talents the caller can see; photos come from POST /api/v1/photos. Needs activities.manage at the community.', security: signedIn, body: s.RoleModelCreateBody, response: { 201: s.RoleModelView } },
  }, async (request, reply) => reply.status(201).send(await db.transaction().execute((trx) => roleModels.createRoleModel(trx, request.actor, request.body, requestLocale(request)))));

  app.get('/api/v1/role-models/:id', {
    schema: { tags, summary: 'Get a role-model story', description: 'Public once published.', params: s.RoleModelParams, response: { 200: s.RoleModelView } },
  }, async (request) => roleModels.getRoleModel(db, request.actor, request.params.id, requestLocale(request)));

  app.patch('/api/v1/role-models/:id', {
    schema: { tags, summary: 'Change a role-model story', description: manage, security: signedIn, params: s.RoleModelParams, body: s.RoleModelPatchBody, response: { 200: s.RoleModelView } },
  }, async (request) => db.transaction().execute((trx) => roleModels.editRoleModel(trx, request.actor, request.params.id, request.body, requestLocale(request))));

  app.post('/api/v1/role-models/:id/publish', {
    schema: { tags, summary: 'Publish a role-model story', description: manage, security: signedIn, params: s.RoleModelParams, response: { 200: s.RoleModelView } },
  }, async (request) => db.transaction().execute((trx) => roleModels.setRoleModelPublished(trx, request.actor, request.params.id, true, requestLocale(request))));

  app.post('/api/v1/role-models/:id/unpublish', {
    schema: { tags, summary: 'Withdraw a role-model story from the public', description: manage, security: signedIn, params: s.RoleModelParams, response: { 200: s.RoleModelView } },
  }, async (request) => db.transaction().execute((trx) => roleModels.setRoleModelPublished(trx, request.actor, request.params.id, false, requestLocale(request))));
}
