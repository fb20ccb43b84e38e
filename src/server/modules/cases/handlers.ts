import type { Kysely } from 'kysely';
import type { DB } from '../../db/tables.ts';
import type { OrgNodeRow } from '../org/org.repository.ts';

/** Who a case goes to: a person (a staff member) at a node, or a unit (the node itself) when nobody is named. */
export interface Handler {
  nodeId: string;
  path: string;
  staffId: string | null;
  tier: number;
}

/**
 * The grid's handler: the on-duty full-time grid worker, else the grid leader, else the grid as a unit
 * (its queue). Among several, the longest-assigned comes first.
 */
export async function gridHandler(db: Kysely<DB>, grid: Pick<OrgNodeRow, 'id' | 'path'>): Promise<Handler> {
  const rows = await db
    .selectFrom('staff_assignments')
    .select(['staff_id', 'role', 'on_duty', 'created_at'])
    .where('node_id', '=', grid.id)
    .where('role', 'in', ['grid_worker', 'grid_leader'])
    .orderBy('created_at')
    .execute();
  const pick = rows.find((r) => r.role === 'grid_worker' && r.on_duty === 1) ?? rows.find((r) => r.role === 'grid_leader');
  return { nodeId: grid.id, path: grid.path, staffId: pick?.staff_id ?? null, tier: 1 };
}

/** The unit one tier up: 1 grid → 2 community → 3 street (or the topmost node above the community). */
export function tierNode(lineage: OrgNodeRow[], tier: number): OrgNodeRow | undefined {
  const byKind = (k: OrgNodeRow['kind']) => lineage.find((n) => n.kind === k);
  if (tier === 1) return byKind('grid');
  if (tier === 2) return byKind('community');
  return byKind('street') ?? byKind('district') ?? byKind('community');
}

/** The staff id behind an account, if the account belongs to a staff member. */
export async function staffOfAccount(db: Kysely<DB>, accountId: string): Promise<string | null> {
  const row = await db.selectFrom('accounts').select('staff_id').where('id', '=', accountId).executeTakeFirst();
  return row?.staff_id ?? null;
}
