import type { App, AppContext } from '../../context.ts';
import { pageOf } from '../../http/schemas.ts';
import * as links from './links.service.ts';
import * as s from './people.schemas.ts';

const tags = ['people'];
const visibleOnly = 'Lists only the households the caller may read.';

/** Party hub households (党员中心户) and household liaisons (联户长) and the households each serves. */
export function linkRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx.database;

  app.get('/api/v1/party-hubs', {
    schema: {
      tags,
      summary: 'List party hub households (党员中心户)',
      description: 'Signed-in callers only. Each hub with the number of households it serves; filter by org node (`node`).',
      querystring: s.NodeQuery,
      response: { 200: pageOf(s.HouseholdView) },
    },
  }, async (request) => links.listPartyHubs(db, request.actor, request.query));

  app.get('/api/v1/party-hubs/:householdId/households', {
    schema: {
      tags,
      summary: 'Households a party hub serves',
      description: `${visibleOnly} 404 PARTY_HUB_NOT_FOUND when the household is not a hub.`,
      params: s.HouseholdIdParams,
      querystring: s.PageQuery,
      response: { 200: pageOf(s.HouseholdView) },
    },
  }, async (request) => links.listPartyHubHouseholds(db, request.actor, request.params.householdId, request.query));

  app.put('/api/v1/party-hubs/:householdId/households', {
    schema: {
      tags,
      summary: 'Make a household a party hub and set the households it serves',
      description: `Replaces the list. The seeds speak of 10-20 households per hub; at most ${links.MAX_LINKED_HOUSEHOLDS} are accepted and fewer than 10 is allowed while the list is being built. Every household must be one the caller manages; the hub cannot serve itself.`,
      params: s.HouseholdIdParams,
      body: s.LinkedHouseholdsBody,
      response: { 200: s.HouseholdView },
    },
  }, async (request) => db.transaction().execute((trx) => links.setPartyHubHouseholds(trx, request.actor, request.params.householdId, request.body.householdIds)));

  app.delete('/api/v1/party-hubs/:householdId', {
    schema: { tags, summary: 'End a party hub', description: 'The household is no longer a party hub and serves no households.', params: s.HouseholdIdParams },
  }, async (request, reply) => {
    await db.transaction().execute((trx) => links.removePartyHub(trx, request.actor, request.params.householdId));
    return reply.status(204).send();
  });

  app.get('/api/v1/liaisons', {
    schema: {
      tags,
      summary: 'List household liaisons (联户长)',
      description: 'Signed-in callers only. Residents who link at least one household, each with the number linked (phone and ID number masked); filter by org node (`node`).',
      querystring: s.NodeQuery,
      response: { 200: pageOf(s.ResidentView) },
    },
  }, async (request) => links.listLiaisons(db, request.actor, request.query));

  app.get('/api/v1/liaisons/:residentId/households', {
    schema: {
      tags,
      summary: 'Households a liaison links',
      description: `${visibleOnly} Empty for a resident who is not a liaison.`,
      params: s.ResidentIdParams,
      querystring: s.PageQuery,
      response: { 200: pageOf(s.HouseholdView) },
    },
  }, async (request) => links.listLiaisonHouseholds(db, request.actor, request.params.residentId, request.query));

  app.put('/api/v1/liaisons/:residentId/households', {
    schema: {
      tags,
      summary: 'Set the households a liaison links',
      description: `Replaces the list (at most ${links.MAX_LINKED_HOUSEHOLDS}); an empty list ends the role. Every household must be one the caller manages.`,
      params: s.ResidentIdParams,
      body: s.LinkedHouseholdsBody,
      response: { 200: s.ResidentView },
    },
  }, async (request) => db.transaction().execute((trx) => links.setLiaisonHouseholds(trx, request.actor, request.params.residentId, request.body.householdIds)));
}
