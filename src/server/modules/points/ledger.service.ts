import type { PointTransferKind } from '../../db/tables.ts';
import { AppError, type Locale } from '../../http/errors.ts';
import { limitOffset } from '../../http/schemas.ts';
import { nowIso } from '../../platform/clock.ts';
import { type Actor, assertSignedIn, can } from '../auth/permissions.ts';
import { periodKey } from './earning.service.ts';
import { postTransfer } from './ledger.ts';
import * as repo from './ledger.repository.ts';
import type { Db, TransferListRow, TransferRow } from './ledger.repository.ts';
import { ruleLabel, transferKindLabel } from './labels.ts';
import { assertCanOn, ledgerScope, managedPaths } from './points.scope.ts';
import { findCodeById, returnToStock } from './merchants.repository.ts';
import { findRule } from './rules.repository.ts';

export interface TransferView {
  id: string;
  at: string;
  day: string;
  kind: PointTransferKind;
  kindLabel: string;
  amount: number;
  /** For a resident's own history: + for points in, - for points out. */
  change?: number;
  rule: string | null;
  ruleLabel: string | null;
  quantity: number | null;
  sourceKind: string;
  sourceId: string;
  communityId: string;
  communityName: string;
  residentId: string | null;
  residentName: string | null;
  merchantId: string | null;
  merchantName: string | null;
  operatorName: string | null;
  reason: string | null;
  reversesId: string | null;
  reversedBy: string | null;
  abilities: string[];
}

const REVERSIBLE: readonly PointTransferKind[] = ['earn', 'redeem'];

/** A transfer as lists show it; `own` are the reader's accounts when it is their own history. */
export function transferView(r: TransferListRow, locale: Locale, actor: Actor, own?: string[]): TransferView {
  const reversible = REVERSIBLE.includes(r.kind) && !r.reversed_by && can(actor, 'points.manage', { path: r.path });
  return {
    id: r.id,
    at: r.at,
    day: r.day,
    kind: r.kind,
    kindLabel: transferKindLabel(r.kind, locale),
    amount: r.amount,
    ...(own ? { change: own.includes(r.to_account_id) ? r.amount : -r.amount } : {}),
    rule: r.rule,
    ruleLabel: r.rule ? ruleLabel(r.rule, locale) : null,
    quantity: r.quantity === null ? null : Number(r.quantity),
    sourceKind: r.source_kind,
    sourceId: r.source_id,
    communityId: r.community_id,
    communityName: r.community_name,
    residentId: r.resident_id,
    residentName: r.resident_name,
    merchantId: r.merchant_id,
    merchantName: r.merchant_name,
    operatorName: r.operator_name,
    reason: r.reason,
    reversesId: r.reverses_id,
    reversedBy: r.reversed_by,
    abilities: reversible ? ['reverse'] : [],
  };
}

