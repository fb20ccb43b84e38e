import { type Kysely, sql } from 'kysely';
import type { StoreKind } from '../database.ts';

/**
 * The talent pool (能人库) and volunteer teams (志愿服务队), partner units (共建单位 / 大党委) with the
 * communities they pair with and the resources they share, and in-service member registration (双报到).
 * References to residents and org nodes carry no foreign key, as in the case tables: those records belong to
 * other modules, whose deletions must not fail on a talent. Frozen: later changes go into new migrations.
 */
export async function up(db: Kysely<any>, store: StoreKind): Promise<void> {
  const isPg = store === 'postgres';
  const pathType = isPg ? sql`text collate "C"` : sql`text`;
  const double = sql`double precision`;

  await db.schema
    .createTable('partner_units')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('address', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // The communities a unit pairs with (结对共建); staff of those communities see and manage the unit.
  await db.schema
    .createTable('partner_unit_communities')
    .addColumn('partner_unit_id', 'text', (c) => c.notNull().references('partner_units.id'))
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('path', pathType, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('partner_unit_communities_pk', ['partner_unit_id', 'community_id'])
    .execute();
  await db.schema.createIndex('partner_unit_communities_path').on('partner_unit_communities').column('path').execute();

  await db.schema
    .createTable('shared_resources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partner_unit_id', 'text', (c) => c.notNull().references('partner_units.id'))
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('path', pathType, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('address', 'text')
    .addColumn('lng', double)
    .addColumn('lat', double)
    .addColumn('opening_hours', 'text', (c) => c.notNull())
    .addColumn('hours_note', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('shared_resources_path').on('shared_resources').column('path').execute();
  await db.schema.createIndex('shared_resources_unit').on('shared_resources').column('partner_unit_id').execute();

  // A talent is a resident (resident_id) or someone who does not live here, such as an in-service party
  // member of a local unit (双报到), with their own name and phone. One row per person: a declined or retired
  // talent proposed again comes back to the same file (一人一档).
  await db.schema
    .createTable('talents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('resident_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('partner_unit_id', 'text', (c) => c.references('partner_units.id'))
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('grid_id', 'text')
    .addColumn('path', pathType, (c) => c.notNull())
    .addColumn('contact_preference', 'text', (c) => c.notNull())
    .addColumn('availability', 'text', (c) => c.notNull())
    .addColumn('reserve_candidate', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reserve_note', 'text')
    .addColumn('note', 'text')
    .addColumn('status_reason', 'text')
    .addColumn('recommender_name', 'text')
    .addColumn('recommended_by_account_id', 'text')
    .addColumn('created_by_account_id', 'text')
    .addColumn('confirmed_at', 'text')
    .addColumn('confirmed_by_account_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('talents_path').on('talents').column('path').execute();
  await db.schema.createIndex('talents_resident').on('talents').column('resident_id').unique().execute();
  await db.schema.createIndex('talents_phone').on('talents').column('phone').unique().execute();
  await db.schema.createIndex('talents_unit').on('talents').column('partner_unit_id').execute();

  await db.schema
    .createTable('talent_skills')
    .addColumn('talent_id', 'text', (c) => c.notNull().references('talents.id'))
    .addColumn('skill', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('confirmed_by_account_id', 'text')
    .addColumn('confirmed_by_label', 'text')
    .addColumn('confirmed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('talent_skills_pk', ['talent_id', 'skill'])
    .execute();
  await db.schema.createIndex('talent_skills_skill').on('talent_skills').columns(['skill', 'talent_id']).execute();

  // The org nodes a talent serves (服务范围); matching offers them only for requests inside these.
  await db.schema
    .createTable('talent_service_areas')
    .addColumn('talent_id', 'text', (c) => c.notNull().references('talents.id'))
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('path', pathType, (c) => c.notNull())
    .addPrimaryKeyConstraint('talent_service_areas_pk', ['talent_id', 'node_id'])
    .execute();

  // Who did what to a talent and when: proposals, recommendations, status changes, skills, teams, reserve marks.
  await db.schema
    .createTable('talent_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('talent_id', 'text', (c) => c.notNull().references('talents.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_account_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('note', 'text')
    .addColumn('data', 'text')
    .execute();
  await db.schema.createIndex('talent_events_talent').on('talent_events').columns(['talent_id', 'at']).execute();

  await db.schema
    .createTable('teams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text')
    .addColumn('services', 'text', (c) => c.notNull())
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('path', pathType, (c) => c.notNull())
    .addColumn('leader_talent_id', 'text', (c) => c.references('talents.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('teams_path').on('teams').column('path').execute();
  await db.schema.createIndex('teams_community_name').on('teams').columns(['community_id', 'name']).unique().execute();

  await db.schema
    .createTable('team_members')
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('talent_id', 'text', (c) => c.notNull().references('talents.id'))
    .addColumn('joined_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('team_members_pk', ['team_id', 'talent_id'])
    .execute();
  await db.schema.createIndex('team_members_talent').on('team_members').column('talent_id').execute();
}
