import { AppError } from '../../http/errors.ts';
import { limitOffset } from '../../http/schemas.ts';
import { localDate } from '../../platform/calendar/working-days.ts';
import { now, nowIso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { isValidMobile } from '../../platform/privacy.ts';
import { createAccount } from '../auth/auth.service.ts';
import { type Actor, assertSignedIn, can } from '../auth/permissions.ts';
import { findNode } from '../org/org.repository.ts';
import type { Db } from './ledger.repository.ts';
import { assertWholePoints } from './ledger.ts';
import * as repo from './merchants.repository.ts';
import type { MerchantRow, RewardRow } from './merchants.repository.ts';
import { managedCommunity, managedPaths } from './points.scope.ts';

// A shop's phone: a mobile number or a landline with its area code (0891-6321234).
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;

export interface AgreementInput {
  signedOn: string;
  validUntil: string;
  terms?: string | null;
}

export interface MerchantInput {
  community: string;
  name: string;
  address: string;
  contactName: string;
  contactPhone: string;
  location?: { lng: number; lat: number } | null;
  agreement?: AgreementInput | null;
}

/** Whether the merchant's agreement (积分兑换协议) holds on a local day. */
export function agreementHolds(m: Pick<MerchantRow, 'agreement_signed_on' | 'agreement_valid_until'>, day: string = localDate(now())): boolean {
  return !!m.agreement_signed_on && !!m.agreement_valid_until && m.agreement_signed_on <= day && day <= m.agreement_valid_until;
}

/** Refuses a merchant without an agreement valid today: it may neither list rewards nor redeem. */
export function assertAgreement(m: MerchantRow): void {
  if (!agreementHolds(m)) throw new AppError('MERCHANT_NO_AGREEMENT', { merchantId: m.id });
}

export function merchantView(m: MerchantRow, actor: Actor, accounts: string[] = []) {
  const manage = can(actor, 'points.manage', { path: m.path });
  return {
    id: m.id,
    communityId: m.community_id,
    name: m.name,
    address: m.address,
    contactName: m.contact_name,
    contactPhone: m.contact_phone,
    location: m.lng === null || m.lat === null ? null : { lng: m.lng, lat: m.lat },
    agreement: m.agreement_signed_on && m.agreement_valid_until
      ? { signedOn: m.agreement_signed_on, validUntil: m.agreement_valid_until, terms: m.agreement_terms, valid: agreementHolds(m) }
      : null,
    accounts: manage ? accounts : [],
    abilities: manage ? ['manage', 'settle'] : ['operate'],
  };
}

export type MerchantAccess = 'read' | 'manage' | 'operate' | 'rewards';

/**
 * A merchant the actor may reach in this way: the community office manages it; the merchant's own accounts
 * operate it (redeem, statements) and keep its rewards. Anyone else gets 404, as if it did not exist.
 */
export async function loadMerchant(db: Db, actor: Actor, id: string, access: MerchantAccess): Promise<MerchantRow> {
  assertSignedIn(actor);
  const m = await repo.findMerchant(db, id);
  if (!m) throw new AppError('MERCHANT_NOT_FOUND');
  const manager = can(actor, 'points.manage', { path: m.path });
  const own = can(actor, 'merchant.operate', { path: m.path }) && (await repo.merchantIdOfAccount(db, actor.accountId)) === m.id;
  if (!manager && !own) throw new AppError('MERCHANT_NOT_FOUND');
  if (access === 'manage' && !manager) throw new AppError('FORBIDDEN');
  if (access === 'operate' && !own) throw new AppError('FORBIDDEN');
  return m;
}

function checkedPhone(value: string): string {
  const phone = value.trim();
  if (!isValidMobile(phone) && !LANDLINE.test(phone)) throw new AppError('PHONE_INVALID', { field: 'contactPhone' });
  return phone;
}

function checkedAgreement(a: AgreementInput) {
  if (a.validUntil < a.signedOn) throw new AppError('MERCHANT_AGREEMENT_DATES_INVALID', { field: 'agreement/validUntil' });
  return { agreement_signed_on: a.signedOn, agreement_valid_until: a.validUntil, agreement_terms: a.terms?.trim() || null };
}

function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * 续签: an agreement signed ahead, to start when (or before) the current one ends, continues it rather than
 * replacing it, so the merchant keeps listing and redeeming until the renewal starts. Anything else is
 * recorded as given (a correction, or an agreement after a gap).
 */
function renewedAgreement(m: MerchantRow, a: AgreementInput) {
  const next = checkedAgreement(a);
  const today = localDate(now());
  if (agreementHolds(m, today) && a.signedOn > today && a.signedOn <= dayAfter(m.agreement_valid_until!) && a.validUntil > m.agreement_valid_until!) {
    return { ...next, agreement_signed_on: m.agreement_signed_on };
  }
  return next;
}

function text(value: string, field: string): string {
  const t = value.trim();
  if (!t) throw new AppError('VALIDATION_FAILED', [{ field: `body/${field}`, problem: 'must not be blank' }]);
  return t;
}

/** 商户名单: merchants under the office's reach, or, for a merchant's own account, its merchant. */
export async function listMerchants(db: Db, actor: Actor, q: { community?: string; page?: number; pageSize?: number }) {
  assertSignedIn(actor);
  const p = limitOffset(q);
  if (!actor.grants.some((g) => can(actor, 'points.manage', { path: g.path }))) {
    const own = await repo.merchantIdOfAccount(db, actor.accountId);
    if (!own || !actor.grants.some((g) => g.role === 'merchant')) throw new AppError('FORBIDDEN');
    const { rows, total } = await repo.listMerchants(db, { under: [], ids: [own], ...p });
    return { items: rows.map((m) => merchantView(m, actor)), total, page: p.page, pageSize: p.pageSize };
  }
  const under = q.community ? [(await managedCommunity(db, actor, q.community)).path] : managedPaths(actor);
  const { rows, total } = await repo.listMerchants(db, { under, ...p });
  const items = [];
  for (const m of rows) items.push(merchantView(m, actor, await repo.merchantAccountNames(db, m.id)));
  return { items, total, page: p.page, pageSize: p.pageSize };
}

export async function getMerchant(db: Db, actor: Actor, id: string) {
  const m = await loadMerchant(db, actor, id, 'read');
  return merchantView(m, actor, await repo.merchantAccountNames(db, m.id));
}

/** 登记商户: a merchant of a community, optionally with its signed agreement. */
export async function registerMerchant(db: Db, actor: Actor, input: MerchantInput) {
  const community = await managedCommunity(db, actor, input.community);
  const name = text(input.name, 'name');
  if (await repo.findMerchantByName(db, community.id, name)) throw new AppError('MERCHANT_EXISTS', { name });
  const at = nowIso();
  const row: MerchantRow = {
    id: newId(),
    community_id: community.id,
    path: community.path,
    name,
    address: text(input.address, 'address'),
    contact_name: text(input.contactName, 'contactName'),
    contact_phone: checkedPhone(input.contactPhone),
    lng: input.location?.lng ?? null,
    lat: input.location?.lat ?? null,
    agreement_signed_on: null,
    agreement_valid_until: null,
    agreement_terms: null,
    ...(input.agreement ? checkedAgreement(input.agreement) : {}),
    created_at: at,
    updated_at: at,
  };
  await repo.insertMerchant(db, row);
  return merchantView(row, actor);
}

export type MerchantPatch = Partial<Omit<MerchantInput, 'community'>>;

/** Corrects a merchant's details, or records a (renewed) agreement. */
export async function updateMerchant(db: Db, actor: Actor, id: string, patch: MerchantPatch) {
  const m = await loadMerchant(db, actor, id, 'manage');
  const name = patch.name === undefined ? undefined : text(patch.name, 'name');
  if (name && name !== m.name && (await repo.findMerchantByName(db, m.community_id, name))) throw new AppError('MERCHANT_EXISTS', { name });
  await repo.updateMerchant(db, m.id, {
    ...(name ? { name } : {}),
    ...(patch.address !== undefined ? { address: text(patch.address, 'address') } : {}),
    ...(patch.contactName !== undefined ? { contact_name: text(patch.contactName, 'contactName') } : {}),
    ...(patch.contactPhone !== undefined ? { contact_phone: checkedPhone(patch.contactPhone) } : {}),
    ...(patch.location !== undefined ? { lng: patch.location?.lng ?? null, lat: patch.location?.lat ?? null } : {}),
    ...(patch.agreement !== undefined
      ? patch.agreement ? renewedAgreement(m, patch.agreement) : { agreement_signed_on: null, agreement_valid_until: null, agreement_terms: null }
      : {}),
    updated_at: nowIso(),
  });
  return getMerchant(db, actor, m.id);
}

/** 商户账号: a sign-in for the merchant (role `merchant` at its community), linked to it. */
export async function createMerchantAccount(db: Db, actor: Actor, id: string, input: { username: string; password: string; displayName?: string }) {
  const m = await loadMerchant(db, actor, id, 'manage');
  const community = await findNode(db, m.community_id);
  const accountId = await createAccount(db, {
    username: input.username,
    password: input.password,
    displayName: input.displayName ?? m.name,
    role: 'merchant',
    node: { id: community!.id, path: community!.path },
  });
  await repo.linkMerchantAccount(db, { account_id: accountId, merchant_id: m.id, created_at: nowIso() });
  return getMerchant(db, actor, m.id);
}

export function rewardView(r: RewardRow) {
  return { id: r.id, merchantId: r.merchant_id, name: r.name, description: r.description, price: r.price, stock: r.stock, active: r.active === 1, updatedAt: r.updated_at };
}

export interface RewardInput {
  name: string;
  price: number;
  description?: string | null;
  stock?: number | null;
  active?: boolean;
}

/** A merchant's rewards, offered or not. */
export async function listRewards(db: Db, actor: Actor, merchantId: string) {
  const m = await loadMerchant(db, actor, merchantId, 'rewards');
  return { items: (await repo.rewardsOfMerchant(db, m.id)).map(rewardView) };
}

/** 上架兑换项目: a reward priced in whole points (003: a health check for 20 points, a teeth cleaning for 5). */
export async function createReward(db: Db, actor: Actor, merchantId: string, input: RewardInput) {
  const m = await loadMerchant(db, actor, merchantId, 'rewards');
  assertAgreement(m);
  assertWholePoints(input.price, 'price');
  const at = nowIso();
  const row: RewardRow = {
    id: newId(),
    merchant_id: m.id,
    community_id: m.community_id,
    path: m.path,
    name: text(input.name, 'name'),
    description: input.description?.trim() || null,
    price: input.price,
    stock: input.stock ?? null,
    active: input.active === false ? 0 : 1,
    created_at: at,
    updated_at: at,
  };
  await repo.insertReward(db, row);
  return rewardView(row);
}

/** Changes a reward; taking it off the shelf is always possible, anything else needs a valid agreement. */
export async function updateReward(db: Db, actor: Actor, merchantId: string, rewardId: string, patch: Partial<RewardInput>) {
  const m = await loadMerchant(db, actor, merchantId, 'rewards');
  const reward = await repo.findReward(db, rewardId);
  if (!reward || reward.merchant_id !== m.id) throw new AppError('REWARD_NOT_FOUND');
  const onlyWithdraws = Object.keys(patch).every((k) => k === 'active') && patch.active === false;
  if (!onlyWithdraws) assertAgreement(m);
  if (patch.price !== undefined) assertWholePoints(patch.price, 'price');
  await repo.updateReward(db, reward.id, {
    ...(patch.name !== undefined ? { name: text(patch.name, 'name') } : {}),
    ...(patch.description !== undefined ? { description: patch.description?.trim() || null } : {}),
    ...(patch.price !== undefined ? { price: patch.price } : {}),
    ...(patch.stock !== undefined ? { stock: patch.stock } : {}),
    ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
    updated_at: nowIso(),
  });
  return rewardView((await repo.findReward(db, reward.id))!);
}

/**
 * 积分兑换目录: what residents of a community can get today. Public (a resident shows it to a neighbour);
 * a signed-in resident without `community` sees their own community's.
 */
export async function offeredRewards(db: Db, actor: Actor, communityRef: string | undefined) {
  let communityId: string | undefined;
  if (communityRef) {
    const node = await findNode(db, communityRef);
    if (!node || node.kind !== 'community') throw new AppError('ORG_NODE_NOT_FOUND', { community: communityRef });
    communityId = node.id;
  } else if (actor.kind === 'account' && actor.residentId) {
    const resident = await db.selectFrom('residents').select('path').where('id', '=', actor.residentId).executeTakeFirst();
    const ids = resident?.path.split('/').filter(Boolean) ?? [];
    const node = ids.length ? await db.selectFrom('org_nodes').select('id').where('id', 'in', ids).where('kind', '=', 'community').executeTakeFirst() : undefined;
    communityId = node?.id;
  }
  if (!communityId) throw new AppError('POINTS_COMMUNITY_REQUIRED');
  const rows = await repo.offeredRewards(db, communityId, localDate(now()));
  return {
    communityId,
    items: rows.map((r) => ({
      ...rewardView(r),
      merchant: { id: r.merchant_id, name: r.merchant_name, address: r.merchant_address, phone: r.merchant_phone, location: r.merchant_lng === null || r.merchant_lat === null ? null : { lng: r.merchant_lng, lat: r.merchant_lat } },
    })),
  };
}
