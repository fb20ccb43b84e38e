import { type Kysely, sql } from 'kysely';
import type { StoreKind } from '../database.ts';

/**
 * Activities (活动, M12): community activities with capacity and a sign-up window, residents' sign-ups and
 * attendance (one row per resident and activity, whatever way they checked in), and role-model stories
 * (身边榜样) with the people they are about. References to residents, talents, teams and photos carry no
 * foreign key, as in the volunteers tables: those records belong to other modules. Frozen: later changes go
 * into new migrations.
 */
export async function up(db: Kysely<any>, store: StoreKind): Promise<void> {
  const isPg = store === 'postgres';
  const pathType = isPg ? sql`text collate "C"` : sql`text`;
  const double = sql`double precision`;

  // seats_taken counts live sign-ups plus walk-ins; sign-ups raise it with a guarded update, so it never
  // passes capacity even when requests race.
  await db.schema
    .createTable('activities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('path', pathType, (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('lng', double)
    .addColumn('lat', double)
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.check(sql`capacity is null or capacity > 0`))
    .addColumn('sign_up_opens_at', 'text')
    .addColumn('sign_up_closes_at', 'text')
    .addColumn('organiser_account_id', 'text')
    .addColumn('organiser_name', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('cancel_reason', 'text')
    .addColumn('earns_points', 'integer', (c) => c.notNull())
    .addColumn('check_in_code', 'text', (c) => c.notNull().unique())
    .addColumn('seats_taken', 'integer', (c) => c.notNull().defaultTo(0).check(sql`seats_taken >= 0 and (capacity is null or seats_taken <= capacity)`))
    .addColumn('created_by', 'text')
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('activities_path_start').on('activities').columns(['path', 'starts_at']).execute();
  await db.schema.createIndex('activities_start').on('activities').column('starts_at').execute();

  // One row per resident and activity: a withdrawal keeps the row (state withdrawn) and a new sign-up revives it.
  await db.schema
    .createTable('activity_sign_ups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id'))
    .addColumn('resident_id', 'text', (c) => c.notNull())
    .addColumn('path', pathType, (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('by_staff', 'integer', (c) => c.notNull())
    .addColumn('by_account_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('activity_sign_ups_resident').on('activity_sign_ups').columns(['activity_id', 'resident_id']).unique().execute();
  await db.schema.createIndex('activity_sign_ups_of_resident').on('activity_sign_ups').column('resident_id').execute();

  // The unique key is what makes two racing check-ins of one resident a single record.
  await db.schema
    .createTable('activity_attendances')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id'))
    .addColumn('resident_id', 'text', (c) => c.notNull())
    .addColumn('path', pathType, (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('walk_in', 'integer', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('points_outcome', 'text', (c) => c.notNull())
    .addColumn('transfer_id', 'text')
    .addColumn('by_account_id', 'text')
    .addColumn('checked_in_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('activity_attendances_resident').on('activity_attendances').columns(['activity_id', 'resident_id']).unique().execute();
  await db.schema.createIndex('activity_attendances_of_resident').on('activity_attendances').column('resident_id').execute();

  await db.schema
    .createTable('role_models')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('path', pathType, (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('shown_name', 'text', (c) => c.notNull())
    .addColumn('story', 'text', (c) => c.notNull())
    .addColumn('photo_ids', 'text', (c) => c.notNull())
    .addColumn('published', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('role_models_path').on('role_models').column('path').execute();

  // Who a story is about: residents or talents of the talent pool (a talent may live elsewhere, 双报到).
  await db.schema
    .createTable('role_model_people')
    .addColumn('role_model_id', 'text', (c) => c.notNull().references('role_models.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('role_model_people_pk', ['role_model_id', 'kind', 'person_id'])
    .execute();
}
