import type { App, AppContext } from '../../context.ts';
import { requestLocale } from '../../http/locale.ts';
import * as schemas from './staff.schemas.ts';
import {
  assignStaffMember,
  getStaffMember,
  listStaffMembers,
  registerStaffMember,
  setStaffOnDuty,
  unassignStaffMember,
  updateStaffMember,
} from './staff.service.ts';

const signedIn: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }];

/** Staff members (工作人员) and their roles at grids, communities and police beats. */
export function staffRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx.database;

  app.get('/api/v1/staff', {
    schema: {
      tags: ['staff'],
      summary: 'List staff (工作人员)',
      description:
        'Staff assigned at or under the org nodes of the signed-in account (any organisation role), by name. ' +
        '`node` (id or code) narrows to everything under that node; `role` to one role. Accounts that manage staff ' +
        'also see staff not yet assigned anywhere when no filter is given.',
      security: signedIn,
      querystring: schemas.StaffListQuery,
      response: { 200: schemas.StaffPage },
    },
  }, async (request) => {
    const q = request.query;
    return listStaffMembers(db, request.actor, { node: q.node, role: q.role, page: q.page ?? 1, pageSize: q.pageSize ?? 20 }, requestLocale(request));
  });

  app.post('/api/v1/staff', {
    schema: {
      tags: ['staff'],
      summary: 'Register a staff member',
      description: 'Needs `staff.manage` somewhere. The work phone is public: it is printed on contact cards. Assign a role next.',
      security: signedIn,
      body: schemas.StaffCreateBody,
      response: { 201: schemas.StaffView },
    },
  }, async (request, reply) => {
    const view = await db.transaction().execute((trx) => registerStaffMember(trx, request.actor, request.body, requestLocale(request)));
    return reply.status(201).send(view);
  });

  app.get('/api/v1/staff/:id', {
    schema: {
      tags: ['staff'],
      summary: 'Get a staff member',
      description: "A staff member assigned inside the caller's nodes, with those assignments; otherwise 404.",
      security: signedIn,
      params: schemas.StaffParams,
      response: { 200: schemas.StaffView },
    },
  }, async (request) => getStaffMember(db, request.actor, request.params.id, requestLocale(request)));

  app.patch('/api/v1/staff/:id', {
    schema: {
      tags: ['staff'],
      summary: 'Correct a staff member',
      description: 'Changes the name or work phone. Needs `staff.manage` at one of the staff member\'s nodes.',
      security: signedIn,
      params: schemas.StaffParams,
      body: schemas.StaffPatchBody,
      response: { 200: schemas.StaffView },
    },
  }, async (request) =>
    db.transaction().execute((trx) => updateStaffMember(trx, request.actor, request.params.id, request.body, requestLocale(request))));

  app.post('/api/v1/staff/:id/assignments', {
    schema: {
      tags: ['staff'],
      summary: 'Assign a role',
      description:
        'Gives the staff member a role at an org node (id or code): 网格长 and 网格员 at a grid, 社区工作者 at a community, ' +
        'sector or grid, 民警 anywhere, optionally with a police beat (警格). Needs `staff.manage` at that node.',
      security: signedIn,
      params: schemas.StaffParams,
      body: schemas.AssignmentCreateBody,
      response: { 201: schemas.StaffView },
    },
  }, async (request, reply) => {
    const view = await db.transaction().execute((trx) => assignStaffMember(trx, request.actor, request.params.id, request.body, requestLocale(request)));
    return reply.status(201).send(view);
  });

  app.patch('/api/v1/staff/:id/assignments/:assignmentId', {
    schema: {
      tags: ['staff'],
      summary: 'Set on duty (在岗)',
      description: 'On-duty staff come first on the grid\'s contact card. Needs `staff.manage` at the assignment\'s node.',
      security: signedIn,
      params: schemas.AssignmentParams,
      body: schemas.AssignmentPatchBody,
      response: { 200: schemas.StaffView },
    },
  }, async (request) =>
    db.transaction().execute((trx) =>
      setStaffOnDuty(trx, request.actor, request.params.id, request.params.assignmentId, request.body.onDuty, requestLocale(request))));

  app.delete('/api/v1/staff/:id/assignments/:assignmentId', {
    schema: {
      tags: ['staff'],
      summary: 'End a role',
      description: 'Removes one assignment. Needs `staff.manage` at the assignment\'s node.',
      security: signedIn,
      params: schemas.AssignmentParams,
    },
  }, async (request, reply) => {
    await db.transaction().execute((trx) => unassignStaffMember(trx, request.actor, request.params.id, request.params.assignmentId));
    return reply.status(204).send();
  });
}
