import type { Db } from './ledger.repository.ts';
import * as repo from './ledger.repository.ts';

export interface PointsFigures {
  /** Points paid to residents (earned), less earnings reversed in the period. */
  issued: number;
  /** Points residents redeemed at merchants, less redemptions reversed in the period. */
  redeemed: number;
  expired: number;
  /** Points merchants settled back to their community's pool. */
  settled: number;
  /** Points reversed in the period (each reversal's own amount). */
  reversed: number;
  /** Points residents hold at the end of the period. */
  outstanding: number;
  /** Transfers in the period, of every kind. */
  transfers: number;
}

/**
 * 积分指标: issued, redeemed, expired, settled and outstanding points for every community under an org path
 * within local days. Other modules' figures call this too; each number is defined here once.
 */
export async function pointsFigures(db: Db, path: string, period: { from: string; to: string }): Promise<PointsFigures> {
  const sums = await repo.sumsByKind(db, path, period.from, period.to);
  const undone = await repo.reversedByKind(db, path, period.from, period.to);
  const sum = (kind: string) => sums.find((s) => s.kind === kind)?.points ?? 0;
  const back = (kind: string) => undone.find((s) => s.kind === kind)?.points ?? 0;
  return {
    issued: sum('earn') - back('earn'),
    redeemed: sum('redeem') - back('redeem'),
    expired: sum('expire'),
    settled: sum('settle'),
    reversed: sum('reversal'),
    outstanding: await repo.personHoldingsAt(db, path, period.to),
    transfers: sums.reduce((n, s) => n + s.count, 0),
  };
}
