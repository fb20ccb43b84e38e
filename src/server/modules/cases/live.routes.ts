import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import { Paging, limitOffset } from '../../http/schemas.ts';
import { nowIso } from '../../platform/clock.ts';
import type { CaseChange } from '../../platform/events.ts';
import { type Actor, can } from '../auth/permissions.ts';
import { CATEGORIES, NATURES } from './taxonomy.ts';

/** Whether a change concerns the actor: inside their reach, or a case they reported. */
function concerns(actor: Actor, c: CaseChange): boolean {
  if (actor.kind !== 'account') return false;
  if (c.reporterAccountIds.includes(actor.accountId)) return true;
  return can(actor, 'cases.read', { path: c.path }) || (!!c.handlerPath && can(actor, 'cases.read', { path: c.handlerPath }));
}

export function liveRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx.database;

  app.get('/api/v1/cases/stream', {
    schema: {
      tags: ['cases'],
      summary: 'Live stream of case changes (SSE)',
      description: 'Server-sent events, one `case` event per change the caller may see (id, number, action, state, at), for inboxes and the command screen. A comment line every 25 s keeps proxies from closing it.',
    },
  }, async (request, reply) => {
    const actor = request.actor;
    if (actor.kind !== 'account') throw new AppError('UNAUTHENTICATED');
    reply.raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    reply.raw.write(': connected\n\n');
    const unsubscribe = ctx.bus.subscribe((c) => {
      if (!concerns(actor, c)) return;
      reply.raw.write(`event: case\nid: ${c.caseId}:${c.at}\ndata: ${JSON.stringify({ id: c.caseId, number: c.number, action: c.action, state: c.state, at: c.at })}\n\n`);
    });
    const ping = setInterval(() => reply.raw.write(': ping\n\n'), 25_000);
    request.raw.on('close', () => {
      clearInterval(ping);
      unsubscribe();
    });
    return reply;
  });

  app.get('/api/v1/notifications', {
    schema: {
      tags: ['cases'],
      summary: 'My notifications',
      description: 'In-app notifications for the signed-in account (new case dispatched, deadline near, progress on a case I reported), newest first.',
      querystring: Type.Object({ unread: Type.Optional(Type.Boolean()), ...Paging }, { additionalProperties: false }),
    },
  }, async (request) => {
    const actor = request.actor;
    if (actor.kind !== 'account') throw new AppError('UNAUTHENTICATED');
    const paging = limitOffset(request.query);
    let q = db.selectFrom('notifications').where('account_id', '=', actor.accountId);
    if (request.query.unread) q = q.where('read_at', 'is', null);
    const total = Number((await q.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst())?.n ?? 0);
    const rows = await q.selectAll().orderBy('created_at', 'desc').limit(paging.limit).offset(paging.offset).execute();
    const items = rows.map((r) => ({ id: r.id, kind: r.kind, caseId: r.case_id, data: r.data ? JSON.parse(r.data) : null, createdAt: r.created_at, readAt: r.read_at }));
    return { items, total, page: paging.page, pageSize: paging.pageSize };
  });

  app.post('/api/v1/notifications/:id/read', {
    schema: { tags: ['cases'], summary: 'Mark a notification read', description: 'Only the account\'s own notifications.', params: Type.Object({ id: Type.String({ maxLength: 64 }) }) },
  }, async (request, reply) => {
    const actor = request.actor;
    if (actor.kind !== 'account') throw new AppError('UNAUTHENTICATED');
    const r = await db.updateTable('notifications').set({ read_at: nowIso() }).where('id', '=', request.params.id).where('account_id', '=', actor.accountId).executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new AppError('NOT_FOUND');
    return reply.status(204).send();
  });

  app.get('/api/v1/taxonomy', {
    schema: {
      tags: ['cases'],
      summary: 'Case categories and natures',
      description: 'Public. The taxonomy (majors and minors with their usual tier and time limits) and the natures of a request (咨询/求助/投诉/举报/建议/表扬).',
    },
  }, async () => ({ natures: NATURES, categories: CATEGORIES }));
}
