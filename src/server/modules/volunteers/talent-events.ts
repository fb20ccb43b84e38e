import type { TalentStatus } from '../../db/tables.ts';
import { nowIso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../auth/permissions.ts';
import type { TalentAction } from './labels.ts';
import { type Db, insertEvent } from './talents.repository.ts';

/** The name the history shows for whoever acted. */
export function actorLabel(actor: Actor): string {
  if (actor.kind === 'account') return actor.displayName;
  return actor.kind === 'api_key' ? actor.name : '';
}

/** Appends one line to a talent's history (who did what, when), in the caller's transaction. */
export async function recordTalentEvent(
  db: Db,
  actor: Actor,
  talentId: string,
  action: TalentAction,
  extra: { from?: TalentStatus | null; to?: TalentStatus | null; note?: string | null; data?: Record<string, unknown> } = {},
): Promise<void> {
  await insertEvent(db, {
    id: newId(),
    talent_id: talentId,
    at: nowIso(),
    action,
    actor_account_id: actor.kind === 'account' ? actor.accountId : null,
    actor_label: actorLabel(actor),
    from_status: extra.from ?? null,
    to_status: extra.to ?? null,
    note: extra.note ?? null,
    data: extra.data ? JSON.stringify(extra.data) : null,
  });
}
