import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import { now } from '../../platform/clock.ts';
import { type Action, type Actor, listScope } from '../auth/permissions.ts';
import type { CaseRelation } from '../cases/cases.policy.ts';
import { mayRead } from '../cases/cases.policy.ts';
import * as caseRepo from '../cases/cases.repository.ts';
import type { CaseRow } from '../cases/cases.repository.ts';
import type { Tx } from '../cases/engine.ts';
import { relationTo } from '../cases/relation.ts';
import { ORDER_KIND } from './orders.kind.ts';
import * as repo from './orders.repository.ts';
import type { Db, OrderRow } from './orders.repository.ts';

/**
 * A service order the actor may read (the one case policy decides: staff in scope, the requester, the assigned
 * talent), with the actor's relation to it; 404 otherwise, as for any case.
 */
export async function readableOrder(db: Db | Tx['db'], ctx: AppContext, actor: Actor, ref: string): Promise<OrderRow & { rel: CaseRelation }> {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  const c = await caseRepo.findCase(db, ref);
  if (!c || c.kind !== ORDER_KIND) throw new AppError('ORDER_NOT_FOUND');
  const rel = await relationOf(db, ctx, actor, c);
  if (!mayRead(actor, c, rel)) throw new AppError('ORDER_NOT_FOUND');
  const order = await repo.findOrder(db, c.id);
  if (!order) throw new AppError('ORDER_NOT_FOUND');
  return { case: c, order, rel };
}

export function relationOf(db: Db, ctx: AppContext, actor: Actor, c: CaseRow): Promise<CaseRelation> {
  return relationTo(db, actor, c, ctx.config.reopenWindowDays, now().getTime());
}

/** The org paths a staff member reaches for an action; 401 for nobody, 403 for an account without it anywhere. */
export function staffPaths(actor: Actor, action: Action): string[] {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  const paths = listScope(actor, action)?.paths ?? [];
  if (paths.length === 0) throw new AppError('FORBIDDEN');
  return paths;
}
