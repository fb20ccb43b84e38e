import type { AppContext } from '../../context.ts';
import { AppError, type Locale } from '../../http/errors.ts';
import { localDate } from '../../platform/calendar/working-days.ts';
import { now } from '../../platform/clock.ts';
import { type Actor, listScope } from '../auth/permissions.ts';
import { type CaseListParams, caseFilterFor } from '../cases/case-query.ts';
import { type FiguresQuery, figuresFor } from '../metrics/metrics.service.ts';
import { safeName } from './excel.ts';
import { type LedgerFilter, nodeAtPath } from './ledgers.repository.ts';

type StaffActor = Extract<Actor, { kind: 'account' }>;

/** Ledgers are for staff who read cases: nobody signed in is asked to sign in, anyone else is refused. */
function assertStaffReader(actor: Actor): asserts actor is StaffActor {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (actor.kind !== 'account' || !listScope(actor, 'cases.read')?.paths.length) throw new AppError('FORBIDDEN');
}

export type CaseLedgerQuery = CaseListParams;

export interface CaseLedgerPlan {
  filter: LedgerFilter;
  fileName: string;
  asciiFileName: string;
}

/**
 * 导出案件台账: what a staff member's ledger holds — the cases of their scope under the same filters as the
 * case list — and what the file is called. A node outside their scope answers 404, as any out-of-scope read.
 */
export async function planCaseLedger(ctx: AppContext, actor: Actor, q: CaseLedgerQuery, locale: Locale): Promise<CaseLedgerPlan> {
  assertStaffReader(actor);
  const { db } = ctx.database;
  const admin = actor.grants.some((g) => g.role === 'admin');
  const { filter, node, scopePaths } = await caseFilterFor(ctx, actor, q);
  // The file is named after the node asked for, or the one node the account works at.
  const place = node ?? (!admin && scopePaths.length === 1 ? await nodeAtPath(db, scopePaths[0]!) : undefined);
  const today = localDate(now(), ctx.calendar.timeZone);
  const en = locale === 'en';
  return {
    filter,
    fileName: `${en ? 'case-ledger' : '案件台账'}_${safeName(place?.name ?? (en ? 'all' : '全部'))}_${today}.xlsx`,
    asciiFileName: `case-ledger_${place?.code ?? 'all'}_${today}.xlsx`,
  };
}

/** 导出考核指标表: the figures of a node and period, for staff who may read that node's cases. */
export async function figuresForLedger(ctx: AppContext, actor: Actor, q: FiguresQuery, locale: Locale) {
  assertStaffReader(actor);
  const result = await figuresFor(ctx, actor, q, locale);
  const { node, period } = result;
  const span = period.from === period.to ? period.from : `${period.from}_${period.to}`;
  return {
    result,
    fileName: `${locale === 'en' ? 'figures' : '考核指标表'}_${safeName(node.name)}_${span}.xlsx`,
    asciiFileName: `figures_${node.code}_${span}.xlsx`,
  };
}
