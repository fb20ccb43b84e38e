import { AppError } from '../../http/errors.ts';
import { type Actor, can, listScope } from '../auth/permissions.ts';
import { findNode } from '../org/org.repository.ts';
import * as repo from './activities.repository.ts';
import type { ActivityRow, Db } from './activities.repository.ts';

/** Whether the actor runs activities where this record hangs (community office and above). */
export function canManageAt(actor: Actor, path: string): boolean {
  return can(actor, 'activities.manage', { path });
}

/** The org paths where the actor runs activities; 401 for nobody, 403 for callers who run them nowhere. */
export function managedPaths(actor: Actor): string[] {
  if (actor.kind !== 'account') throw new AppError('UNAUTHENTICATED');
  const paths = listScope(actor, 'activities.manage')?.paths ?? [];
  if (paths.length === 0) throw new AppError('FORBIDDEN');
  return paths;
}

/** A community (id or code) the actor runs activities in: 404 outside its reach, 400 for another kind of node. */
export async function managedCommunity(db: Db, actor: Actor, ref: string) {
  managedPaths(actor);
  const node = await findNode(db, ref);
  if (!node || !canManageAt(actor, node.path)) throw new AppError('ORG_NODE_NOT_FOUND', { community: ref });
  if (node.kind !== 'community') throw new AppError('ACTIVITY_COMMUNITY_REQUIRED', { kind: node.kind });
  return node;
}

/** An activity the actor may read: anything published once is public; a draft only to those who run it. */
export async function readableActivity(db: Db, actor: Actor, id: string): Promise<ActivityRow> {
  const row = await repo.findActivity(db, id);
  if (!row || (row.state === 'draft' && !canManageAt(actor, row.path))) throw new AppError('ACTIVITY_NOT_FOUND');
  return row;
}

/** An activity the actor runs: 401 for nobody, 404 for a draft out of reach, 403 for a public one out of reach. */
export async function manageableActivity(db: Db, actor: Actor, id: string): Promise<ActivityRow> {
  if (actor.kind !== 'account') throw new AppError('UNAUTHENTICATED');
  const row = await readableActivity(db, actor, id);
  if (!canManageAt(actor, row.path)) throw new AppError('FORBIDDEN');
  return row;
}