export interface LedgerQuery {
  node?: string;
  resident?: string;
  merchant?: string;
  kind?: PointTransferKind;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

/** The filter a ledger query stands for, inside the caller's reach. */
export async function ledgerFilter(db: Db, actor: Actor, q: LedgerQuery) {
  const under = await ledgerScope(db, actor, q.node);
  if (q.from && q.to && q.from > q.to) throw new AppError('VALIDATION_FAILED', [{ field: 'querystring/from', problem: 'from is after to' }]);
  return { under, residentId: q.resident, merchantId: q.merchant, kind: q.kind, fromDay: q.from, toDay: q.to };
}

/** 积分台账: transfers under the caller's reach, newest first, with filters. */
export async function listLedger(db: Db, actor: Actor, q: LedgerQuery, locale: Locale) {
  const filter = await ledgerFilter(db, actor, q);
  const p = limitOffset(q);
  const { rows, total } = await repo.listTransfers(db, { ...filter, limit: p.limit, offset: p.offset });
  return { items: rows.map((r) => transferView(r, locale, actor)), total, page: p.page, pageSize: p.pageSize };
}

async function oneTransferView(db: Db, actor: Actor, id: string, locale: Locale): Promise<TransferView> {
  const row = await repo.findTransferListed(db, id);
  if (!row) throw new AppError('POINTS_TRANSFER_NOT_FOUND');
  return transferView(row, locale, actor);
}

/**
 * 冲正: undoes an earned or redeemed transfer with a new transfer the other way, with the reason and the
 * operator recorded. A transfer is reversed at most once, and never when the points are already used.
 */
export async function reverseTransfer(db: Db, actor: Actor, id: string, reason: string, locale: Locale): Promise<TransferView> {
  assertSignedIn(actor);
  managedPaths(actor);
  const original = await repo.findTransfer(db, id);
  if (!original) throw new AppError('POINTS_TRANSFER_NOT_FOUND');
  assertCanOn(actor, 'points.manage', original.path, 'POINTS_TRANSFER_NOT_FOUND');
  if (!reason.trim()) throw new AppError('POINTS_REASON_REQUIRED', { field: 'reason' });
  if (!REVERSIBLE.includes(original.kind)) throw new AppError('POINTS_NOT_REVERSIBLE', { kind: original.kind });
  if (await repo.findReversalOf(db, original.id)) throw new AppError('POINTS_ALREADY_REVERSED');
  const from = (await repo.findAccountById(db, original.to_account_id))!;
  const to = (await repo.findAccountById(db, original.from_account_id))!;
  if (original.kind === 'earn' && original.rule) {
    // Lowered first, in the same order earning takes its locks (period total, then accounts).
    const rule = await findRule(db, original.community_id, original.rule);
    if (rule?.period) await repo.lowerEarningTotal(db, original.to_account_id, original.rule, periodKey(rule.period, original.day), original.amount, nowIso());
  }
  const reversal: TransferRow = await postTransfer(db, {
    from,
    to,
    amount: original.amount,
    kind: 'reversal',
    sourceKind: 'transfer',
    sourceId: original.id,
    reversesId: original.id,
    residentId: original.resident_id,
    merchantId: original.merchant_id,
    operatorAccountId: actor.accountId,
    reason: reason.trim(),
    overdrawn: 'POINTS_REVERSAL_OVERDRAWS',
  });
  if (original.kind === 'redeem' && original.source_kind === 'redemption_code') {
    // The resident did not get the reward after all: the item goes back on the merchant's shelf.
    const code = await findCodeById(db, original.source_id);
    if (code) await returnToStock(db, code.reward_id, nowIso());
  }
  return oneTransferView(db, actor, reversal.id, locale);
}

function residentOf(actor: Actor): string {
  assertSignedIn(actor);
  if (!actor.residentId) throw new AppError('POINTS_NOT_A_RESIDENT');
  return actor.residentId;
}

/** 我的积分: a resident's balance in each community that issued them points, and the total. */
export async function myBalance(db: Db, actor: Actor) {
  const residentId = residentOf(actor);
  const accounts = await repo.personAccounts(db, residentId);
  return {
    residentId,
    total: accounts.reduce((n, a) => n + a.balance, 0),
    accounts: accounts.map((a) => ({ communityId: a.community_id, communityCode: a.community_code, communityName: a.community_name, balance: a.balance })),
  };
}

/** 积分明细: a resident's own transfers, newest first, each with its signed change. */
export async function myTransfers(db: Db, actor: Actor, q: { page?: number; pageSize?: number }, locale: Locale) {
  const residentId = residentOf(actor);
  const accounts = (await repo.personAccounts(db, residentId)).map((a) => a.id);
  const p = limitOffset(q);
  const { rows, total } = await repo.transfersOfAccounts(db, accounts, p.limit, p.offset);
  return { items: rows.map((r) => transferView(r, locale, actor, accounts)), total, page: p.page, pageSize: p.pageSize };
}

/** A resident's points as the community office sees them (一人一档): balances and recent transfers in its reach. */
export async function residentPoints(db: Db, actor: Actor, residentId: string, q: { page?: number; pageSize?: number }, locale: Locale) {
  const paths = managedPaths(actor);
  const resident = await db.selectFrom('residents').select(['id', 'name', 'path']).where('id', '=', residentId).executeTakeFirst();
  const accounts = (await repo.personAccounts(db, residentId)).filter((a) => paths.some((p) => a.path.startsWith(p)));
  // Someone the office can neither see as a resident nor holds points for does not exist for it.
  if (!resident || (!can(actor, 'people.read', { path: resident.path }) && accounts.length === 0)) throw new AppError('RESIDENT_NOT_FOUND');
  const p = limitOffset(q);
  const { rows, total } = await repo.transfersOfAccounts(db, accounts.map((a) => a.id), p.limit, p.offset);
  return {
    residentId: resident.id,
    name: resident.name,
    total: accounts.reduce((n, a) => n + a.balance, 0),
    accounts: accounts.map((a) => ({ communityId: a.community_id, communityCode: a.community_code, communityName: a.community_name, balance: a.balance })),
    transfers: { items: rows.map((r) => transferView(r, locale, actor, accounts.map((a) => a.id))), total, page: p.page, pageSize: p.pageSize },
  };
}
