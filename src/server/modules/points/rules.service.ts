import type { PointPeriod, PointRuleName } from '../../db/tables.ts';
import { AppError, type Locale } from '../../http/errors.ts';
import { nowIso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../auth/permissions.ts';
import type { Db } from './ledger.repository.ts';
import { POINT_RULES, ruleLabel } from './labels.ts';
import { managedCommunity } from './points.scope.ts';
import * as repo from './rules.repository.ts';
import type { PointRuleRow, PointSettingsRow } from './rules.repository.ts';

/** How long a redemption code lives when a community has not said otherwise. */
export const DEFAULT_CODE_MINUTES = 10;

export interface RuleView {
  rule: PointRuleName;
  label: string;
  configured: boolean;
  pointsPerUnit: number | null;
  period: PointPeriod | null;
  periodLimit: number | null;
  overLimit: 'cap' | 'refuse' | null;
  active: boolean;
  updatedAt: string | null;
}

function ruleView(rule: PointRuleName, row: PointRuleRow | undefined, locale: Locale): RuleView {
  return {
    rule,
    label: ruleLabel(rule, locale),
    configured: !!row,
    pointsPerUnit: row?.points_per_unit ?? null,
    period: row?.period ?? null,
    periodLimit: row?.period_limit ?? null,
    overLimit: row?.over_limit ?? null,
    active: row?.active === 1,
    updatedAt: row?.updated_at ?? null,
  };
}

/** 积分规则: every rule of a community, configured or not. */
export async function listRules(db: Db, actor: Actor, communityRef: string, locale: Locale) {
  const community = await managedCommunity(db, actor, communityRef);
  const rows = await repo.rulesOf(db, community.id);
  return { community: { id: community.id, code: community.code, name: community.name }, rules: POINT_RULES.map((r) => ruleView(r, rows.find((x) => x.rule === r), locale)) };
}

export interface RuleInput {
  community: string;
  pointsPerUnit: number;
  period?: PointPeriod | null;
  periodLimit?: number | null;
  overLimit?: 'cap' | 'refuse';
  active?: boolean;
}

/** 设置积分规则: points per unit and the limit per person and period; `manual` is always one point per point. */
export async function setRule(db: Db, actor: Actor, rule: PointRuleName, input: RuleInput, locale: Locale): Promise<RuleView> {
  if (actor.kind !== 'account') throw new AppError('UNAUTHENTICATED');
  const community = await managedCommunity(db, actor, input.community);
  if (rule === 'manual' && input.pointsPerUnit !== 1) throw new AppError('VALIDATION_FAILED', [{ field: 'body/pointsPerUnit', problem: 'the manual rule awards the points given, so it is 1' }]);
  const period = input.period ?? null;
  const limit = input.periodLimit ?? null;
  if (limit !== null && !period) throw new AppError('VALIDATION_FAILED', [{ field: 'body/period', problem: 'a limit needs a period (month or year)' }]);
  const at = nowIso();
  const existing = await repo.findRule(db, community.id, rule);
  const row: PointRuleRow = {
    id: existing?.id ?? newId(),
    community_id: community.id,
    path: community.path,
    rule,
    points_per_unit: input.pointsPerUnit,
    period,
    period_limit: limit,
    over_limit: input.overLimit ?? 'cap',
    active: input.active === false ? 0 : 1,
    updated_by: actor.accountId,
    created_at: existing?.created_at ?? at,
    updated_at: at,
  };
  await repo.upsertRule(db, row);
  return ruleView(rule, row, locale);
}

export interface SettingsView {
  communityId: string;
  expiryMonths: number | null;
  codeMinutes: number;
  updatedAt: string | null;
}

function settingsView(communityId: string, row: PointSettingsRow | undefined): SettingsView {
  return { communityId, expiryMonths: row?.expiry_months ?? null, codeMinutes: row?.code_minutes ?? DEFAULT_CODE_MINUTES, updatedAt: row?.updated_at ?? null };
}

/** A community's points settings (defaults when never set: no expiry, codes live 10 minutes). */
export async function getSettings(db: Db, actor: Actor, communityRef: string): Promise<SettingsView> {
  const community = await managedCommunity(db, actor, communityRef);
  return settingsView(community.id, await repo.findSettings(db, community.id));
}

/** 积分有效期: earned points expire after N months (null: never); and how long a redemption code lives. */
export async function setSettings(db: Db, actor: Actor, input: { community: string; expiryMonths: number | null; codeMinutes?: number }): Promise<SettingsView> {
  if (actor.kind !== 'account') throw new AppError('UNAUTHENTICATED');
  const community = await managedCommunity(db, actor, input.community);
  const existing = await repo.findSettings(db, community.id);
  const at = nowIso();
  const row: PointSettingsRow = {
    community_id: community.id,
    path: community.path,
    expiry_months: input.expiryMonths,
    code_minutes: input.codeMinutes ?? existing?.code_minutes ?? DEFAULT_CODE_MINUTES,
    updated_by: actor.accountId,
    created_at: existing?.created_at ?? at,
    updated_at: at,
  };
  await repo.upsertSettings(db, row);
  return settingsView(community.id, row);
}

/** Minutes a new redemption code of the community lives. */
export async function codeMinutesOf(db: Db, communityId: string): Promise<number> {
  return (await repo.findSettings(db, communityId))?.code_minutes ?? DEFAULT_CODE_MINUTES;
}
