import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../context.ts';
import { isUniqueViolation } from '../../db/store-errors.ts';
import { AppError } from '../../http/errors.ts';
import { requestLocale } from '../../http/locale.ts';
import { REPORT_TOKEN } from '../../http/actor.ts';
import { IdParam, limitOffset } from '../../http/schemas.ts';
import { now } from '../../platform/clock.ts';
import { type Actor, isStaff } from '../auth/permissions.ts';
import * as repo from './cases.repository.ts';
import type { CaseRow } from './cases.repository.ts';
import { mayRead } from './cases.policy.ts';
import { ActionBodies, CaseDetail, CaseListQuery, CaseView, NewCaseBody } from './cases.schemas.ts';
import { caseListView, caseView, lookupsFor, photosView, timelineView } from './cases.views.ts';
import type { Tx } from './engine.ts';
import * as handling from './handling.service.ts';
import { submitCase } from './intake.service.ts';
import { caseFilterFor } from './case-query.ts';
import { relationTo } from './relation.ts';

/** Runs a unit of work in one transaction and announces its changes once it has durably committed. */
export async function inTransaction<T>(ctx: AppContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const changes: Tx['changes'] = [];
  const result = await ctx.database.write((db) => fn({ db, changes }));
  ctx.bus.publish(changes);
  return result;
}

const ACTION_DOCS: Record<keyof typeof ActionBodies, [string, string]> = {
  dispatch: ['派单 Dispatch', 'Sends a waiting case to a handler: a staff member, an org node as a unit, or by default the grid\'s on-duty grid worker; may confirm the category at the same time.'],
  accept: ['签收 Accept', 'The handler takes the case on. The first acceptance counts for on-time acceptance.'],
  return: ['退单 Return', 'Back to the dispatcher with a reason.'],
  transfer: ['转办 Transfer', 'To another handler or unit at the same tier, with a reason.'],
  escalate: ['上报上级 Escalate', 'One tier up: grid → community → street / department ("一般矛盾在网格中、复杂的在社区、重大的走行政司法途径").'],
  extend: ['申请延期 Request an extension', 'Asks the tier above for more working days; the state does not change.'],
  'decide-extension': ['延期审批 Decide an extension', 'Approve (the deadline moves by the working days asked) or refuse the pending request. Not by the person who asked.'],
  suspend: ['缓办 Suspend', 'Pauses the case with a reason; its clock stops and it leaves the on-time figure.'],
  resume: ['恢复 Resume', 'Restarts a suspended case; the deadline moves by the time it was paused.'],
  note: ['备注 Note', 'A note with optional photos; `publicNote` shows its text to the reporter.'],
  resolve: ['办结 Resolve', 'The handler reports it solved, with the result and proof photos.'],
  verify: ['核查 Verify', 'Someone other than the handler checks: pass closes the case, fail sends it back as rework (返工).'],
  'follow-up': ['回访 Follow-up', 'A visit or call: reached? contacted in time? solved? satisfaction. "Not solved" or 不满意 reopens it as rework.'],
  rate: ['评价 Rate', 'The reporter rates the result in the app (满意/基本满意/不满意); 不满意 or "not solved" reopens it.'],
  reopen: ['重新办理 Reopen', 'The reporter (within the reopen window) or staff reopen a closed case as rework.'],
  merge: ['合并 Merge', 'Folds this duplicate into another open case, whose reporters now include this one\'s.'],
  reject: ['不予受理 Reject', 'Not a valid case (spam, outside remit), with the reason.'],
  categorize: ['确认分类 Set category', 'Sets or corrects the category; deadlines follow it; a correction of the classifier is kept as a training example.'],
  grade: ['调整等级 Set grade', '一般 or 紧急; the deadlines follow.'],
};

