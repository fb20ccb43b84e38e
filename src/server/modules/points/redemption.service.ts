import { randomInt } from 'node:crypto';
import { AppError, type ErrorCode } from '../../http/errors.ts';
import { localDate } from '../../platform/calendar/working-days.ts';
import { now } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { maskName } from '../../platform/redact.ts';
import { type Actor, assertSignedIn } from '../auth/permissions.ts';
import { accountOf, postTransfer } from './ledger.ts';
import * as ledger from './ledger.repository.ts';
import type { Db } from './ledger.repository.ts';
import { assertAgreement, loadMerchant } from './merchants.service.ts';
import * as repo from './merchants.repository.ts';
import type { RedemptionCodeRow } from './merchants.repository.ts';
import { codeMinutesOf } from './rules.service.ts';

/** What a redemption code's QR code holds; the merchant's scanner gives it back whole. */
export const QR_PREFIX = 'LXPT:';
const CODE_DIGITS = 8;
// A collision with an earlier code is rare (10^8 codes); a few fresh draws always find a free one.
const CODE_ATTEMPTS = 8;

/** A fresh 8-digit code from the operating system's CSPRNG: short enough to type, too many to guess in 10 minutes. */
function drawCode(): string {
  return String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');
}

/** The 8 digits of a typed code (spaces and dashes allowed) or of a scanned QR payload; null if neither. */
export function parseCode(input: string): string | null {
  const raw = input.trim().toUpperCase().startsWith(QR_PREFIX) ? input.trim().slice(QR_PREFIX.length) : input;
  const digits = raw.replace(/[\s-]/g, '');
  return /^\d{8}$/.test(digits) ? digits : null;
}

type CodeState = 'issued' | 'redeemed' | 'cancelled' | 'expired';

function stateOf(c: Pick<RedemptionCodeRow, 'state' | 'expires_at'>, at: string): CodeState {
  return c.state === 'issued' && c.expires_at <= at ? 'expired' : c.state;
}

function codeView(c: RedemptionCodeRow & { reward_name: string; merchant_name: string }, at: string) {
  const state = stateOf(c, at);
  return {
    id: c.id,
    code: c.code,
    qrPayload: `${QR_PREFIX}${c.code}`,
    rewardId: c.reward_id,
    rewardName: c.reward_name,
    merchantId: c.merchant_id,
    merchantName: c.merchant_name,
    points: c.points,
    state,
    expiresAt: c.expires_at,
    redeemedAt: c.redeemed_at,
    createdAt: c.created_at,
  };
}

function residentOf(actor: Actor): string {
  assertSignedIn(actor);
  if (!actor.residentId) throw new AppError('POINTS_NOT_A_RESIDENT');
  return actor.residentId;
}

/**
 * 生成兑换码: a resident asks for a one-time code for a reward of their community's merchants. Their
 * balance must cover the price now; the points move only when the merchant redeems the code.
 */
export async function requestCode(db: Db, actor: Actor, rewardId: string) {
  const residentId = residentOf(actor);
  const reward = await repo.findReward(db, rewardId);
  if (!reward) throw new AppError('REWARD_NOT_FOUND');
  const merchant = (await repo.findMerchant(db, reward.merchant_id))!;
  if (reward.active !== 1) throw new AppError('REWARD_UNAVAILABLE');
  assertAgreement(merchant);
  if (reward.stock !== null && reward.stock <= 0) throw new AppError('REWARD_OUT_OF_STOCK');
  const account = await ledger.findAccount(db, 'person', reward.community_id, residentId);
  if (!account) {
    // No account here: a neighbour who has not earned anything yet, or someone from another community.
    const resident = await db.selectFrom('residents').select('path').where('id', '=', residentId).executeTakeFirst();
    throw new AppError(resident?.path.startsWith(reward.path) ? 'POINTS_INSUFFICIENT_BALANCE' : 'REWARD_OTHER_COMMUNITY', { balance: 0, price: reward.price });
  }
  if (account.balance < reward.price) throw new AppError('POINTS_INSUFFICIENT_BALANCE', { balance: account.balance, price: reward.price });
  let code = drawCode();
  for (let i = 1; i < CODE_ATTEMPTS && (await repo.codeExists(db, code)); i++) code = drawCode();
  const issued = now();
  const at = issued.toISOString();
  const row: RedemptionCodeRow = {
    id: newId(),
    code,
    resident_id: residentId,
    account_id: account.id,
    reward_id: reward.id,
    merchant_id: merchant.id,
    community_id: reward.community_id,
    path: reward.path,
    points: reward.price,
    state: 'issued',
    expires_at: new Date(issued.getTime() + (await codeMinutesOf(db, reward.community_id)) * 60_000).toISOString(),
    redeemed_at: null,
    redeemed_by: null,
    redeemed_day: null,
    transfer_id: null,
    created_at: at,
    updated_at: at,
  };
  await repo.insertCode(db, row);
  return codeView({ ...row, reward_name: reward.name, merchant_name: merchant.name }, at);
}

