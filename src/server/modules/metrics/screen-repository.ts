import { type Kysely, sql } from 'kysely';
import { underPath } from '../../db/paths.ts';
import type { DB } from '../../db/tables.ts';

export type Db = Kysely<DB>;

const OPEN_STATES = ['new', 'dispatched', 'in_progress', 'suspended'] as const;

/** The first root of the org tree (by code): where an account granted everywhere looks by default. */
export async function firstRootNode(db: Db): Promise<string | undefined> {
  const row = await db.selectFrom('org_nodes').select('id').where('parent_id', 'is', null).orderBy('code').limit(1).executeTakeFirst();
  return row?.id;
}

/** Open cases under a path now, counted per grid and community, with how many are overdue or urgent. */
export async function openLoad(db: Db, path: string) {
  const rows = await db
    .selectFrom('cases')
    .select([
      'grid_id',
      'community_id',
      sql<number>`count(*)`.as('open'),
      sql<number>`sum(case when overdue_at is not null then 1 else 0 end)`.as('overdue'),
      sql<number>`sum(case when grade = 'urgent' then 1 else 0 end)`.as('urgent'),
    ])
    .where(underPath('cases.path', path))
    .where('state', 'in', [...OPEN_STATES])
    .groupBy(['grid_id', 'community_id'])
    .execute();
  return rows.map((r) => ({ gridId: r.grid_id, communityId: r.community_id, open: Number(r.open), overdue: Number(r.overdue), urgent: Number(r.urgent) }));
}

const caseColumns = ['id', 'number', 'state', 'category', 'grade', 'grid_id', 'lng', 'lat', 'reported_at', 'overdue_at'] as const;

/** The newest cases under a path (only the open ones when asked), without any personal data. */
export async function latestCases(db: Db, path: string, f: { openOnly: boolean; limit: number }) {
  return db
    .selectFrom('cases')
    .select([...caseColumns])
    .where(underPath('cases.path', path))
    .$if(f.openOnly, (q) => q.where('state', 'in', [...OPEN_STATES]))
    .$if(!f.openOnly, (q) => q.where('state', 'not in', ['merged', 'rejected']))
    .orderBy('reported_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit)
    .execute();
}
