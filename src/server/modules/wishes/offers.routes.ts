import type { App, AppContext } from '../../context.ts';
import { requestLocale } from '../../http/locale.ts';
import { createOffer, editOffer, getOffer, listOffers } from './offers.service.ts';
import * as s from './wishes.schemas.ts';

const tags = ['wishes'];
const signedIn: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }];

/** The service list (服务清单 / 资源清单): what partner units and talents offer a community's wishes. */
export function offerRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx.database;

  app.get('/api/v1/service-offers', {
    schema: { tags: ['public'], summary: '服务清单 The service list', description: 'Public, no sign-in: active offers under a community (or any node), newest first, with the mode (一对一/一对多/多对一) and places left; people who offer are named only to staff. The office may add `includeInactive=true` (needs volunteers.manage).', querystring: s.OfferListQuery, response: { 200: s.OfferList } },
  }, async (request) => listOffers(db, request.actor, request.query, requestLocale(request)));

  app.post('/api/v1/service-offers', {
    schema: { tags, summary: 'Add to the service list', description: 'An offer by a partner unit paired with the community or a talent of it (exactly one): title, kind (goods/service/fund), the type of wish it serves, the mode and how many wishes it can take. Needs volunteers.manage at the community.', security: signedIn, body: s.OfferCreateBody, response: { 201: s.OfferView } },
  }, async (request, reply) => reply.status(201).send(await db.transaction().execute((trx) => createOffer(trx, request.actor, request.body, requestLocale(request)))));

  app.get('/api/v1/service-offers/:id', {
    schema: { tags: ['public'], summary: 'An offer', description: 'Public while active; a stopped one only for its office.', params: s.OfferParams, response: { 200: s.OfferView } },
  }, async (request) => getOffer(db, request.actor, request.params.id, requestLocale(request)));

  app.patch('/api/v1/service-offers/:id', {
    schema: { tags, summary: 'Change or stop an offer', description: 'Details, mode, capacity (never below the wishes it already took: 409), or `active: false` to stop it. Needs volunteers.manage at its community (403 otherwise).', security: signedIn, params: s.OfferParams, body: s.OfferPatchBody, response: { 200: s.OfferView } },
  }, async (request) => db.transaction().execute((trx) => editOffer(trx, request.actor, request.params.id, request.body, requestLocale(request))));
}
