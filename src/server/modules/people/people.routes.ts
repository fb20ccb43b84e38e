import type { App, AppContext } from '../../context.ts';
import { pageOf } from '../../http/schemas.ts';
import * as s from './people.schemas.ts';
import * as places from './places.service.ts';
import * as residents from './residents.service.ts';

const tags = ['people'];
const signedIn = 'Needs a signed-in account; anonymous callers get 401.';
const scoped = 'Lists only what the caller may read (staff: everything under the org nodes of their roles; a resident: their own household).';

/** Compounds, buildings, households and residents. Every write runs in one transaction. */
export function peopleRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx.database;

  app.get('/api/v1/compounds', {
    schema: { tags, summary: 'List compounds (大院/小区)', description: `${signedIn} ${scoped} Filter by org node (\`node\`, id or code: everything under it).`, querystring: s.NodeQuery, response: { 200: pageOf(s.CompoundView) } },
  }, async (request) => places.listCompounds(db, request.actor, request.query));

  app.post('/api/v1/compounds', {
    schema: { tags, summary: 'Register a compound', description: 'A compound inside a grid the caller manages. Names are unique per grid (409 COMPOUND_EXISTS).', body: s.CompoundCreateBody, response: { 201: s.CompoundView } },
  }, async (request, reply) => reply.status(201).send(await db.transaction().execute((trx) => places.registerCompound(trx, request.actor, request.body))));

  app.get('/api/v1/compounds/:id', {
    schema: { tags, summary: 'Get a compound', description: `${signedIn} The compound with its buildings.`, params: s.IdParams, response: { 200: s.CompoundDetail } },
  }, async (request) => places.getCompound(db, request.actor, request.params.id));

  app.get('/api/v1/compounds/:id/buildings', {
    schema: { tags, summary: "List a compound's buildings (楼栋)", description: signedIn, params: s.IdParams, querystring: s.PageQuery, response: { 200: pageOf(s.BuildingView) } },
  }, async (request) => places.listBuildings(db, request.actor, request.params.id, request.query));

  app.post('/api/v1/compounds/:id/buildings', {
    schema: { tags, summary: 'Register a building', description: 'A building inside the compound. Names are unique per compound (409 BUILDING_EXISTS).', params: s.IdParams, body: s.BuildingCreateBody, response: { 201: s.BuildingView } },
  }, async (request, reply) =>
    reply.status(201).send(await db.transaction().execute((trx) => places.addBuilding(trx, request.actor, request.params.id, request.body))));

  app.get('/api/v1/buildings/:id', {
    schema: { tags, summary: 'Get a building', description: signedIn, params: s.IdParams, response: { 200: s.BuildingView } },
  }, async (request) => places.getBuilding(db, request.actor, request.params.id));

  app.get('/api/v1/households', {
    schema: { tags, summary: 'List households (户)', description: `${signedIn} ${scoped} Filter by org node and compound.`, querystring: s.HouseholdListQuery, response: { 200: pageOf(s.HouseholdView) } },
  }, async (request) => places.listHouseholds(db, request.actor, request.query));

  app.post('/api/v1/households', {
    schema: {
      tags,
      summary: 'Register a household',
      description: 'In a grid the caller manages; either a compound (optionally a building and room: the address is built as `compound building room`) or a free `address`. Addresses are unique per grid (409 HOUSEHOLD_EXISTS).',
      body: s.HouseholdCreateBody,
      response: { 201: s.HouseholdView },
    },
  }, async (request, reply) => reply.status(201).send(await db.transaction().execute((trx) => places.registerHousehold(trx, request.actor, request.body))));

  app.get('/api/v1/households/:id', {
    schema: { tags, summary: 'Get a household', description: `${signedIn} The household with its members; phone and ID numbers are masked.`, params: s.IdParams, response: { 200: s.HouseholdDetail } },
  }, async (request) => places.getHousehold(db, request.actor, request.params.id));

  app.patch('/api/v1/households/:id', {
    schema: {
      tags,
      summary: 'Change a household',
      description: 'Move it to another grid, compound, building or room, or correct a free address. Members follow the household to a new grid. Moving grid keeps the compound unless `compound` is given too.',
      params: s.IdParams,
      body: s.HouseholdPatchBody,
      response: { 200: s.HouseholdDetail },
    },
  }, async (request) => db.transaction().execute((trx) => places.updateHousehold(trx, request.actor, request.params.id, request.body)));

  app.get('/api/v1/residents', {
    schema: {
      tags,
      summary: 'List residents (居民)',
      description: `${signedIn} ${scoped} Filter by org node, household and name (\`q\`). Phone and ID numbers are always masked; use the personal-data endpoint to see them.`,
      querystring: s.ResidentListQuery,
      response: { 200: pageOf(s.ResidentView) },
    },
  }, async (request) => residents.listResidents(db, request.actor, request.query));

  app.post('/api/v1/residents', {
    schema: {
      tags,
      summary: 'Register a resident',
      description: 'A member of a household the caller manages. The phone must be a mainland mobile number; the ID number is checked (GB 11643) and decides gender and birth date; a stated gender or birth date that disagrees is refused (ID_NUMBER_MISMATCH). ID numbers are unique (409 ID_NUMBER_TAKEN).',
      body: s.ResidentCreateBody,
      response: { 201: s.ResidentView },
    },
  }, async (request, reply) => reply.status(201).send(await db.transaction().execute((trx) => residents.registerResident(trx, request.actor, request.body))));

  app.get('/api/v1/residents/:id', {
    schema: { tags, summary: 'Get a resident', description: `${signedIn} Phone and ID number masked.`, params: s.IdParams, response: { 200: s.ResidentView } },
  }, async (request) => residents.getResident(db, request.actor, request.params.id));

  app.patch('/api/v1/residents/:id', {
    schema: { tags, summary: 'Change a resident', description: 'Correct personal data (same checks as registering) or move the resident to another household.', params: s.IdParams, body: s.ResidentPatchBody, response: { 200: s.ResidentView } },
  }, async (request) => db.transaction().execute((trx) => residents.updateResident(trx, request.actor, request.params.id, request.body)));

  app.delete('/api/v1/residents/:id', {
    schema: { tags, summary: 'Delete a resident', description: 'Removes the resident and any liaison links they held; the deletion is audited. A resident with a sign-in account is refused (409 RESIDENT_HAS_ACCOUNT).', params: s.IdParams },
  }, async (request, reply) => {
    await db.transaction().execute((trx) => residents.removeResident(trx, request.actor, request.params.id));
    return reply.status(204).send();
  });

  app.get('/api/v1/residents/:id/personal-data', {
    schema: {
      tags,
      summary: "Read a resident's personal data",
      description: `The unmasked phone, ID number and birth date. Every read by staff writes an audit log entry (action \`${residents.PERSONAL_DATA_READ}\`); residents may read their own household's.`,
      params: s.IdParams,
      response: { 200: s.PersonalDataView },
    },
  }, async (request, reply) => {
    const data = await db.transaction().execute((trx) => residents.revealPersonalData(trx, request.actor, request.params.id));
    // Unmasked personal data must not linger in browser or proxy caches.
    return reply.header('cache-control', 'no-store').send(data);
  });
}
