import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import { now } from '../../platform/clock.ts';
import { accountOf, postTransfer } from './ledger.ts';
import * as repo from './ledger.repository.ts';
import type { Db } from './ledger.repository.ts';

const BATCH = 200;
// The pass is cheap but not free; once an hour is ample for points that live months.
const INTERVAL_MS = 3_600_000;

/** The instant `months` calendar months before `at` (the day clamps: 31 March minus one month is 28/29 February). */
export function monthsBefore(at: Date, months: number): Date {
  const d = new Date(at.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/**
 * Expires one person account's points earned before `cutoff` that are not yet spent or expired, first in,
 * first out (every redemption and expiry used the oldest points first). Runs in its own transaction and
 * moves points only if the balance is still the one it computed from.
 */
async function expireAccount(db: Db, accountId: string, cutoff: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const account = await repo.findAccountById(trx, accountId);
    if (!account || account.balance <= 0) return 0;
    const { earnedBefore, consumed } = await repo.expiryFigures(trx, account.id, cutoff);
    const due = Math.min(account.balance, earnedBefore - consumed);
    if (due <= 0) return 0;
    const expiry = await accountOf(trx, 'expiry', { id: account.community_id, path: account.path });
    await postTransfer(trx, {
      from: account,
      to: expiry,
      amount: due,
      kind: 'expire',
      sourceKind: 'expiry',
      sourceId: cutoff,
      residentId: account.owner_id,
      operatorAccountId: null,
      reason: `earned before ${cutoff}`,
      expectFromBalance: account.balance,
    });
    return due;
  });
}

/**
 * 积分过期: for every community that sets an expiry period, moves each person's points earned more than N
 * months ago and not yet used to the community's expiry account. Service hours themselves never expire;
 * only the points do. Returns how many accounts lost how many points.
 */
export async function expirePoints(db: Db): Promise<{ accounts: number; points: number }> {
  const result = { accounts: 0, points: 0 };
  const at = now();
  for (const c of await repo.communitiesWithExpiry(db)) {
    const cutoff = monthsBefore(at, c.expiry_months!).toISOString();
    let after: string | null = null;
    for (;;) {
      const page = await repo.personAccountsWithBalance(db, c.community_id, after, BATCH);
      for (const a of page) {
        try {
          const points = await expireAccount(db, a.id, cutoff);
          if (points > 0) {
            result.accounts++;
            result.points += points;
          }
        } catch (err) {
          // The balance moved meanwhile (a redemption or an award): the next pass recomputes it.
          if (!(err instanceof AppError && err.code === 'POINTS_INSUFFICIENT_BALANCE')) throw err;
        }
      }
      if (page.length < BATCH) break;
      after = page[page.length - 1]!.id;
    }
  }
  return result;
}

const lastRun = new WeakMap<AppContext, number>();

/** The scheduler's hook: runs the expiry pass at most once an hour per app. */
export async function expirePointsWhenDue(ctx: AppContext): Promise<void> {
  const t = now().getTime();
  if (t - (lastRun.get(ctx) ?? 0) < INTERVAL_MS) return;
  lastRun.set(ctx, t);
  await expirePoints(ctx.database.db);
}
