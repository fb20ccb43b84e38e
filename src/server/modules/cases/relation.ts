import type { Kysely } from 'kysely';
import type { DB } from '../../db/tables.ts';
import type { Actor } from '../auth/permissions.ts';
import { hashSecret } from '../../platform/secrets.ts';
import * as repo from './cases.repository.ts';
import type { CaseRow } from './cases.repository.ts';
import type { CaseRelation } from './cases.policy.ts';
import { staffOfAccount } from './handlers.ts';

/** Reads what the policy needs to know about the actor and this case. */
export async function relationTo(db: Kysely<DB>, actor: Actor, c: CaseRow, reopenWindowDays: number, nowMs: number): Promise<CaseRelation> {
  const accountId = actor.kind === 'account' ? actor.accountId : null;
  const [isReporter, staffId, resolvedBy, pending, isAssignedTalent] = await Promise.all([
    accountId
      ? repo.isReporter(db, c.id, accountId)
      : actor.kind === 'anonymous' && actor.reportToken ? repo.isTokenReporter(db, c.id, hashSecret(actor.reportToken)) : Promise.resolve(false),
    accountId ? (actor.kind === 'account' && actor.staffId) || staffOfAccount(db, accountId) : Promise.resolve(null),
    c.resolved_at
      ? db.selectFrom('case_events').select('actor_account_id').where('case_id', '=', c.id).where('action', '=', 'resolve').orderBy('seq', 'desc').executeTakeFirst().then((r) => r?.actor_account_id ?? null)
      : Promise.resolve(null),
    repo.pendingExtension(db, c.id),
    actor.kind === 'account' && actor.residentId ? isTalentOf(db, c, actor.residentId) : Promise.resolve(false),
  ]);
  const closedMs = c.closed_at ? Date.parse(c.closed_at) : c.resolved_at ? Date.parse(c.resolved_at) : null;
  return {
    isReporter,
    staffId: staffId ?? null,
    resolvedBy,
    extensionRequestedBy: pending?.requested_by ?? null,
    hasPendingExtension: !!pending,
    reopenWindowOpen: closedMs !== null && nowMs - closedMs <= reopenWindowDays * 86_400_000,
    isAssignedTalent,
  };
}

/** Whether the resident is the talent the case's kind data names (`talentId`, a service order's assignee). */
async function isTalentOf(db: Kysely<DB>, c: CaseRow, residentId: string): Promise<boolean> {
  const talentId = c.kind_data ? (JSON.parse(c.kind_data) as { talentId?: unknown }).talentId : undefined;
  if (typeof talentId !== 'string') return false;
  const talent = await db.selectFrom('talents').select('resident_id').where('id', '=', talentId).executeTakeFirst();
  return !!talent && talent.resident_id === residentId;
}
