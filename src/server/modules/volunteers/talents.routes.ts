import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../context.ts';
import { requestLocale } from '../../http/locale.ts';
import { pageOf } from '../../http/schemas.ts';
import { XLSX_TYPE, attachment } from '../ledgers/excel.ts';
import { talentFigures } from './figures.ts';
import * as ms from './matching.schemas.ts';
import { matchForActor } from './matching.service.ts';
import { talentFile, talentFileWorkbook } from './talent-file.ts';
import * as s from './talents.schemas.ts';
import * as talents from './talents.service.ts';
import { taxonomyView } from './taxonomy.ts';

const tags = ['volunteers'];
const signedIn: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }];
const staffOnly = 'Needs volunteers.manage at the talent\'s community (community staff and above): 404 outside the caller\'s nodes, 403 where they may read but not manage.';

const Taxonomy = Type.Object({
  levels: Type.Array(Type.Object({ level: Type.Integer(), label: Type.String() })),
  skillGroups: Type.Array(Type.Object({ code: Type.String(), label: Type.String(), skills: Type.Array(Type.Object({ code: Type.String(), label: Type.String() })) })),
  teamKinds: Type.Array(Type.Object({ code: Type.String(), label: Type.String() })),
  sharedResourceKinds: Type.Array(Type.Object({ code: Type.String(), label: Type.String() })),
});

