import { type Kysely, sql } from 'kysely';
import type { StoreKind } from '../database.ts';

/**
 * Points (积分, M7): a double-entry ledger of accounts (each community's issuance pool and expiry account,
 * residents, merchants) and append-only transfers between them, earning rules and per-period totals,
 * merchants (商户) with their agreement and sign-in accounts, rewards, one-time redemption codes and monthly
 * settlements. Frozen: later changes go into new migrations.
 */
export async function up(db: Kysely<any>, store: StoreKind): Promise<void> {
  const isPg = store === 'postgres';
  const pathType = isPg ? sql`text collate "C"` : sql`text`;
  const double = sql`double precision`;

  // Per-community settings: when earned points expire (null = never) and how long a redemption code lives.
  await db.schema
    .createTable('point_settings')
    .addColumn('community_id', 'text', (c) => c.primaryKey().references('org_nodes.id'))
    .addColumn('path', pathType, (c) => c.notNull())
    .addColumn('expiry_months', 'integer')
    .addColumn('code_minutes', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('point_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('org_nodes.id'))
    .addColumn('path', pathType, (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('points_per_unit', 'integer', (c) => c.notNull().check(sql`points_per_unit > 0`))
    .addColumn('period', 'text')
    .addColumn('period_limit', 'integer', (c) => c.check(sql`period_limit is null or period_limit > 0`))
    .addColumn('over_limit', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('point_rules_community_rule').on('point_rules').columns(['community_id', 'rule']).unique().execute();

  await db.schema
    .createTable('merchants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('org_nodes.id'))
    .addColumn('path', pathType, (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('contact_phone', 'text', (c) => c.notNull())
    .addColumn('lng', double)
    .addColumn('lat', double)
    .addColumn('agreement_signed_on', 'text')
    .addColumn('agreement_valid_until', 'text')
    .addColumn('agreement_terms', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('merchants_path').on('merchants').column('path').execute();
  await db.schema.createIndex('merchants_community_name').on('merchants').columns(['community_id', 'name']).unique().execute();

  // An account with the `merchant` role signs in as exactly one merchant.
  await db.schema
    .createTable('merchant_accounts')
    .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id'))
    .addColumn('merchant_id', 'text', (c) => c.notNull().references('merchants.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('merchant_accounts_merchant').on('merchant_accounts').column('merchant_id').execute();

  // owner_id is the resident (person), the merchant (merchant) or the community itself (pool, expiry).
  // Only the pool may go below zero: it is where points come from.
  await db.schema
    .createTable('point_accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('community_id', 'text', (c) => c.notNull().references('org_nodes.id'))
    .addColumn('path', pathType, (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('balance', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('point_accounts_not_negative', sql`kind = 'pool' or balance >= 0`)
    .execute();
  await db.schema.createIndex('point_accounts_owner').on('point_accounts').columns(['kind', 'community_id', 'owner_id']).unique().execute();
  await db.schema.createIndex('point_accounts_owner_id').on('point_accounts').column('owner_id').execute();

  // Append-only: never updated or deleted. A correction is a new transfer that reverses one (at most once).
  await db.schema
    .createTable('point_transfers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('org_nodes.id'))
    .addColumn('path', pathType, (c) => c.notNull())
    .addColumn('from_account_id', 'text', (c) => c.notNull().references('point_accounts.id'))
    .addColumn('to_account_id', 'text', (c) => c.notNull().references('point_accounts.id'))
    .addColumn('amount', 'integer', (c) => c.notNull().check(sql`amount > 0`))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('rule', 'text')
    .addColumn('quantity', double)
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('reverses_id', 'text', (c) => c.references('point_transfers.id').unique())
    .addColumn('resident_id', 'text')
    .addColumn('merchant_id', 'text')
    .addColumn('operator_account_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .execute();
  // The same source never pays the same person twice under one rule (rule is null for every other kind).
  await db.schema.createIndex('point_transfers_earn_source').on('point_transfers').columns(['rule', 'source_kind', 'source_id', 'to_account_id']).unique().execute();
  await db.schema.createIndex('point_transfers_path_day').on('point_transfers').columns(['path', 'day']).execute();
  await db.schema.createIndex('point_transfers_from').on('point_transfers').columns(['from_account_id', 'at']).execute();
  await db.schema.createIndex('point_transfers_to').on('point_transfers').columns(['to_account_id', 'at']).execute();
  await db.schema.createIndex('point_transfers_resident').on('point_transfers').columns(['resident_id', 'at']).execute();
  await db.schema.createIndex('point_transfers_merchant').on('point_transfers').columns(['merchant_id', 'day']).execute();

  // What a person has earned under one rule in one period (`2026-05` or `2026`), raised with a guarded
  // update so that racing awards cannot pass the limit together.
  await db.schema
    .createTable('point_earning_totals')
    .addColumn('account_id', 'text', (c) => c.notNull().references('point_accounts.id'))
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull().defaultTo(0).check(sql`points >= 0`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('point_earning_totals_pk', ['account_id', 'rule', 'period_key'])
    .execute();

  await db.schema
    .createTable('rewards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) => c.notNull().references('merchants.id'))
    .addColumn('community_id', 'text', (c) => c.notNull().references('org_nodes.id'))
    .addColumn('path', pathType, (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('price', 'integer', (c) => c.notNull().check(sql`price > 0`))
    .addColumn('stock', 'integer', (c) => c.check(sql`stock is null or stock >= 0`))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rewards_merchant').on('rewards').column('merchant_id').execute();
  await db.schema.createIndex('rewards_path').on('rewards').column('path').execute();

  // A one-time code a resident shows at the merchant; consumed by a guarded update, so it is honoured once.
  await db.schema
    .createTable('redemption_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('resident_id', 'text', (c) => c.notNull().references('residents.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('point_accounts.id'))
    .addColumn('reward_id', 'text', (c) => c.notNull().references('rewards.id'))
    .addColumn('merchant_id', 'text', (c) => c.notNull().references('merchants.id'))
    .addColumn('community_id', 'text', (c) => c.notNull().references('org_nodes.id'))
    .addColumn('path', pathType, (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull().check(sql`points > 0`))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('redeemed_at', 'text')
    .addColumn('redeemed_by', 'text')
    .addColumn('redeemed_day', 'text')
    .addColumn('transfer_id', 'text', (c) => c.references('point_transfers.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('redemption_codes_resident').on('redemption_codes').columns(['resident_id', 'created_at']).execute();
  await db.schema.createIndex('redemption_codes_merchant_day').on('redemption_codes').columns(['merchant_id', 'redeemed_day']).execute();

  await db.schema
    .createTable('merchant_settlements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'text', (c) => c.notNull().references('merchants.id'))
    .addColumn('path', pathType, (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull().check(sql`points > 0`))
    .addColumn('redemptions', 'integer', (c) => c.notNull())
    .addColumn('transfer_id', 'text', (c) => c.notNull().references('point_transfers.id'))
    .addColumn('settled_by', 'text')
    .addColumn('settled_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('merchant_settlements_month').on('merchant_settlements').columns(['merchant_id', 'month']).unique().execute();
}
