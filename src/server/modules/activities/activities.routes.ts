import type { FastifyRequest } from 'fastify';
import type { App, AppContext } from '../../context.ts';
import { requestLocale } from '../../http/locale.ts';
import { localDate } from '../../platform/calendar/working-days.ts';
import { now } from '../../platform/clock.ts';
import { resolvePeriod } from '../metrics/periods.ts';
import * as s from './activities.schemas.ts';
import * as activities from './activities.service.ts';
import { checkInCode, checkInWithCode, tickAttendance } from './check-in.service.ts';
import { activityFigures } from './figures.ts';
import { activityRoster, myActivities, signUp, withdrawSignUp } from './sign-ups.service.ts';

const tags = ['activities'];
const signedIn: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }];
const manage = 'Needs activities.manage at the activity\'s community (community workers and above): 403 for a published activity out of reach, 404 for a draft.';

/** Activities (活动): the office publishes them, residents sign up and check in, attendance earns points. */
export function activityRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx.database;
  const where = (request: FastifyRequest) => ({ locale: requestLocale(request), timeZone: ctx.calendar.timeZone });

  app.get('/api/v1/activities/calendar', {
    schema: { tags, summary: '活动日历 Activity calendar', description: 'A community\'s published, cancelled and finished activities starting between two local days (at most 92), with counts, never names. Public; a signed-in resident without `community` sees their own.', querystring: s.CalendarQuery, response: { 200: s.CalendarView } },
  }, async (request) => activities.activityCalendar(db, request.actor, request.query, where(request)));

  app.get('/api/v1/activities/mine', {
    schema: { tags, summary: '我的活动 My activities', description: 'The signed-in resident\'s sign-ups and attendances, newest first, with the points each attendance paid. 403 for accounts not linked to a resident.', security: signedIn, response: { 200: s.MyActivities } },
  }, async (request) => myActivities(db, request.actor, where(request)));

  app.get('/api/v1/activities/figures', {
    schema: { tags, summary: '活动指标 Activity figures', description: 'Activities held and cancelled, sign-ups, attendance, attendance rate and points paid for attendance in a period, per community under an org node (drill down by asking for a child node). Needs activities.manage there.', security: signedIn, querystring: s.FiguresQuery, response: { 200: s.FiguresView } },
  }, async (request) => {
    const period = resolvePeriod(request.query, localDate(now(), ctx.calendar.timeZone));
    return activityFigures(db, request.actor, request.query.node, period, ctx.calendar.timeZone);
  });

  app.post('/api/v1/activities/check-in', {
    schema: { tags, summary: '扫码签到 Check in with the code from the door', description: 'A signed-in resident submits the code (or the QR text) shown at the door, from 30 minutes before the start until the end. Walk-ins take a place if one is left. Attendance earns points under the community\'s activity_attendance rule; without an active rule (or at the period\'s limit) it is recorded unpaid and `pointsOutcome` says so. A second check-in answers 409.', security: signedIn, body: s.CheckInBody, response: { 201: s.AttendanceView } },
  }, async (request, reply) => reply.status(201).send(await db.transaction().execute((trx) => checkInWithCode(trx, request.actor, request.body.code, where(request)))));

  app.get('/api/v1/activities', {
    schema: { tags, summary: 'List activities (office)', description: 'Every activity under the caller\'s reach, drafts included, by start; filters: org node, state, local days. Needs activities.manage somewhere.', security: signedIn, querystring: s.ActivityListQuery, response: { 200: s.ActivityList } },
  }, async (request) => activities.listActivities(db, request.actor, request.query, where(request)));

  app.post('/api/v1/activities', {
    schema: { tags, summary: '新建活动 Create an activity', description: 'A draft in a community the caller runs: title, kind, place, start and end (the end after the start), optional capacity (≥ 1), sign-up window (closing no later than the start) and organising team of the same community. Publish it to show it to residents.', security: signedIn, body: s.ActivityCreateBody, response: { 201: s.ActivityView } },
  }, async (request, reply) => reply.status(201).send(await db.transaction().execute((trx) => activities.createActivity(trx, request.actor, request.body, where(request)))));

  app.get('/api/v1/activities/:id', {
    schema: { tags, summary: 'Get an activity', description: 'Public once published (counts, never names); a draft only for the office that runs it.', params: s.ActivityParams, response: { 200: s.ActivityView } },
  }, async (request) => activities.getActivity(db, request.actor, request.params.id, where(request)));

  app.patch('/api/v1/activities/:id', {
    schema: { tags, summary: 'Change an activity', description: `Draft or published only; the capacity cannot drop below the places taken (409). ${manage}`, security: signedIn, params: s.ActivityParams, body: s.ActivityPatchBody, response: { 200: s.ActivityView } },
  }, async (request) => db.transaction().execute((trx) => activities.editActivity(trx, request.actor, request.params.id, request.body, where(request))));

  app.post('/api/v1/activities/:id/publish', {
    schema: { tags, summary: '发布 Publish an activity', description: `A draft becomes visible in the calendar and open for sign-up. ${manage}`, security: signedIn, params: s.ActivityParams, response: { 200: s.ActivityView } },
  }, async (request) => db.transaction().execute((trx) => activities.publishActivity(trx, request.actor, request.params.id, where(request))));

  app.post('/api/v1/activities/:id/cancel', {
    schema: { tags, summary: '取消 Cancel an activity', description: `With a reason residents see; refused once anyone has checked in. ${manage}`, security: signedIn, params: s.ActivityParams, body: s.CancelBody, response: { 200: s.ActivityView } },
  }, async (request) => db.transaction().execute((trx) => activities.cancelActivity(trx, request.actor, request.params.id, request.body.reason, where(request))));

  app.post('/api/v1/activities/:id/finish', {
    schema: { tags, summary: '结束 Finish an activity', description: `Once started: closes check-in and the list. ${manage}`, security: signedIn, params: s.ActivityParams, response: { 200: s.ActivityView } },
  }, async (request) => db.transaction().execute((trx) => activities.finishActivity(trx, request.actor, request.params.id, where(request))));

  app.post('/api/v1/activities/:id/sign-ups', {
    schema: { tags, summary: '报名 Sign up', description: 'The signed-in resident signs up, or the office signs up a resident it can see (`residentId`, 代报名). Only a published activity, before its start and inside its sign-up window, while places are left: racing sign-ups never exceed the capacity (409 ACTIVITY_FULL).', security: signedIn, params: s.ActivityParams, body: s.SignUpBody, response: { 201: s.SignUpView } },
  }, async (request, reply) => reply.status(201).send(await db.transaction().execute((trx) => signUp(trx, request.actor, request.params.id, request.body?.residentId, where(request)))));

  app.post('/api/v1/activities/:id/withdrawal', {
    schema: { tags, summary: '取消报名 Withdraw a sign-up', description: 'Before the start, for oneself, or by the office for a resident (`residentId`); the place is freed. Someone else\'s sign-up answers 403.', security: signedIn, params: s.ActivityParams, body: s.SignUpBody, response: { 200: s.SignUpView } },
  }, async (request) => db.transaction().execute((trx) => withdrawSignUp(trx, request.actor, request.params.id, request.body?.residentId, where(request))));

  app.get('/api/v1/activities/:id/sign-ups', {
    schema: { tags, summary: '报名名单 Sign-up list', description: `Who signed up (and withdrew) and who came, with masked phones, for ticking attendance. ${manage}`, security: signedIn, params: s.ActivityParams, response: { 200: s.Roster } },
  }, async (request) => activityRoster(db, request.actor, request.params.id, where(request)));

  app.get('/api/v1/activities/:id/check-in-code', {
    schema: { tags, summary: '签到码 Check-in code', description: `The secret to show as a QR code at the door, and when it works (30 minutes before the start to the end). ${manage}`, security: signedIn, params: s.ActivityParams, response: { 200: s.CheckInCodeView } },
  }, async (request) => checkInCode(db, request.actor, request.params.id));

  app.post('/api/v1/activities/:id/attendances', {
    schema: { tags, summary: '名单签到 Tick a resident present', description: `The office ticks a resident on the list, or a walk-in it can see (if places are left), from when the door opens until the activity is finished. Points as for the code. ${manage}`, security: signedIn, params: s.ActivityParams, body: s.AttendanceBody, response: { 201: s.AttendanceView } },
  }, async (request, reply) => reply.status(201).send(await db.transaction().execute((trx) => tickAttendance(trx, request.actor, request.params.id, request.body.residentId, where(request)))));
}