/** The talent pool (能人库): proposals and recommendations, confirmation, skills, the personal file, matching and figures. */
export function talentRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx.database;
  const timeZone = ctx.calendar.timeZone;

  app.get('/api/v1/talents/taxonomy', {
    schema: { tags, summary: 'Skills, levels, team and resource kinds', description: 'Public. The volunteer taxonomy shipped with Lianxin (codes are stable), labelled in the caller\'s language.', response: { 200: Taxonomy } },
  }, async (request) => taxonomyView(requestLocale(request)));

  app.get('/api/v1/talents', {
    schema: {
      tags,
      summary: 'List talents (能人库)',
      description: 'The talents the caller may read (staff: under their nodes; a resident: their own household\'s), by name. Filters: org node, skill, status, origin, team, reserve candidates, talents without a grid, name. Phones are masked.',
      security: signedIn,
      querystring: s.TalentListQuery,
      response: { 200: pageOf(s.TalentView) },
    },
  }, async (request) => talents.listTalents(db, request.actor, request.query, requestLocale(request)));

  app.post('/api/v1/talents', {
    schema: {
      tags,
      summary: 'Put someone forward for the talent pool',
      description:
        'Records a proposed talent (待确认) for staff to confirm. `origin` says how: `self_nomination` (a resident, for themselves; staff may record it for a resident), `survey` (a grid worker\'s find in their grid), ' +
        '`recommendation` (staff recording a resident\'s recommendation, `recommender` naming them) or `in_service` (staff registering an in-service party member of a local unit, 双报到, with `partnerUnit`). ' +
        'The person is a `resident` record, or a `name` and `phone` placed at a community or grid (`node`). 201 for a new talent; 200 when a declined or retired talent comes back to proposed; 409 TALENT_EXISTS when already proposed or confirmed.',
      security: signedIn,
      body: s.TalentProposeBody,
      response: { 200: s.TalentView, 201: s.TalentView },
    },
  }, async (request, reply) => {
    const { created, view } = await db.transaction().execute((trx) => talents.proposeTalent(trx, request.actor, request.body, requestLocale(request)));
    return reply.status(created ? 201 : 200).send(view);
  });

  app.post('/api/v1/talents/recommendations', {
    schema: {
      tags,
      summary: 'Recommend someone (群众推荐)',
      description: 'A resident recommends a neighbour with a skill: name, mobile number, skills, why. The answer only says it was received; the community contacts the person and confirms them.',
      security: signedIn,
      body: s.TalentRecommendBody,
      response: { 202: s.RecommendationReceipt },
    },
  }, async (request, reply) => {
    const receipt = await db.transaction().execute((trx) => talents.recommendTalent(trx, request.actor, request.body, requestLocale(request)));
    return reply.status(202).send(receipt);
  });

  app.get('/api/v1/talents/me', {
    schema: { tags, summary: 'My talent record', description: 'The signed-in resident\'s own talent record, so the app knows they are a talent; 404 when they are not one.', security: signedIn, response: { 200: s.TalentView } },
  }, async (request) => talents.getMyTalent(db, request.actor, requestLocale(request)));

  app.get('/api/v1/talents/matches', {
    schema: {
      tags,
      summary: 'Match talents and teams to a request (派单推荐)',
      description:
        'Confirmed talents with the skill who serve the place, ranked by skill level, distance from where they live, availability at the wanted time and recent load, each with the reasons; and the teams of the place\'s community with qualified members. ' +
        'The place is `lng`+`lat` or a `grid`. Needs volunteers.manage at the place (community staff and above).',
      security: signedIn,
      querystring: ms.MatchQuery,
      response: { 200: ms.MatchResult },
    },
  }, async (request) => matchForActor(db, ctx.geo, timeZone, request.actor, request.query, requestLocale(request)));

  app.get('/api/v1/talents/figures', {
    schema: {
      tags,
      summary: 'Talent figures (能人库统计)',
      description: 'Talents by skill and by grid under an org node, with in-service members and reserve candidates; each row links to the list behind it. Staff reading the node only.',
      security: signedIn,
      querystring: ms.FiguresQuery,
      response: { 200: ms.FiguresResult },
    },
  }, async (request) => talentFigures(db, request.actor, request.query, requestLocale(request)));

  app.get('/api/v1/talents/:id', {
    schema: { tags, summary: 'Get a talent', description: 'Phone masked; 404 outside the caller\'s reach.', security: signedIn, params: s.TalentParams, response: { 200: s.TalentView } },
  }, async (request) => talents.getTalent(db, request.actor, request.params.id, requestLocale(request)));

  app.patch('/api/v1/talents/:id', {
    schema: {
      tags,
      summary: 'Change a talent',
      description: `Link a resident record, correct a non-resident's name and phone, move to another community or grid, set the unit, free hours, service areas, contact preference or note. ${staffOnly}`,
      security: signedIn,
      params: s.TalentParams,
      body: s.TalentPatchBody,
      response: { 200: s.TalentView },
    },
  }, async (request) => db.transaction().execute((trx) => talents.editTalent(trx, request.actor, request.params.id, request.body, requestLocale(request))));

  app.post('/api/v1/talents/:id/confirm', {
    schema: { tags, summary: 'Confirm a talent (确认入库)', description: `A proposed talent becomes confirmed with their skills, at the levels given. ${staffOnly}`, security: signedIn, params: s.TalentParams, body: s.TalentConfirmBody, response: { 200: s.TalentView } },
  }, async (request) => db.transaction().execute((trx) => talents.confirmTalent(trx, request.actor, request.params.id, request.body, requestLocale(request))));

  app.post('/api/v1/talents/:id/decline', {
    schema: { tags, summary: 'Decline a proposed talent', description: `With the reason, kept in the history. ${staffOnly}`, security: signedIn, params: s.TalentParams, body: s.ReasonBody, response: { 200: s.TalentView } },
  }, async (request) => db.transaction().execute((trx) => talents.declineTalent(trx, request.actor, request.params.id, request.body.reason, requestLocale(request))));

  app.post('/api/v1/talents/:id/retire', {
    schema: { tags, summary: 'Retire a talent (退出)', description: `They stop serving and leave their teams. ${staffOnly}`, security: signedIn, params: s.TalentParams, body: s.ReasonBody, response: { 200: s.TalentView } },
  }, async (request) => db.transaction().execute((trx) => talents.retireTalent(trx, request.actor, request.params.id, request.body.reason, requestLocale(request))));

  app.put('/api/v1/talents/:id/skills/:skill', {
    schema: { tags, summary: 'Set and confirm a skill', description: `Adds the skill or changes its level, confirmed by the caller now. ${staffOnly}`, security: signedIn, params: s.TalentSkillParams, body: s.SkillPutBody, response: { 200: s.TalentView } },
  }, async (request) =>
    db.transaction().execute((trx) => talents.setTalentSkill(trx, request.actor, request.params.id, request.params.skill, request.body.level, requestLocale(request))));

  app.delete('/api/v1/talents/:id/skills/:skill', {
    schema: { tags, summary: 'Remove a skill', description: `A talent keeps at least one (409 TALENT_LAST_SKILL). ${staffOnly}`, security: signedIn, params: s.TalentSkillParams, response: { 200: s.TalentView } },
  }, async (request) => db.transaction().execute((trx) => talents.removeTalentSkill(trx, request.actor, request.params.id, request.params.skill, requestLocale(request))));

  app.put('/api/v1/talents/:id/reserve-candidate', {
    schema: { tags, summary: 'Mark as reserve candidate (后备力量)', description: `Only confirmed talents can be marked; the mark can always be taken off. ${staffOnly}`, security: signedIn, params: s.TalentParams, body: s.ReserveBody, response: { 200: s.TalentView } },
  }, async (request) => db.transaction().execute((trx) => talents.markReserveCandidate(trx, request.actor, request.params.id, request.body, requestLocale(request))));

  app.get('/api/v1/talents/:id/personal-data', {
    schema: {
      tags,
      summary: "Read a talent's phone",
      description: `The unmasked phone, for roles that may see personal data at the talent's place. Every read by staff writes an audit log entry (\`${talents.TALENT_PERSONAL_DATA_READ}\`).`,
      security: signedIn,
      params: s.TalentParams,
      response: { 200: s.TalentPersonalData },
    },
  }, async (request, reply) => {
    const data = await db.transaction().execute((trx) => talents.revealTalentPersonalData(trx, request.actor, request.params.id));
    return reply.header('cache-control', 'no-store').send(data);
  });

  app.get('/api/v1/talents/:id/file', {
    schema: { tags, summary: 'Personal file (一人一档)', description: 'Profile, recommendations and the history of every change. Staff reading the talent only (a resident reads their record, not the file: 403).', security: signedIn, params: s.TalentParams, response: { 200: s.TalentFile } },
  }, async (request) => talentFile(db, request.actor, request.params.id, requestLocale(request)));

  app.get('/api/v1/talents/:id/file.xlsx', {
    schema: {
      tags,
      summary: 'Personal file as Excel',
      description: 'The personal file as a workbook: 基本信息, 技能, 所在队伍, 推荐记录, 变更记录 (English with Accept-Language: en). The phone stays masked. Same access as the file.',
      security: signedIn,
      params: s.TalentParams,
      response: { 200: { description: 'An .xlsx workbook (Content-Disposition names it)', content: { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } } } } },
    },
  }, async (request, reply) => {
    const locale = requestLocale(request);
    const file = await talentFile(db, request.actor, request.params.id, locale);
    const name = locale === 'en' ? `Personal file ${file.profile.name}.xlsx` : `一人一档-${file.profile.name}.xlsx`;
    return reply
      .type(XLSX_TYPE)
      .header('content-disposition', attachment(name, `talent-${file.profile.id}.xlsx`))
      .header('cache-control', 'no-store')
      .send(await talentFileWorkbook(file, locale));
  });
}
