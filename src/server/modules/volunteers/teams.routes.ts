import type { App, AppContext } from '../../context.ts';
import { requestLocale } from '../../http/locale.ts';
import { pageOf } from '../../http/schemas.ts';
import { localDate } from '../../platform/calendar/local-time.ts';
import { now } from '../../platform/clock.ts';
import * as s from './teams.schemas.ts';
import * as teams from './teams.service.ts';

const tags = ['volunteers'];
const signedIn: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }];
const manage = 'Needs volunteers.manage at the team\'s community: 404 outside the caller\'s nodes, 403 where they may read but not manage.';

/** Volunteer teams (志愿服务队): 文艺演出队, 银龄先锋队, 健康守护队, 六义社, with their leaders and members. */
export function teamRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx.database;
  const today = () => localDate(now(), ctx.calendar.timeZone);

  app.get('/api/v1/teams', {
    schema: { tags, summary: 'List volunteer teams (志愿服务队)', description: 'Teams of the communities under the caller\'s nodes, by name. Filters: org node, kind, a skill the team offers, name.', security: signedIn, querystring: s.TeamListQuery, response: { 200: pageOf(s.TeamView) } },
  }, async (request) => teams.listTeams(db, request.actor, request.query, requestLocale(request)));

  app.post('/api/v1/teams', {
    schema: { tags, summary: 'Form a team', description: `A team of a community the caller manages; the leader, if given, joins it. Names are unique per community (409 TEAM_EXISTS).`, security: signedIn, body: s.TeamCreateBody, response: { 201: s.TeamDetail } },
  }, async (request, reply) => reply.status(201).send(await db.transaction().execute((trx) => teams.createTeam(trx, request.actor, request.body, today(), requestLocale(request)))));

  app.get('/api/v1/teams/:id', {
    schema: { tags, summary: 'Get a team', description: 'With its members and their join dates.', security: signedIn, params: s.TeamParams, response: { 200: s.TeamDetail } },
  }, async (request) => teams.getTeam(db, request.actor, request.params.id, requestLocale(request)));

  app.patch('/api/v1/teams/:id', {
    schema: { tags, summary: 'Change a team', description: `Name, kind, purpose, services or leader (a new leader joins the team). ${manage}`, security: signedIn, params: s.TeamParams, body: s.TeamPatchBody, response: { 200: s.TeamDetail } },
  }, async (request) => db.transaction().execute((trx) => teams.editTeam(trx, request.actor, request.params.id, request.body, today(), requestLocale(request))));

  app.put('/api/v1/teams/:id/members/:talentId', {
    schema: { tags, summary: 'Add a member', description: `A proposed or confirmed talent of the team's community joins (or their join date is corrected). ${manage}`, security: signedIn, params: s.TeamMemberParams, body: s.TeamMemberBody, response: { 200: s.TeamDetail } },
  }, async (request) =>
    db.transaction().execute((trx) => teams.addTeamMember(trx, request.actor, request.params.id, request.params.talentId, request.body?.joinedOn, today(), requestLocale(request))));

  app.delete('/api/v1/teams/:id/members/:talentId', {
    schema: { tags, summary: 'Remove a member', description: `The leader must be replaced first (409 TEAM_LEADER_REMOVAL). ${manage}`, security: signedIn, params: s.TeamMemberParams, response: { 200: s.TeamDetail } },
  }, async (request) => db.transaction().execute((trx) => teams.removeTeamMember(trx, request.actor, request.params.id, request.params.talentId, requestLocale(request))));
}
