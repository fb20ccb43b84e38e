import { AppError } from '../../http/errors.ts';
import { now } from '../../platform/clock.ts';
import type { AppContext } from '../../context.ts';
import { type Actor, can, listScope } from '../auth/permissions.ts';
import * as casesRepo from '../cases/cases.repository.ts';
import type { CaseRow } from '../cases/cases.repository.ts';
import { type CaseRelation, mayRead } from '../cases/cases.policy.ts';
import { relationTo } from '../cases/relation.ts';
import { getOrgNode } from '../org/org.service.ts';
import type { Db } from './wishes.repository.ts';
import { WISH_KIND } from './wish-kind.ts';

/** The community a wish or an offer hangs on: the first three segments of a path (district, street, community). */
export function communityPathOf(path: string): string {
  return `/${path.split('/').filter(Boolean).slice(0, 3).join('/')}/`;
}

/** Whether the actor matches wishes and keeps the service list of a community (the community office and above). */
export function canMatch(actor: Actor, path: string): boolean {
  return can(actor, 'volunteers.manage', { path: communityPathOf(path) });
}

/** Whether the actor may record a fulfilment: the office that matched it, or the staff handling cases where the wish is. */
export function canRecordFulfilment(actor: Actor, c: CaseRow): boolean {
  return canMatch(actor, c.path) || can(actor, 'cases.handle', { path: c.path });
}

/** The org paths where the actor matches wishes; 401 for nobody, 403 for callers who match nowhere. */
export function matchingPaths(actor: Actor): string[] {
  if (actor.kind !== 'account') throw new AppError('UNAUTHENTICATED');
  const paths = listScope(actor, 'volunteers.manage')?.paths ?? [];
  if (paths.length === 0) throw new AppError('FORBIDDEN');
  return paths;
}

/** A wish the actor may read (staff in scope, or whoever posted it): 404 otherwise, as if it did not exist. */
export async function readableWish(db: Db, ctx: AppContext, actor: Actor, ref: string): Promise<{ c: CaseRow; rel: CaseRelation }> {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  const c = await casesRepo.findCase(db, ref);
  if (!c || c.kind !== WISH_KIND) throw new AppError('WISH_NOT_FOUND');
  const rel = await relationTo(db, actor, c, ctx.config.reopenWindowDays, now().getTime());
  if (!mayRead(actor, c, rel) && !(actor.kind === 'account' && actor.residentId && c.reporter_resident_id === actor.residentId)) throw new AppError('WISH_NOT_FOUND');
  return { c, rel };
}

/** A wish the actor matches: readable, and the actor runs its community's service list (403 otherwise). */
export async function matchableWish(db: Db, ctx: AppContext, actor: Actor, ref: string) {
  const found = await readableWish(db, ctx, actor, ref);
  if (!canMatch(actor, found.c.path)) throw new AppError('FORBIDDEN');
  return found;
}

/**
 * The community a public list is asked for: a community, or the community a grid or sector lies in (a
 * resident's app knows its grid); a street or district stays as it is (its communities together).
 */
export async function publicListNode(db: Db, ref: string) {
  const node = await getOrgNode(db, ref);
  if (node.kind !== 'grid' && node.kind !== 'sector') return node;
  return getOrgNode(db, node.path.split('/').filter(Boolean)[2]!);
}
