import type { App, AppContext } from '../../context.ts';
import { requestLocale } from '../../http/locale.ts';
import { pageOf } from '../../http/schemas.ts';
import * as s from './partner-units.schemas.ts';
import * as units from './partner-units.service.ts';

const tags = ['volunteers'];
const signedIn: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }];
const manage = 'Needs volunteers.manage at a community the unit pairs with: 404 when it pairs with none inside the caller\'s nodes.';

/** Partner units (共建单位 / 大党委 members) and the resources they share; the public list of those resources. */
export function partnerUnitRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx.database;
  const timeZone = ctx.calendar.timeZone;

  app.get('/api/v1/partner-units', {
    schema: { tags, summary: 'List partner units (共建单位)', description: 'Units paired with a community under the caller\'s nodes, by name. Staff only.', security: signedIn, querystring: s.PartnerUnitListQuery, response: { 200: pageOf(s.PartnerUnitView) } },
  }, async (request) => units.listPartnerUnits(db, request.actor, request.query));

  app.post('/api/v1/partner-units', {
    schema: { tags, summary: 'Register a partner unit', description: 'A unit (大党委 member, 共建单位) paired with communities the caller manages. Names are unique (409 PARTNER_UNIT_EXISTS).', security: signedIn, body: s.PartnerUnitCreateBody, response: { 201: s.PartnerUnitDetail } },
  }, async (request, reply) => reply.status(201).send(await db.transaction().execute((trx) => units.registerPartnerUnit(trx, request.actor, request.body, requestLocale(request), timeZone))));

  app.get('/api/v1/partner-units/:id', {
    schema: { tags, summary: 'Get a partner unit', description: 'With the communities it pairs with inside the caller\'s nodes, its in-service members count and its shared resources.', security: signedIn, params: s.PartnerUnitParams, response: { 200: s.PartnerUnitDetail } },
  }, async (request) => units.getPartnerUnit(db, request.actor, request.params.id, requestLocale(request), timeZone));

  app.patch('/api/v1/partner-units/:id', {
    schema: { tags, summary: 'Change a partner unit', description: `Name, contact, address, note, or the communities it pairs with (only communities the caller manages are added or removed). ${manage}`, security: signedIn, params: s.PartnerUnitParams, body: s.PartnerUnitPatchBody, response: { 200: s.PartnerUnitDetail } },
  }, async (request) => db.transaction().execute((trx) => units.editPartnerUnit(trx, request.actor, request.params.id, request.body, requestLocale(request), timeZone)));

  app.post('/api/v1/partner-units/:id/shared-resources', {
    schema: { tags, summary: 'Share a resource (共享资源)', description: `Parking, a gym, toilets, a meeting room... opened to residents of a paired community, with opening hours, address and location. ${manage}`, security: signedIn, params: s.PartnerUnitParams, body: s.SharedResourceCreateBody, response: { 201: s.PartnerUnitDetail } },
  }, async (request, reply) =>
    reply.status(201).send(await db.transaction().execute((trx) => units.addSharedResource(trx, request.actor, request.params.id, request.body, requestLocale(request), timeZone))));

  app.get('/api/v1/shared-resources', {
    schema: {
      tags: ['public'],
      summary: 'Shared resources for residents (共享资源)',
      description: 'Public, no sign-in. What partner units open to residents: kind, name, unit, address, location, opening hours and whether it is open now. Filter by org node and kind. No personal data.',
      querystring: s.SharedResourceListQuery,
      response: { 200: pageOf(s.SharedResourceView) },
    },
  }, async (request) => units.listSharedResources(db, request.query, requestLocale(request), timeZone));

  app.patch('/api/v1/shared-resources/:id', {
    schema: { tags, summary: 'Change a shared resource', description: 'Details, hours, or `active: false` to stop showing it. Needs volunteers.manage at its community (403 otherwise).', security: signedIn, params: s.SharedResourceParams, body: s.SharedResourcePatchBody, response: { 200: s.SharedResourceView } },
  }, async (request) => db.transaction().execute((trx) => units.editSharedResource(trx, request.actor, request.params.id, request.body, requestLocale(request), timeZone)));
}