/** 我的兑换码: a resident's recent codes, newest first, each with its state now. */
export async function myCodes(db: Db, actor: Actor) {
  const residentId = residentOf(actor);
  const at = now().toISOString();
  return { items: (await repo.codesOfResident(db, residentId, 50)).map((c) => codeView(c, at)) };
}

const refusalFor: Record<Exclude<CodeState, 'issued'>, ErrorCode> = {
  redeemed: 'REDEMPTION_CODE_USED',
  cancelled: 'REDEMPTION_CODE_CANCELLED',
  expired: 'REDEMPTION_CODE_EXPIRED',
};

/** 取消兑换码: the resident withdraws an unused code of their own. */
export async function cancelCode(db: Db, actor: Actor, id: string) {
  const residentId = residentOf(actor);
  const code = await repo.findCodeById(db, id);
  if (!code || code.resident_id !== residentId) throw new AppError('REDEMPTION_CODE_NOT_FOUND');
  const at = now().toISOString();
  if (!(await repo.cancelCode(db, code.id, at))) {
    const fresh = (await repo.findCodeById(db, id))!;
    throw new AppError(fresh.state === 'redeemed' ? 'REDEMPTION_CODE_USED' : 'REDEMPTION_CODE_CANCELLED');
  }
  return codeView((await repo.findCodeWithNames(db, id))!, at);
}

/**
 * 核销兑换码: the merchant scans or types a resident's code. In the caller's transaction the code is
 * consumed (only if issued and unexpired), one is taken from the reward's stock if it keeps one, and the
 * points move from the resident to the merchant. Two racing scans of one code: exactly one succeeds.
 */
export async function redeemCode(db: Db, actor: Actor, merchantId: string, typed: string) {
  const merchant = await loadMerchant(db, actor, merchantId, 'operate');
  assertSignedIn(actor);
  assertAgreement(merchant);
  const digits = parseCode(typed);
  if (!digits) throw new AppError('REDEMPTION_CODE_NOT_FOUND');
  const code = await repo.findCodeByText(db, digits);
  if (!code) throw new AppError('REDEMPTION_CODE_NOT_FOUND');
  if (code.merchant_id !== merchant.id) throw new AppError('REDEMPTION_CODE_OTHER_MERCHANT');
  const instant = now();
  const at = instant.toISOString();
  const before = stateOf(code, at);
  if (before !== 'issued') throw new AppError(refusalFor[before]);
  const reward = (await repo.findReward(db, code.reward_id))!;
  if (reward.active !== 1) throw new AppError('REWARD_UNAVAILABLE');
  if (!(await repo.consumeCode(db, code.id, { accountId: actor.accountId, at, day: localDate(instant) }))) {
    const after = stateOf((await repo.findCodeById(db, code.id))!, at);
    throw new AppError(after === 'issued' ? 'CONFLICT' : refusalFor[after]);
  }
  if (!(await repo.takeFromStock(db, reward.id, at))) throw new AppError('REWARD_OUT_OF_STOCK');
  const person = (await ledger.findAccountById(db, code.account_id))!;
  const merchantAccount = await accountOf(db, 'merchant', { id: merchant.community_id, path: merchant.path }, merchant.id);
  const transfer = await postTransfer(db, {
    from: person,
    to: merchantAccount,
    amount: code.points,
    kind: 'redeem',
    sourceKind: 'redemption_code',
    sourceId: code.id,
    residentId: code.resident_id,
    merchantId: merchant.id,
    operatorAccountId: actor.accountId,
    reason: reward.name,
  });
  await repo.attachTransfer(db, code.id, transfer.id);
  const resident = await db.selectFrom('residents').select('name').where('id', '=', code.resident_id).executeTakeFirst();
  return { id: code.id, code: code.code, rewardId: reward.id, rewardName: reward.name, points: code.points, residentName: maskName(resident?.name ?? '?'), redeemedAt: at, transferId: transfer.id };
}
