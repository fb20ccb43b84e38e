import { AppError } from '../../http/errors.ts';
import { addDays, localDate } from '../../platform/calendar/working-days.ts';
import { now, nowIso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { maskName } from '../../platform/redact.ts';
import { type Actor, assertSignedIn } from '../auth/permissions.ts';
import { accountOf, postTransfer } from './ledger.ts';
import type { Db } from './ledger.repository.ts';
import { loadMerchant } from './merchants.service.ts';
import * as repo from './merchants.repository.ts';
import type { MerchantRow } from './merchants.repository.ts';

/** The first and last local day of a month `YYYY-MM`. */
export function monthDays(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { from: `${month}-01`, to: addDays(next, -1) };
}

function redemptionLine(r: Awaited<ReturnType<typeof repo.redemptionsOfMerchant>>[number]) {
  return {
    id: r.id,
    // Only the last digits: the statement is a record, not a way to replay a code.
    code: `****${r.code.slice(-4)}`,
    rewardName: r.reward_name,
    points: r.points,
    residentName: maskName(r.resident_name),
    redeemedAt: r.redeemed_at!,
    day: r.redeemed_day!,
    reversed: !!r.reversed_by,
  };
}

export type RedemptionLine = ReturnType<typeof redemptionLine>;

/** 兑换记录: a merchant's redemptions between two local days (today's by default), for the merchant or its office. */
export async function merchantRedemptions(db: Db, actor: Actor, merchantId: string, q: { from?: string; to?: string }) {
  const merchant = await loadMerchant(db, actor, merchantId, 'read');
  const today = localDate(now());
  const from = q.from ?? q.to ?? today;
  const to = q.to ?? q.from ?? today;
  if (from > to) throw new AppError('VALIDATION_FAILED', [{ field: 'querystring/from', problem: 'from is after to' }]);
  const lines = (await repo.redemptionsOfMerchant(db, merchant.id, from, to)).map(redemptionLine);
  const counted = lines.filter((l) => !l.reversed);
  return { merchantId: merchant.id, merchantName: merchant.name, from, to, count: counted.length, points: counted.reduce((n, l) => n + l.points, 0), items: lines };
}

export interface Statement {
  merchant: MerchantRow;
  month: string;
  lines: RedemptionLine[];
  count: number;
  points: number;
  settlement: { id: string; points: number; settledAt: string; transferId: string } | null;
}

async function statementOf(db: Db, merchant: MerchantRow, month: string): Promise<Statement> {
  const { from, to } = monthDays(month);
  const lines = (await repo.redemptionsOfMerchant(db, merchant.id, from, to)).map(redemptionLine);
  // Redemptions reversed afterwards went back to the resident, so they are not the merchant's to settle.
  const counted = lines.filter((l) => !l.reversed);
  const s = await repo.findSettlement(db, merchant.id, month);
  return {
    merchant,
    month,
    lines,
    count: counted.length,
    points: counted.reduce((n, l) => n + l.points, 0),
    settlement: s ? { id: s.id, points: s.points, settledAt: s.settled_at, transferId: s.transfer_id } : null,
  };
}

/** 月度结算单: a merchant's redemptions of one month, their total and whether the month is settled. */
export async function monthlyStatement(db: Db, actor: Actor, merchantId: string, month: string): Promise<Statement> {
  const merchant = await loadMerchant(db, actor, merchantId, 'read');
  return statementOf(db, merchant, month);
}

export function statementView(s: Statement) {
  return { merchantId: s.merchant.id, merchantName: s.merchant.name, month: s.month, count: s.count, points: s.points, settlement: s.settlement, items: s.lines };
}

/**
 * 商户结算: the community settles a merchant's ended month, once: the month's redeemed points move from the
 * merchant's account back to the community's pool (kind `settle`), and the settlement is recorded.
 */
export async function settleMonth(db: Db, actor: Actor, merchantId: string, month: string) {
  assertSignedIn(actor);
  const merchant = await loadMerchant(db, actor, merchantId, 'manage');
  if (month >= localDate(now()).slice(0, 7)) throw new AppError('SETTLEMENT_MONTH_OPEN', { month });
  if (await repo.findSettlement(db, merchant.id, month)) throw new AppError('SETTLEMENT_EXISTS', { month });
  const statement = await statementOf(db, merchant, month);
  if (statement.points === 0) throw new AppError('SETTLEMENT_NOTHING', { month });
  const community = { id: merchant.community_id, path: merchant.path };
  const from = await accountOf(db, 'merchant', community, merchant.id);
  const pool = await accountOf(db, 'pool', community);
  const id = newId();
  const transfer = await postTransfer(db, {
    from,
    to: pool,
    amount: statement.points,
    kind: 'settle',
    sourceKind: 'settlement',
    sourceId: id,
    merchantId: merchant.id,
    operatorAccountId: actor.accountId,
    reason: month,
  });
  // The unique (merchant, month) key refuses a racing second settlement; its transaction rolls back whole.
  await repo.insertSettlement(db, { id, merchant_id: merchant.id, path: merchant.path, month, points: statement.points, redemptions: statement.count, transfer_id: transfer.id, settled_by: actor.accountId, settled_at: nowIso() });
  return statementView(await statementOf(db, merchant, month));
}
