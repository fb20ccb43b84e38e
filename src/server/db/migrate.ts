import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { Database, StoreKind } from './database.ts';
import * as m0001 from './migrations/0001_foundation.ts';
import * as m0002 from './migrations/0002_cases.ts';
import * as m0003 from './migrations/0003_case_stats_cover.ts';
import * as m0004 from './migrations/0004_volunteers.ts';
import * as m0005 from './migrations/0005_points.ts';
// Activities and role models (M12)
import * as m0006 from './migrations/0006_activities.ts';
import * as m0007 from './migrations/0007_case_rollups.ts';
// Micro-wishes and the service list (M6)
import * as m0008 from './migrations/0008_wishes.ts';
// Service orders (issue 6)
import * as m0009 from './migrations/0009_orders.ts';

type StoreMigration = { up(db: Kysely<any>, store: StoreKind): Promise<void> };

// The explicit, ordered list of migrations; names are frozen once released.
const migrations: Record<string, StoreMigration> = {
  '0001_foundation': m0001,
  '0002_cases': m0002,
  '0003_case_stats_cover': m0003,
  '0004_volunteers': m0004,
  '0005_points': m0005,
  // Activities and role models (M12)
  '0006_activities': m0006,
  '0007_case_rollups': m0007,
  // Micro-wishes and the service list (M6)
  '0008_wishes': m0008,
  // Service orders (issue 6)
  '0009_orders': m0009,
};

class ListProvider implements MigrationProvider {
  constructor(private readonly store: StoreKind) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, m] of Object.entries(migrations)) out[name] = { up: (db) => m.up(db, this.store) };
    return out;
  }
}

/** Brings the store's schema up to date; safe to call at every start. */
export async function migrateToLatest(database: Database): Promise<string[]> {
  // Kysely looks for its bookkeeping tables in every schema unless told which; another schema's tables in
  // the same PostgreSQL database must not count as ours.
  const schema = database.store === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(database.db)).rows[0]?.s : undefined;
  const migrator = new Migrator({ db: database.db, provider: new ListProvider(database.store), ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
