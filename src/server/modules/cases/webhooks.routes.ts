import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import { nowIso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { newSecret } from '../../platform/secrets.ts';
import type { Actor } from '../auth/permissions.ts';
import { ACTIONS } from './lifecycle.ts';

const EVENTS = ['case.*', ...Object.keys(ACTIONS).map((a) => `case.${a}`)];

function assertAdmin(actor: Actor): void {
  if (actor.kind !== 'account') throw new AppError('UNAUTHENTICATED');
  if (!actor.grants.some((g) => g.role === 'admin')) throw new AppError('FORBIDDEN');
}

/** Webhooks connect a deployment's SMS or WeChat gateway: each case event is POSTed, signed, to its URL. */
export function webhookRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx.database;

  app.post('/api/v1/webhooks', {
    schema: {
      tags: ['cases'],
      summary: 'Register a webhook',
      description: `Admin only. Case events (${EVENTS.slice(0, 4).join(', ')}, … or case.* for all) are POSTed as JSON without personal data, signed: X-Lianxin-Signature = "sha256=" + HMAC-SHA256(secret, timestamp + "." + body), X-Lianxin-Timestamp in seconds. The secret is returned once. Failed deliveries are retried with back-off.`,
      body: Type.Object({ url: Type.String({ format: 'uri', pattern: '^https?://', maxLength: 500 }), events: Type.Array(Type.Union(EVENTS.map((e) => Type.Literal(e))), { minItems: 1, maxItems: 30 }) }, { additionalProperties: false }),
    },
  }, async (request, reply) => {
    assertAdmin(request.actor);
    const id = newId();
    const secret = newSecret('whsec');
    await db.insertInto('webhooks').values({ id, url: request.body.url, secret, events: request.body.events.join(','), active: 1, created_at: nowIso() }).execute();
    return reply.status(201).send({ id, url: request.body.url, events: request.body.events, secret });
  });

  app.get('/api/v1/webhooks', {
    schema: { tags: ['cases'], summary: 'List webhooks', description: 'Admin only. Each webhook with its delivery backlog (the secret is never shown again).' },
  }, async (request) => {
    assertAdmin(request.actor);
    const hooks = await db.selectFrom('webhooks').select(['id', 'url', 'events', 'active', 'created_at']).orderBy('created_at').execute();
    const pending = await db.selectFrom('webhook_deliveries').select(['webhook_id', (eb) => eb.fn.countAll<string | number>().as('n')]).where('delivered_at', 'is', null).groupBy('webhook_id').execute();
    return hooks.map((h) => ({ id: h.id, url: h.url, events: h.events.split(','), active: h.active === 1, createdAt: h.created_at, pending: Number(pending.find((p) => p.webhook_id === h.id)?.n ?? 0) }));
  });

  app.delete('/api/v1/webhooks/:id', {
    schema: { tags: ['cases'], summary: 'Stop a webhook', description: 'Admin only. No further deliveries are made to it.', params: Type.Object({ id: Type.String({ maxLength: 64 }) }) },
  }, async (request, reply) => {
    assertAdmin(request.actor);
    const r = await db.updateTable('webhooks').set({ active: 0 }).where('id', '=', request.params.id).executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new AppError('NOT_FOUND');
    return reply.status(204).send();
  });
}
