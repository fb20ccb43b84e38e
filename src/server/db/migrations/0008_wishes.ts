import { type Kysely, sql } from 'kysely';
import type { StoreKind } from '../database.ts';

/**
 * Micro-wishes (微心愿, M6; seed 002, 慈松塘): the service list (服务清单) partner units and people offer a
 * community, and the claims that match a wish (a case of kind `micro_wish`) with an offer or a claimant.
 * The wish itself lives in `cases`. References to units, talents, cases and photos carry no foreign key, as in
 * the volunteers tables. Frozen: later changes go into new migrations.
 */
export async function up(db: Kysely<any>, store: StoreKind): Promise<void> {
  const isPg = store === 'postgres';
  const pathType = isPg ? sql`text collate "C"` : sql`text`;

  // claims_taken counts live claims (claimed or fulfilled); claiming raises it with a guarded update, so
  // racing claims never pass the capacity (一对多).
  await db.schema
    .createTable('service_offers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('path', pathType, (c) => c.notNull())
    .addColumn('partner_unit_id', 'text')
    .addColumn('talent_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('wish_type', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity > 0`))
    .addColumn('claims_taken', 'integer', (c) => c.notNull().defaultTo(0).check(sql`claims_taken >= 0 and claims_taken <= capacity`))
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('service_offers_provider', sql`(partner_unit_id is null) <> (talent_id is null)`)
    .execute();
  await db.schema.createIndex('service_offers_path').on('service_offers').column('path').execute();

  await db.schema
    .createTable('wish_claims')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('path', pathType, (c) => c.notNull())
    .addColumn('offer_id', 'text')
    .addColumn('partner_unit_id', 'text')
    .addColumn('talent_id', 'text')
    .addColumn('claimant_name', 'text', (c) => c.notNull())
    .addColumn('claimant_key', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'text', (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('fulfilment_note', 'text')
    .addColumn('photo_ids', 'text', (c) => c.notNull())
    .addColumn('fulfilled_at', 'text')
    .addColumn('fulfilled_by', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawn_by', 'text')
    .addColumn('withdraw_reason', 'text')
    .execute();
  await db.schema.createIndex('wish_claims_case').on('wish_claims').column('case_id').execute();
  await db.schema.createIndex('wish_claims_path').on('wish_claims').columns(['path', 'claimed_at']).execute();
  // One live claim per claimant and wish: two racing requests for the same pair make one claim.
  await sql`create unique index wish_claims_live on wish_claims (case_id, claimant_key) where status <> 'withdrawn'`.execute(db);
}
