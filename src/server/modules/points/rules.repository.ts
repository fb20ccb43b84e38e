import type { Kysely } from 'kysely';
import type { DB, PointRuleName, PointRulesTable, PointSettingsTable } from '../../db/tables.ts';

type Db = Kysely<DB>;
export type PointRuleRow = PointRulesTable;
export type PointSettingsRow = PointSettingsTable;

export async function findRule(db: Db, communityId: string, rule: PointRuleName): Promise<PointRuleRow | undefined> {
  return db.selectFrom('point_rules').selectAll().where('community_id', '=', communityId).where('rule', '=', rule).executeTakeFirst();
}

export async function rulesOf(db: Db, communityId: string): Promise<PointRuleRow[]> {
  return db.selectFrom('point_rules').selectAll().where('community_id', '=', communityId).orderBy('rule').execute();
}

/** Creates or replaces a community's rule (one row per community and rule). */
export async function upsertRule(db: Db, row: PointRuleRow): Promise<void> {
  await db
    .insertInto('point_rules')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['community_id', 'rule']).doUpdateSet({
        points_per_unit: row.points_per_unit,
        period: row.period,
        period_limit: row.period_limit,
        over_limit: row.over_limit,
        active: row.active,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export async function findSettings(db: Db, communityId: string): Promise<PointSettingsRow | undefined> {
  return db.selectFrom('point_settings').selectAll().where('community_id', '=', communityId).executeTakeFirst();
}

export async function upsertSettings(db: Db, row: PointSettingsRow): Promise<void> {
  await db
    .insertInto('point_settings')
    .values(row)
    .onConflict((oc) => oc.column('community_id').doUpdateSet({ expiry_months: row.expiry_months, code_minutes: row.code_minutes, updated_by: row.updated_by, updated_at: row.updated_at }))
    .execute();
}
