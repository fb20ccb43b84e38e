import type { PointAccountKind, PointRuleName, PointTransferKind } from '../../db/tables.ts';
import { AppError, type ErrorCode } from '../../http/errors.ts';
import { localDate } from '../../platform/calendar/working-days.ts';
import { now } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import * as repo from './ledger.repository.ts';
import type { Db, PointAccountRow, TransferRow } from './ledger.repository.ts';

/** The largest amount one transfer may move: far above any reward, far below the store's integer range. */
export const MAX_POINTS = 1_000_000;

/** Refuses anything but a whole number of points in 1..MAX_POINTS (fractions, zero, negatives, NaN). */
export function assertWholePoints(amount: number, field = 'points'): void {
  if (!Number.isSafeInteger(amount) || amount <= 0 || amount > MAX_POINTS) throw new AppError('POINTS_AMOUNT_INVALID', { field, value: amount });
}

export interface Community {
  id: string;
  path: string;
}

/**
 * The account of `kind` held in a community (社区积分池, 过期积分, a resident's, a merchant's), opened on
 * first use. Pool and expiry accounts are owned by the community itself.
 */
export async function accountOf(db: Db, kind: PointAccountKind, community: Community, ownerId: string = community.id): Promise<PointAccountRow> {
  const found = await repo.findAccount(db, kind, community.id, ownerId);
  if (found) return found;
  const at = now().toISOString();
  return repo.insertAccountIfMissing(db, { id: newId(), kind, community_id: community.id, path: community.path, owner_id: ownerId, balance: 0, created_at: at, updated_at: at });
}

export interface NewTransfer {
  /** Set in advance when another row must point at the transfer in the same transaction. */
  id?: string;
  from: PointAccountRow;
  to: PointAccountRow;
  amount: number;
  kind: PointTransferKind;
  rule?: PointRuleName | null;
  quantity?: number | null;
  sourceKind: string;
  sourceId: string;
  reversesId?: string | null;
  residentId?: string | null;
  merchantId?: string | null;
  operatorAccountId?: string | null;
  reason?: string | null;
  /** The refusal when the paying account cannot cover the amount. */
  overdrawn?: ErrorCode;
  /** Compare-and-set: move only if the paying account still holds exactly this balance. */
  expectFromBalance?: number;
}

/**
 * Posts one double-entry transfer: the paying account is debited (never below zero, except the pool), the
 * receiving one credited and the transfer appended, all in the caller's transaction. Both balance updates
 * run in account-id order so that two transfers in opposite directions cannot deadlock on PostgreSQL.
 */
export async function postTransfer(db: Db, t: NewTransfer): Promise<TransferRow> {
  assertWholePoints(t.amount);
  if (t.from.id === t.to.id) throw new AppError('VALIDATION_FAILED', [{ field: 'to', problem: 'a transfer needs two different accounts' }]);
  const instant = now();
  const at = instant.toISOString();
  const steps = [
    { id: t.from.id, run: async () => {
      if (!(await repo.debitAccount(db, t.from, t.amount, at, t.expectFromBalance))) throw new AppError(t.overdrawn ?? 'POINTS_INSUFFICIENT_BALANCE', { needed: t.amount });
    } },
    { id: t.to.id, run: () => repo.creditAccount(db, t.to.id, t.amount, at) },
  ].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const step of steps) await step.run();
  const row: TransferRow = {
    id: t.id ?? newId(),
    community_id: t.from.community_id,
    path: t.from.path,
    from_account_id: t.from.id,
    to_account_id: t.to.id,
    amount: t.amount,
    kind: t.kind,
    rule: t.rule ?? null,
    quantity: t.quantity ?? null,
    source_kind: t.sourceKind,
    source_id: t.sourceId,
    reverses_id: t.reversesId ?? null,
    resident_id: t.residentId ?? null,
    merchant_id: t.merchantId ?? null,
    operator_account_id: t.operatorAccountId ?? null,
    reason: t.reason ?? null,
    at,
    day: localDate(instant),
  };
  await repo.insertTransfer(db, row);
  return row;
}
