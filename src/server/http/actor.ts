import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../db/database.ts';
import { actorFromApiKey, actorFromSession } from '../modules/auth/auth.service.ts';
import type { Actor } from '../modules/auth/permissions.ts';

export const SESSION_COOKIE = 'lx_session';

/**
 * An anonymous reporter's follow-up secret: the phone makes it, sends it with the report and keeps it, so
 * it alone can later read the case, rate it or reopen it (like a confirmation link, without an account).
 */
export const REPORT_TOKEN = /^[A-Za-z0-9_-]{32,128}$/;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
}

/** The session token a request carries: the browser's cookie or an API client's bearer token. */
export function sessionToken(request: FastifyRequest): string | null {
  const auth = request.headers.authorization;
  if (typeof auth === 'string' && auth.startsWith('Bearer ')) return auth.slice(7).trim() || null;
  return request.cookies?.[SESSION_COOKIE] ?? null;
}

/** Resolves who is asking once per request, before any route runs. */
export function installActor(app: FastifyInstance, database: Database): void {
  app.decorateRequest('actor', null as any);
  app.addHook('onRequest', async (request) => {
    request.actor = { kind: 'anonymous' };
    const token = sessionToken(request);
    if (token) {
      request.actor = await actorFromSession(database.db, token);
      return;
    }
    const apiKey = request.headers['x-api-key'];
    if (typeof apiKey === 'string' && apiKey) {
      request.actor = await actorFromApiKey(database.db, apiKey);
      return;
    }
    const reportToken = request.headers['x-report-token'];
    if (typeof reportToken === 'string' && REPORT_TOKEN.test(reportToken)) request.actor = { kind: 'anonymous', reportToken };
  });
}
