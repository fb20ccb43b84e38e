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
  const [isReporter, staffId, resolvedBy, pending] = await Promise.all([
    accountId
      ? repo.isReporter(db, c.id, accountId)
      : actor.kind === 'anonymous' && actor.reportToken ? repo.isTokenReporter(db, c.id, hashSecret(actor.reportToken)) : Promise.resolve(false),
    accountId ? (actor.kind === 'account' && actor.staffId) || staffOfAccount(db, accountId) : Promise.resolve(null),
    c.resolved_at
      ? db.selectFrom('case_events').select('actor_account_id').where('case_id', '=', c.id).where('action', '=', 'resolve').orderBy('seq', 'desc').executeTakeFirst().then((r) => r?.actor_account_id ?? null)
      : Promise.resolve(null),
    repo.pendingExtension(db, c.id),
  ]);
  const closedMs = c.closed_at ? Date.parse(c.closed_at) : c.resolved_at ? Date.parse(c.resolved_at) : null;
  return {
    isReporter,
    staffId: staffId ?? null,
    resolvedBy,
    extensionRequestedBy: pending?.requested_by ?? null,
    hasPendingExtension: !!pending,
    reopenWindowOpen: closedMs !== null && nowMs - closedMs <= reopenWindowDays * 86_400_000,
  };
}
