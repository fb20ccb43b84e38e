import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import { localDateTimeToInstant } from '../../platform/calendar/working-days.ts';
import { type Actor, can, listScope } from '../auth/permissions.ts';
import { getOrgNode } from '../org/org.service.ts';
import type { OrgNodeRow } from '../org/org.repository.ts';
import type { CaseFilter } from './cases.repository.ts';
import { queryTokens } from './search.ts';

/** The filters of the case list as the caller gives them (also the ledger's, less paging). */
export interface CaseListParams {
  node?: string;
  state?: string | string[];
  family?: 'open' | 'resolved' | 'closed';
  category?: string;
  kind?: string;
  channel?: string;
  overdue?: boolean;
  needsReview?: boolean;
  mine?: boolean;
  q?: string;
  from?: string;
  to?: string;
}

/**
 * What a caller's case list holds: staff see the cases located in their scope (an admin everywhere), a
 * resident the cases they reported. A `node` outside the caller's scope answers 404, as any out-of-scope read.
 */
export async function caseFilterFor(ctx: AppContext, actor: Actor, q: CaseListParams): Promise<{ filter: Omit<CaseFilter, 'limit' | 'offset'>; node: OrgNodeRow | null; staffView: boolean; scopePaths: string[] }> {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (actor.kind !== 'account') throw new AppError('FORBIDDEN');
  const scope = listScope(actor, 'cases.read');
  const admin = actor.grants.some((g) => g.role === 'admin');
  const staffView = admin || !!scope?.paths.length;
  const node = q.node ? await getOrgNode(ctx.database.db, q.node) : null;
  if (node && staffView && !can(actor, 'cases.read', { path: node.path })) throw new AppError('ORG_NODE_NOT_FOUND');
  const filter: Omit<CaseFilter, 'limit' | 'offset'> = {
    scopePaths: staffView ? (admin ? null : scope!.paths) : null,
    reporterAccountId: staffView ? undefined : actor.accountId,
    node: node?.path,
    state: q.state === undefined ? undefined : ((Array.isArray(q.state) ? q.state : [q.state]) as CaseFilter['state']),
    family: q.family,
    category: q.category,
    kind: q.kind,
    channel: q.channel,
    overdue: q.overdue,
    needsReview: q.needsReview,
    searchTokens: q.q ? queryTokens(q.q) : undefined,
    from: q.from ? localDateTimeToInstant(q.from, '00:00', ctx.calendar.timeZone).toISOString() : undefined,
    to: q.to ? localDateTimeToInstant(q.to, '23:59:59.999', ctx.calendar.timeZone).toISOString() : undefined,
    handlerStaffId: q.mine && staffView && actor.staffId ? actor.staffId : undefined,
    store: ctx.database.store,
  };
  return { filter, node, staffView, scopePaths: scope?.paths ?? [] };
}
