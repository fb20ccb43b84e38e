import type { Kysely } from 'kysely';
import type { DB } from '../../db/tables.ts';
import { AppError, type ErrorCode } from '../../http/errors.ts';
import { type Action, type Actor, assertCan, listScope } from '../auth/permissions.ts';
import { findNode } from '../org/org.repository.ts';
import type { Community } from './ledger.ts';

type Db = Kysely<DB>;

/** `assertCan`, answering an unreachable record with its own not-found code (its existence is not disclosed). */
export function assertCanOn(actor: Actor, action: Action, path: string, notFound: ErrorCode): void {
  try {
    assertCan(actor, action, { path });
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') throw new AppError(notFound);
    throw err;
  }
}

/** The org paths where the actor keeps the points ledger; refuses callers who keep it nowhere. */
export function managedPaths(actor: Actor): string[] {
  if (actor.kind !== 'account') throw new AppError('UNAUTHENTICATED');
  const paths = listScope(actor, 'points.manage')?.paths ?? [];
  if (paths.length === 0) throw new AppError('FORBIDDEN');
  return paths;
}

/** A community (id or code) the actor keeps the points of: 404 outside its reach, 400 for another kind of node. */
export async function managedCommunity(db: Db, actor: Actor, ref: string): Promise<Community & { code: string; name: string }> {
  managedPaths(actor);
  const node = await findNode(db, ref);
  if (!node) throw new AppError('ORG_NODE_NOT_FOUND', { community: ref });
  assertCanOn(actor, 'points.manage', node.path, 'ORG_NODE_NOT_FOUND');
  if (node.kind !== 'community') throw new AppError('POINTS_COMMUNITY_REQUIRED', { kind: node.kind });
  return { id: node.id, path: node.path, code: node.code, name: node.name };
}

/**
 * The path prefixes a ledger listing covers: the actor's reach, narrowed to `node` (id or code) when given.
 * A node outside the reach answers 404.
 */
export async function ledgerScope(db: Db, actor: Actor, nodeRef: string | undefined): Promise<string[]> {
  const paths = managedPaths(actor);
  if (!nodeRef) return paths;
  const node = await findNode(db, nodeRef);
  if (!node) throw new AppError('ORG_NODE_NOT_FOUND', { node: nodeRef });
  if (paths.some((p) => node.path.startsWith(p))) return [node.path];
  // A node above the reach (the street of a community worker) narrows to the reach itself.
  const inside = paths.filter((p) => p.startsWith(node.path));
  if (inside.length === 0) throw new AppError('ORG_NODE_NOT_FOUND', { node: nodeRef });
  return inside;
}
