import { type Kysely, sql } from 'kysely';
import type { StoreKind } from '../database.ts';

/**
 * The foundation: the org tree (区 → 街道 → 社区 → 片区 → 网格), police beats, compounds and buildings,
 * households and residents, staff and their roles, party hub households and liaisons, accounts,
 * sessions, API keys and the audit log of personal-data reads.
 * Frozen: later changes go into new migrations.
 */
export async function up(db: Kysely<any>, store: StoreKind): Promise<void> {
  const isPg = store === 'postgres';
  // Materialised paths are compared as byte strings (prefix ranges), so PostgreSQL must not apply a locale collation.
  const pathType = isPg ? sql`text collate "C"` : sql`text`;
  const double = sql`double precision`;

  await db.schema
    .createTable('org_nodes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('org_nodes.id'))
    .addColumn('path', pathType, (c) => c.notNull())
    .addColumn('geometry', 'text')
    .addColumn('centroid_lng', double)
    .addColumn('centroid_lat', double)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('org_nodes_path').on('org_nodes').column('path').execute();
  await db.schema.createIndex('org_nodes_parent').on('org_nodes').column('parent_id').execute();
  await db.schema.createIndex('org_nodes_kind_name').on('org_nodes').columns(['kind', 'name']).execute();

  await db.schema
    .createTable('police_beats')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('node_id', 'text', (c) => c.notNull().references('org_nodes.id'))
    .addColumn('path', pathType, (c) => c.notNull())
    .addColumn('geometry', 'text', (c) => c.notNull())
    .addColumn('centroid_lng', double, (c) => c.notNull())
    .addColumn('centroid_lat', double, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('police_beats_path').on('police_beats').column('path').execute();

  await db.schema
    .createTable('compounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('grid_id', 'text', (c) => c.notNull().references('org_nodes.id'))
    .addColumn('path', pathType, (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('lng', double)
    .addColumn('lat', double)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('compounds_grid_name').on('compounds').columns(['grid_id', 'name']).unique().execute();
  await db.schema.createIndex('compounds_path').on('compounds').column('path').execute();

  await db.schema
    .createTable('buildings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('compound_id', 'text', (c) => c.notNull().references('compounds.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('buildings_compound_name').on('buildings').columns(['compound_id', 'name']).unique().execute();

  await db.schema
    .createTable('households')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('grid_id', 'text', (c) => c.notNull().references('org_nodes.id'))
    .addColumn('path', pathType, (c) => c.notNull())
    .addColumn('compound_id', 'text', (c) => c.references('compounds.id'))
    .addColumn('building_id', 'text', (c) => c.references('buildings.id'))
    .addColumn('room', 'text')
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('is_party_hub', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('households_path').on('households').column('path').execute();
  await db.schema.createIndex('households_place').on('households').columns(['grid_id', 'address']).unique().execute();

  await db.schema
    .createTable('residents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('grid_id', 'text', (c) => c.notNull().references('org_nodes.id'))
    .addColumn('path', pathType, (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('gender', 'text')
    .addColumn('phone', 'text')
    .addColumn('id_number', 'text')
    .addColumn('birth_date', 'text')
    .addColumn('is_party_member', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('residents_path').on('residents').column('path').execute();
  await db.schema.createIndex('residents_household').on('residents').column('household_id').execute();
  await db.schema.createIndex('residents_id_number').on('residents').column('id_number').unique().execute();

  // A party hub household (党员中心户) or a household liaison (联户长) and the households each serves.
  await db.schema
    .createTable('household_links')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('linker_id', 'text', (c) => c.notNull())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('household_links_pk', ['kind', 'linker_id', 'household_id'])
    .execute();
  await db.schema.createIndex('household_links_household').on('household_links').column('household_id').execute();

  await db.schema
    .createTable('staff')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('work_phone', 'text')
    .addColumn('account_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // A staff member's role at an org node (网格长 of grid 3, 民警 of a beat in a community).
  await db.schema
    .createTable('staff_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('node_id', 'text', (c) => c.notNull().references('org_nodes.id'))
    .addColumn('path', pathType, (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('police_beat_id', 'text', (c) => c.references('police_beats.id'))
    .addColumn('on_duty', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('staff_assignments_node').on('staff_assignments').columns(['node_id', 'role']).execute();
  await db.schema.createIndex('staff_assignments_path').on('staff_assignments').column('path').execute();
  await db.schema.createIndex('staff_assignments_staff').on('staff_assignments').column('staff_id').execute();

  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('resident_id', 'text', (c) => c.references('residents.id'))
    .addColumn('staff_id', 'text', (c) => c.references('staff.id'))
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // Permission roles granted at an org node; they reach everything under that node.
  await db.schema
    .createTable('account_roles')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('node_id', 'text', (c) => c.references('org_nodes.id'))
    .addColumn('path', pathType, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('account_roles_pk', ['account_id', 'role', 'path'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_account').on('sessions').column('account_id').execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .execute();
  await db.schema.createIndex('audit_log_subject').on('audit_log').columns(['subject_type', 'subject_id']).execute();
}
