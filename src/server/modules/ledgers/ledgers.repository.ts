import type { Kysely } from 'kysely';
import type { DB } from '../../db/tables.ts';
import { type CaseFilter, filteredCases } from '../cases/cases.repository.ts';

export type Db = Kysely<DB>;

/** The filters of the case list (GET /api/v1/cases) that a ledger honours; it is never paged by the caller. */
export type LedgerFilter = Pick<
  CaseFilter,
  'scopePaths' | 'node' | 'state' | 'family' | 'category' | 'kind' | 'channel' | 'overdue' | 'needsReview' | 'handlerStaffId' | 'from' | 'to' | 'searchTokens' | 'store'
>;

/** Where the previous page ended: the last row's reporting time and id. */
export interface LedgerCursor {
  reportedAt: string;
  id: string;
}

// What the ledger prints, and the reporter's name only to mask it where they typed it into the text. Their
// phone is never read, so it cannot leak into a file.
const LEDGER_COLUMNS = [
  'id', 'number', 'kind', 'channel', 'nature', 'category', 'grade', 'state', 'title', 'description', 'address',
  'grid_id', 'community_id', 'tier', 'handler_node_id', 'handler_staff_id', 'reported_at', 'respond_by', 'resolve_by',
  'accepted_at', 'resolved_at', 'closed_at', 'overdue_at', 'rework_count', 'reporter_count', 'resolution', 'reporter_name',
] as const;

export type LedgerCaseRow = Pick<DB['cases'], (typeof LEDGER_COLUMNS)[number]>;

/**
 * One page of the case ledger (案件台账) in reporting order, after `cursor`. Keyset pagination on
 * (reported_at, id) keeps every page as cheap as the first and never skips or repeats a row when cases
 * arrive during an export. The conditions are `listCases`' own, so the file holds what the list shows.
 */
export async function ledgerCasesPage(db: Db, f: LedgerFilter, cursor: LedgerCursor | null, limit: number): Promise<LedgerCaseRow[]> {
  let q = filteredCases(db, f).select(LEDGER_COLUMNS);
  if (cursor) q = q.where((eb) => eb(eb.refTuple('reported_at', 'id'), '>', eb.tuple(cursor.reportedAt, cursor.id)));
  return q.orderBy('reported_at').orderBy('id').limit(limit).execute();
}

/** Names of org nodes by id (grids, communities, handling units). */
export async function nodeNames(db: Db, ids: string[]): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('org_nodes').select(['id', 'name']).where('id', 'in', ids).execute();
}

/** Names of staff members by id (handlers). */
export async function staffNames(db: Db, ids: string[]): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('staff').select(['id', 'name']).where('id', 'in', ids).execute();
}

/** The org node a path ends at (the actor's own scope, to name the file). */
export async function nodeAtPath(db: Db, path: string): Promise<{ id: string; code: string; name: string } | undefined> {
  return db.selectFrom('org_nodes').select(['id', 'code', 'name']).where('path', '=', path).executeTakeFirst();
}