export function caseRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx.database;
  const relation = (actor: Actor) => (c: CaseRow) => relationTo(db, actor, c, ctx.config.reopenWindowDays, now().getTime());

  app.post('/api/v1/cases', {
    schema: {
      tags: ['cases'],
      summary: '上报 Report a problem',
      description:
        'Anyone may report, signed in or not. The point (or compound) finds the grid and its handler; without a category the classifier proposes one, and below its confidence threshold the case waits for a person. ' +
        'Send an `Idempotency-Key` header when a phone may retry: the same key never makes two cases. Answers 201 with the case once it is durably stored.',
      headers: Type.Object({
        'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 100 })),
        'x-report-token': Type.Optional(Type.String({ pattern: REPORT_TOKEN.source, description: 'Anonymous reporters: a random secret (32–128 URL-safe characters) the phone keeps; sent again later it reads, rates or reopens this case' })),
      }),
      body: NewCaseBody,
      response: { 201: CaseView },
    },
  }, async (request, reply) => {
    const key = request.headers['idempotency-key'] as string | undefined;
    const submit = () => inTransaction(ctx, (tx) => submitCase(tx, ctx, request.actor, request.body as any, key));
    let result;
    try {
      result = await submit();
    } catch (err) {
      // Two retries of one report racing: the loser finds the winner's case under the same key.
      if (!key || !isUniqueViolation(err)) throw err;
      result = await submit();
    }
    const l = await lookupsFor(db, [result.case]);
    const rel = await relation(request.actor)(result.case);
    const view = caseView(request.actor, result.case, l, requestLocale(request), rel);
    return reply.status(201).header('location', `/api/v1/cases/${result.case.id}`).send(view);
  });

  app.get('/api/v1/cases', {
    schema: {
      tags: ['cases'],
      summary: 'List cases',
      description: 'Staff see the cases located in their scope (a `node` outside it answers 404); residents the cases they reported. Filters: org node, state or family, category (major or minor), kind, channel, overdue, waiting for review, mine, Chinese full-text `q`, reporting days `from`/`to`. Newest first.',
      querystring: CaseListQuery,
    },
  }, async (request) => {
    const actor = request.actor;
    const paging = limitOffset(request.query);
    const { filter } = await caseFilterFor(ctx, actor, request.query);
    const { rows, total } = await repo.listCases(db, { ...filter, limit: paging.limit, offset: paging.offset });
    const items = await caseListView(db, actor, rows, requestLocale(request), relation(actor));
    return { items, total, page: paging.page, pageSize: paging.pageSize };
  });

  app.get('/api/v1/cases/:id', {
    schema: {
      tags: ['cases'],
      summary: 'A case with its timeline',
      description: 'By id or number (LX-2026-000123). Staff see the full timeline (who, when, what, why, from/to); the reporter sees the steps meant for them in plain words.',
      params: IdParam,
      response: { 200: CaseDetail },
    },
  }, async (request) => {
    const actor = request.actor;
    const c = await repo.findCase(db, request.params.id);
    if (!c) throw new AppError('CASE_NOT_FOUND');
    const rel = await relation(actor)(c);
    if (!mayRead(actor, c, rel)) throw new AppError(actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'CASE_NOT_FOUND');
    const locale = requestLocale(request);
    const l = await lookupsFor(db, [c]);
    const forReporter = !isStaff(actor);
    return {
      case: caseView(actor, c, l, locale, rel),
      timeline: timelineView(await repo.listEvents(db, c.id), locale, forReporter),
      photos: await photosView(db, c.id, forReporter),
    };
  });

  const actions: { [K in keyof typeof ActionBodies]: (tx: Tx, actor: Actor, id: string, body: any) => Promise<CaseRow> } = {
    dispatch: (tx, a, id, b) => handling.dispatchCase(tx, ctx, a, id, b),
    accept: (tx, a, id) => handling.acceptCase(tx, ctx, a, id),
    return: (tx, a, id, b) => handling.returnCase(tx, ctx, a, id, b.reason),
    transfer: (tx, a, id, b) => handling.transferCase(tx, ctx, a, id, b),
    escalate: (tx, a, id, b) => handling.escalateCase(tx, ctx, a, id, b),
    extend: (tx, a, id, b) => handling.requestExtension(tx, ctx, a, id, b),
    'decide-extension': (tx, a, id, b) => handling.decideExtension(tx, ctx, a, id, b),
    suspend: (tx, a, id, b) => handling.suspendCase(tx, ctx, a, id, b.reason),
    resume: (tx, a, id) => handling.resumeCase(tx, ctx, a, id),
    note: (tx, a, id, b) => handling.noteCase(tx, ctx, a, id, b),
    resolve: (tx, a, id, b) => handling.resolveCase(tx, ctx, a, id, b),
    verify: (tx, a, id, b) => handling.verifyCase(tx, ctx, a, id, b),
    'follow-up': (tx, a, id, b) => handling.followUpCase(tx, ctx, a, id, b),
    rate: (tx, a, id, b) => handling.followUpCase(tx, ctx, a, id, { method: 'app', reached: true, satisfaction: b.satisfaction, solved: b.solved ?? b.satisfaction !== 'dissatisfied', comment: b.comment }),
    reopen: (tx, a, id, b) => handling.reopenCase(tx, ctx, a, id, b.reason),
    merge: (tx, a, id, b) => handling.mergeCase(tx, ctx, a, id, b),
    reject: (tx, a, id, b) => handling.rejectCase(tx, ctx, a, id, b.reason),
    categorize: (tx, a, id, b) => handling.categorizeCase(tx, ctx, a, id, b.category),
    grade: (tx, a, id, b) => handling.gradeCase(tx, ctx, a, id, b.grade),
  };

  for (const [name, run] of Object.entries(actions) as [keyof typeof ActionBodies, (typeof actions)[keyof typeof ActionBodies]][]) {
    const [summary, description] = ACTION_DOCS[name];
    app.post(`/api/v1/cases/:id/${name}`, {
      schema: {
        tags: ['cases'],
        summary,
        description: `${description} Refused with 409 CASE_ACTION_NOT_ALLOWED (naming the state) when the state does not allow it, 403 when the caller may not, and 409 CASE_CHANGED to the loser of two simultaneous actions.`,
        params: IdParam,
        body: ActionBodies[name],
        response: { 200: CaseView },
      },
    }, async (request) => {
      const actor = request.actor;
      // An anonymous caller acts only as the reporter holding the case's secret (rate, reopen); the policy decides.
      if (actor.kind === 'anonymous' && !actor.reportToken) throw new AppError('UNAUTHENTICATED');
      const row = await inTransaction(ctx, (tx) => run(tx, actor, request.params.id, request.body ?? {}));
      const rel = await relation(actor)(row);
      const l = await lookupsFor(db, [row]);
      const locale = requestLocale(request);
      return caseView(actor, row, l, locale, rel);
    });
  }
}
