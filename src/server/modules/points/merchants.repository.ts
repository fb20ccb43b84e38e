import { type Kysely, sql } from 'kysely';
import { underAnyPath } from '../../db/paths.ts';
import type { DB, MerchantSettlementsTable, MerchantsTable, RedemptionCodesTable, RewardsTable } from '../../db/tables.ts';

type Db = Kysely<DB>;
export type MerchantRow = MerchantsTable;
export type RewardRow = RewardsTable;
export type RedemptionCodeRow = RedemptionCodesTable;
export type SettlementRow = MerchantSettlementsTable;

export async function findMerchant(db: Db, id: string): Promise<MerchantRow | undefined> {
  return db.selectFrom('merchants').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findMerchantByName(db: Db, communityId: string, name: string): Promise<MerchantRow | undefined> {
  return db.selectFrom('merchants').selectAll().where('community_id', '=', communityId).where('name', '=', name).executeTakeFirst();
}

export async function insertMerchant(db: Db, row: MerchantRow): Promise<void> {
  await db.insertInto('merchants').values(row).execute();
}

export async function updateMerchant(db: Db, id: string, patch: Partial<Omit<MerchantRow, 'id' | 'community_id' | 'path' | 'created_at'>>): Promise<void> {
  await db.updateTable('merchants').set(patch).where('id', '=', id).execute();
}

export async function listMerchants(db: Db, f: { under: string[]; ids?: string[]; limit: number; offset: number }) {
  let q = db.selectFrom('merchants');
  q = f.ids ? q.where('id', 'in', f.ids.length ? f.ids : ['']) : q.where(underAnyPath('path', f.under));
  const totalRow = await q.select(sql<string | number>`count(*)`.as('n')).executeTakeFirst();
  const rows = await q.selectAll().orderBy('name').orderBy('id').limit(f.limit).offset(f.offset).execute();
  return { rows, total: Number(totalRow?.n ?? 0) };
}

/** The merchant an account signs in as, if any. */
export async function merchantIdOfAccount(db: Db, accountId: string): Promise<string | null> {
  const row = await db.selectFrom('merchant_accounts').select('merchant_id').where('account_id', '=', accountId).executeTakeFirst();
  return row?.merchant_id ?? null;
}

export async function linkMerchantAccount(db: Db, row: { account_id: string; merchant_id: string; created_at: string }): Promise<void> {
  await db.insertInto('merchant_accounts').values(row).execute();
}

export async function merchantAccountNames(db: Db, merchantId: string): Promise<string[]> {
  const rows = await db.selectFrom('merchant_accounts').innerJoin('accounts', 'accounts.id', 'merchant_accounts.account_id').select('accounts.username').where('merchant_accounts.merchant_id', '=', merchantId).orderBy('accounts.username').execute();
  return rows.map((r) => r.username);
}

export async function findReward(db: Db, id: string): Promise<RewardRow | undefined> {
  return db.selectFrom('rewards').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function rewardsOfMerchant(db: Db, merchantId: string): Promise<RewardRow[]> {
  return db.selectFrom('rewards').selectAll().where('merchant_id', '=', merchantId).orderBy('price').orderBy('name').execute();
}

export async function insertReward(db: Db, row: RewardRow): Promise<void> {
  await db.insertInto('rewards').values(row).execute();
}

export async function updateReward(db: Db, id: string, patch: Partial<Pick<RewardRow, 'name' | 'description' | 'price' | 'stock' | 'active' | 'updated_at'>>): Promise<void> {
  await db.updateTable('rewards').set(patch).where('id', '=', id).execute();
}

/** Takes one from a reward's stock while any is left; a reward without stock keeping always passes. */
export async function takeFromStock(db: Db, rewardId: string, at: string): Promise<boolean> {
  const reward = await findReward(db, rewardId);
  if (!reward || reward.stock === null) return true;
  const result = await db.updateTable('rewards').set({ stock: sql`stock - 1`, updated_at: at }).where('id', '=', rewardId).where('stock', '>', 0).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Puts one back on the shelf of a reward that keeps a stock (a reversed redemption); uncounted rewards stay so. */
export async function returnToStock(db: Db, rewardId: string, at: string): Promise<void> {
  await db.updateTable('rewards').set({ stock: sql`stock + 1`, updated_at: at }).where('id', '=', rewardId).where('stock', 'is not', null).execute();
}

/** Rewards residents of a community can get today: active, in stock, at a merchant whose agreement holds. */
export async function offeredRewards(db: Db, communityId: string, today: string) {
  return db
    .selectFrom('rewards')
    .innerJoin('merchants', 'merchants.id', 'rewards.merchant_id')
    .selectAll('rewards')
    .select(['merchants.name as merchant_name', 'merchants.address as merchant_address', 'merchants.contact_phone as merchant_phone', 'merchants.lng as merchant_lng', 'merchants.lat as merchant_lat'])
    .where('rewards.community_id', '=', communityId)
    .where('rewards.active', '=', 1)
    .where((eb) => eb.or([eb('rewards.stock', 'is', null), eb('rewards.stock', '>', 0)]))
    .where('merchants.agreement_signed_on', '<=', today)
    .where('merchants.agreement_valid_until', '>=', today)
    .orderBy('rewards.price')
    .orderBy('merchants.name')
    .orderBy('rewards.name')
    .execute();
}

export async function codeExists(db: Db, code: string): Promise<boolean> {
  return !!(await db.selectFrom('redemption_codes').select('id').where('code', '=', code).executeTakeFirst());
}

export async function insertCode(db: Db, row: RedemptionCodeRow): Promise<void> {
  await db.insertInto('redemption_codes').values(row).execute();
}

export async function findCodeById(db: Db, id: string): Promise<RedemptionCodeRow | undefined> {
  return db.selectFrom('redemption_codes').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findCodeByText(db: Db, code: string): Promise<RedemptionCodeRow | undefined> {
  return db.selectFrom('redemption_codes').selectAll().where('code', '=', code).executeTakeFirst();
}

/**
 * Consumes a code in one guarded statement: only while it is issued and unexpired. Of two racing scans
 * exactly one changes the row; the other learns so from the row count.
 */
export async function consumeCode(db: Db, id: string, by: { accountId: string; at: string; day: string }): Promise<boolean> {
  const result = await db
    .updateTable('redemption_codes')
    .set({ state: 'redeemed', redeemed_at: by.at, redeemed_by: by.accountId, redeemed_day: by.day, updated_at: by.at })
    .where('id', '=', id)
    .where('state', '=', 'issued')
    .where('expires_at', '>', by.at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Points a consumed code at the transfer that paid for it (the row is already ours: we consumed it). */
export async function attachTransfer(db: Db, id: string, transferId: string): Promise<void> {
  await db.updateTable('redemption_codes').set({ transfer_id: transferId }).where('id', '=', id).execute();
}

export async function cancelCode(db: Db, id: string, at: string): Promise<boolean> {
  const result = await db.updateTable('redemption_codes').set({ state: 'cancelled', updated_at: at }).where('id', '=', id).where('state', '=', 'issued').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

function codesWithNames(db: Db) {
  return db
    .selectFrom('redemption_codes')
    .innerJoin('rewards', 'rewards.id', 'redemption_codes.reward_id')
    .innerJoin('merchants', 'merchants.id', 'redemption_codes.merchant_id')
    .selectAll('redemption_codes')
    .select(['rewards.name as reward_name', 'merchants.name as merchant_name']);
}

export async function findCodeWithNames(db: Db, id: string) {
  return codesWithNames(db).where('redemption_codes.id', '=', id).executeTakeFirst();
}

export async function codesOfResident(db: Db, residentId: string, limit: number) {
  return codesWithNames(db)
    .where('redemption_codes.resident_id', '=', residentId)
    .orderBy('redemption_codes.created_at', 'desc')
    .orderBy('redemption_codes.id', 'desc')
    .limit(limit)
    .execute();
}

/** A merchant's redemptions within local days, oldest first, with whether each was reversed since. */
export async function redemptionsOfMerchant(db: Db, merchantId: string, fromDay: string, toDay: string) {
  return db
    .selectFrom('redemption_codes')
    .innerJoin('rewards', 'rewards.id', 'redemption_codes.reward_id')
    .innerJoin('residents', 'residents.id', 'redemption_codes.resident_id')
    .leftJoin('point_transfers as rev', 'rev.reverses_id', 'redemption_codes.transfer_id')
    .select([
      'redemption_codes.id',
      'redemption_codes.code',
      'redemption_codes.points',
      'redemption_codes.redeemed_at',
      'redemption_codes.redeemed_day',
      'redemption_codes.transfer_id',
      'rewards.name as reward_name',
      'residents.name as resident_name',
      'rev.id as reversed_by',
    ])
    .where('redemption_codes.merchant_id', '=', merchantId)
    .where('redemption_codes.state', '=', 'redeemed')
    .where('redemption_codes.redeemed_day', '>=', fromDay)
    .where('redemption_codes.redeemed_day', '<=', toDay)
    .orderBy('redemption_codes.redeemed_at')
    .orderBy('redemption_codes.id')
    .execute();
}

export async function findSettlement(db: Db, merchantId: string, month: string): Promise<SettlementRow | undefined> {
  return db.selectFrom('merchant_settlements').selectAll().where('merchant_id', '=', merchantId).where('month', '=', month).executeTakeFirst();
}

export async function insertSettlement(db: Db, row: SettlementRow): Promise<void> {
  await db.insertInto('merchant_settlements').values(row).execute();
}
