import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../context.ts';
import { SESSION_COOKIE, sessionToken } from '../../http/actor.ts';
import { AppError } from '../../http/errors.ts';
import { LoginBody, LoginReply, MeView } from './auth.schemas.ts';
import { accountActor, logIn, logOut } from './auth.service.ts';
import { type Actor, assertSignedIn } from './permissions.ts';

function meView(actor: Extract<Actor, { kind: 'account' }>) {
  return {
    id: actor.accountId,
    username: actor.username,
    displayName: actor.displayName,
    roles: actor.grants.map((g) => ({ role: g.role, nodeId: g.nodeId })),
    residentId: actor.residentId,
    householdId: actor.householdId,
    staffId: actor.staffId,
  };
}

export function authRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx.database;

  app.post('/api/v1/auth/login', {
    config: {
      rateLimit: {
        max: ctx.config.loginAttemptsPerMinute,
        timeWindow: 60_000,
        hook: 'preHandler',
        keyGenerator: (req: any) => `${req.ip}|${typeof req.body?.username === 'string' ? req.body.username : ''}`,
      },
    },
    schema: {
      tags: ['auth'],
      summary: 'Sign in',
      description: 'Checks username and password. Sets the `lx_session` cookie for browsers and returns a bearer token for API clients. Attempts are rate-limited per client and username.',
      body: LoginBody,
      response: { 200: LoginReply },
    },
  }, async (request, reply) => {
    const { token, expiresAt, accountId } = await logIn(db, request.body.username, request.body.password, ctx.config.sessionHours);
    const actor = await accountActor(db, accountId);
    assertSignedIn(actor);
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', expires: new Date(expiresAt) });
    return { token, expiresAt, me: meView(actor) };
  });

  app.post('/api/v1/auth/logout', {
    schema: { tags: ['auth'], summary: 'Sign out', description: 'Ends the current session (cookie or bearer token).' },
  }, async (request, reply) => {
    const token = sessionToken(request);
    if (token) await logOut(db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/api/v1/auth/me', {
    schema: { tags: ['auth'], summary: 'Current user', description: 'The signed-in account, its roles and where they apply.', response: { 200: MeView } },
  }, async (request) => {
    const actor = request.actor;
    if (actor.kind !== 'account') throw new AppError('UNAUTHENTICATED');
    return meView(actor);
  });

  app.get('/api/v1/auth/session', {
    schema: {
      tags: ['auth'],
      summary: 'Who is signed in, if anyone',
      description: 'Like `/auth/me`, but answers 200 with `me: null` when nobody is signed in, so a page that works for anonymous residents asks without an error.',
      response: { 200: Type.Object({ me: Type.Union([MeView, Type.Null()]) }) },
    },
  }, async (request) => {
    const actor = request.actor;
    return { me: actor.kind === 'account' ? meView(actor) : null };
  });
}
