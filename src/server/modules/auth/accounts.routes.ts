import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../context.ts';
import type { AccountRole } from '../../db/tables.ts';
import { AppError } from '../../http/errors.ts';
import { Nullable, Paging, limitOffset, pageOf } from '../../http/schemas.ts';
import { findNode } from '../org/org.repository.ts';
import * as repo from './auth.repository.ts';
import { createAccount } from './auth.service.ts';
import { type Actor, ROLES, assertCan, assertSignedIn, listScope } from './permissions.ts';

const RoleSchema = Type.Union(ROLES.map((r) => Type.Literal(r)));

const AccountView = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  disabled: Type.Boolean(),
  roles: Type.Array(Type.Object({ role: RoleSchema, nodeId: Nullable(Type.String()) })),
});

const AccountCreateBody = Type.Object(
  {
    username: Type.String({ minLength: 2, maxLength: 64, pattern: '^[A-Za-z0-9_.@-]+$' }),
    password: Type.String({ minLength: 8, maxLength: 256 }),
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    role: RoleSchema,
    at: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Org node (id or code) the role applies at; required for every role but admin' })),
    // An empty id names nobody: refused as input rather than stored as a reference to nothing.
    residentId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    staffId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  },
  { additionalProperties: false },
);

const AuditView = Type.Object({
  id: Type.String(),
  at: Type.String(),
  username: Nullable(Type.String()),
  action: Type.String(),
  subjectType: Type.String(),
  subjectId: Type.String(),
  detail: Nullable(Type.String()),
});

/** Everywhere for an admin; otherwise the path prefixes the actor's roles reach for this action. */
function reach(actor: Actor, action: 'accounts.manage' | 'audit.read'): string[] | null {
  if (actor.kind === 'account' && actor.grants.some((g) => g.role === 'admin')) return null;
  return listScope(actor, action)?.paths ?? [];
}

export function accountRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx.database;

  app.get('/api/v1/accounts', {
    schema: {
      tags: ['auth'],
      summary: 'List accounts',
      description: 'Accounts with a role inside the caller\'s reach (account managers: admin, street admin, community worker).',
      querystring: Type.Object({ ...Paging }, { additionalProperties: false }),
      response: { 200: pageOf(AccountView) },
    },
  }, async (request) => {
    assertSignedIn(request.actor);
    const paths = reach(request.actor, 'accounts.manage');
    if (paths && paths.length === 0) throw new AppError('FORBIDDEN');
    const paging = limitOffset(request.query);
    const { rows, total } = await repo.listAccountsUnder(db, paths, paging.limit, paging.offset);
    const grants = await repo.grantsOf(db, rows.map((r) => r.id));
    const items = rows.map((r) => ({
      id: r.id,
      username: r.username,
      displayName: r.display_name,
      disabled: r.disabled === 1,
      roles: grants.filter((g) => g.account_id === r.id).map((g) => ({ role: g.role, nodeId: g.node_id })),
    }));
    return { items, total, page: paging.page, pageSize: paging.pageSize };
  });

  app.post('/api/v1/accounts', {
    schema: {
      tags: ['auth'],
      summary: 'Create an account',
      description: 'An account with one role at an org node. A manager can grant roles only at or below their own node, and only an admin can create another admin.',
      body: AccountCreateBody,
      response: { 201: AccountView },
    },
  }, async (request, reply) => {
    const actor = request.actor;
    assertSignedIn(actor);
    const b = request.body;
    const node = b.at ? await findNode(db, b.at) : null;
    if (b.at && !node) throw new AppError('ORG_NODE_NOT_FOUND', { at: b.at });
    if (!node && b.role !== 'admin') throw new AppError('VALIDATION_FAILED', [{ field: 'body/at', problem: 'required for this role' }]);
    if (b.role === 'admin' && !actor.grants.some((g) => g.role === 'admin')) throw new AppError('FORBIDDEN');
    assertCan(actor, 'accounts.manage', { path: node?.path ?? '/' });
    const id = await db.transaction().execute((trx) =>
      createAccount(trx, { username: b.username, password: b.password, displayName: b.displayName, role: b.role as AccountRole, node: node ? { id: node.id, path: node.path } : null, residentId: b.residentId ?? null, staffId: b.staffId ?? null }),
    );
    return reply.status(201).send({ id, username: b.username, displayName: b.displayName ?? b.username, disabled: false, roles: [{ role: b.role, nodeId: node?.id ?? null }] });
  });

  app.get('/api/v1/audit-log', {
    schema: {
      tags: ['auth'],
      summary: 'Audit log of personal-data reads',
      description: 'Who read which resident\'s unmasked phone and ID number, and when; newest first. Managers see the reads of accounts inside their reach.',
      querystring: Type.Object({ subjectType: Type.Optional(Type.String({ maxLength: 50 })), subjectId: Type.Optional(Type.String({ maxLength: 100 })), ...Paging }, { additionalProperties: false }),
      response: { 200: pageOf(AuditView) },
    },
  }, async (request) => {
    assertSignedIn(request.actor);
    const paths = reach(request.actor, 'audit.read');
    if (paths && paths.length === 0) throw new AppError('FORBIDDEN');
    const paging = limitOffset(request.query);
    const { rows, total } = await repo.listAudit(db, paths, { subjectType: request.query.subjectType, subjectId: request.query.subjectId, ...paging });
    const items = rows.map((r) => ({ id: r.id, at: r.at, username: r.username ?? null, action: r.action, subjectType: r.subject_type, subjectId: r.subject_id, detail: r.detail }));
    return { items, total, page: paging.page, pageSize: paging.pageSize };
  });
}
