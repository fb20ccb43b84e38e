import { AppError } from '../../http/errors.ts';
import { type Action, type Actor, assertCan, isStaff, listScope } from '../auth/permissions.ts';
import { assertCanOn } from '../people/people.scope.ts';
import * as repo from './talents.repository.ts';
import type { Db, TalentWithPerson, Visibility } from './talents.repository.ts';
import { talentTarget } from './talents.views.ts';

/** What the actor may list: anonymous callers are refused, an actor with no reach sees empty lists. */
export function talentVisibility(actor: Actor): Visibility {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  return listScope(actor, 'volunteers.read') ?? { paths: [], householdId: null };
}

/** A talent the actor may read, or 404 as if it did not exist. */
export async function readableTalent(db: Db, actor: Actor, id: string): Promise<TalentWithPerson> {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  const row = await repo.findTalent(db, id);
  if (!row) throw new AppError('TALENT_NOT_FOUND');
  assertCanOn(actor, 'volunteers.read', talentTarget(row), 'TALENT_NOT_FOUND');
  return row;
}

/** A talent the actor may change: 404 when they cannot read it, 403 when they can read but not change it. */
export async function talentFor(db: Db, actor: Actor, id: string, action: Action): Promise<TalentWithPerson> {
  const row = await readableTalent(db, actor, id);
  assertCan(actor, action, talentTarget(row));
  return row;
}

/**
 * A talent whose file (一人一档) the actor may read: the community's record of them is kept by staff, so a
 * resident reading their own talent record is refused the file (403).
 */
export async function fileOfTalent(db: Db, actor: Actor, id: string): Promise<TalentWithPerson> {
  const row = await readableTalent(db, actor, id);
  if (!isStaff(actor)) throw new AppError('FORBIDDEN');
  return row;
}
