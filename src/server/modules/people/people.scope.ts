import { AppError, type ErrorCode } from '../../http/errors.ts';
import { type Action, type Actor, type Target, assertCan, listScope } from '../auth/permissions.ts';
import { getOrgNode } from '../org/org.service.ts';
import type { Db, Visibility } from './people.repository.ts';

/**
 * What the actor may list for an action; anonymous callers are refused (people data is never public),
 * and an actor with no reach at all sees empty lists.
 */
export function visibilityFor(actor: Actor, action: Action = 'people.read'): Visibility {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  return listScope(actor, action) ?? { paths: [], householdId: null };
}

/** The optional `node` filter (org node id or code) as a path prefix. */
export async function nodePathOf(db: Db, node: string | undefined): Promise<string | undefined> {
  return node ? (await getOrgNode(db, node)).path : undefined;
}

/**
 * `assertCan`, with the 404 named after the thing asked for (`RESIDENT_NOT_FOUND` rather than `NOT_FOUND`) so a
 * record the actor cannot see answers exactly like one that does not exist.
 */
export function assertCanOn(actor: Actor, action: Action, target: Target, notFound: ErrorCode): void {
  try {
    assertCan(actor, action, target);
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') throw new AppError(notFound);
    throw err;
  }
}
