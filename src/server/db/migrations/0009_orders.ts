import { type Kysely, sql } from 'kysely';
import type { StoreKind } from '../database.ts';

/**
 * Service orders (服务点单, issue 6): an order is a case of kind `service_order`; `service_orders` is its
 * queryable side (skill, assigned talent or team, verified hours and what the verification paid), written in
 * the same transaction as each step, and `order_ratings` the two-way feedback (one per side). References to
 * talents, teams, residents and transfers carry no foreign key, as in the volunteers and points tables.
 * Frozen: later changes go into new migrations.
 */
export async function up(db: Kysely<any>, store: StoreKind): Promise<void> {
  const isPg = store === 'postgres';
  const pathType = isPg ? sql`text collate "C"` : sql`text`;
  const double = sql`double precision`;

  await db.schema
    .createTable('service_orders')
    .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id'))
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('path', pathType, (c) => c.notNull())
    .addColumn('skill', 'text', (c) => c.notNull())
    .addColumn('requester_resident_id', 'text')
    .addColumn('talent_id', 'text')
    .addColumn('team_id', 'text')
    .addColumn('hours', double, (c) => c.check(sql`hours is null or hours > 0`))
    .addColumn('points', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('points_outcome', 'text')
    .addColumn('transfer_id', 'text')
    .addColumn('verified_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('service_orders_talent').on('service_orders').column('talent_id').execute();
  await db.schema.createIndex('service_orders_path').on('service_orders').column('path').execute();

  // The unique key is what makes each side's rating a single record, even when two submissions race.
  await db.schema
    .createTable('order_ratings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('side', 'text', (c) => c.notNull().check(sql`side in ('requester', 'talent')`))
    .addColumn('score', 'integer', (c) => c.notNull().check(sql`score between 1 and 5`))
    .addColumn('comment', 'text')
    .addColumn('account_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('order_ratings_side').on('order_ratings').columns(['case_id', 'side']).unique().execute();
}
