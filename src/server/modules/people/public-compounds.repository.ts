import { type Kysely, type SqlBool, sql } from 'kysely';
import type { DB } from '../../db/tables.ts';
import { underPath } from '../../db/paths.ts';

type Db = Kysely<DB>;

/** One compound as the public may see it: where it is, never who lives there. */
export interface PublicCompoundRow {
  id: string;
  name: string;
  path: string;
  lng: number | null;
  lat: number | null;
  grid_code: string;
  grid_name: string;
  grid_lng: number | null;
  grid_lat: number | null;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Compounds with their grid, by name, optionally under an org path and matching part of a name. */
export async function listPublicCompounds(db: Db, f: { nodePath?: string; q?: string; limit: number; offset: number }) {
  let q = db.selectFrom('compounds').innerJoin('org_nodes as g', 'g.id', 'compounds.grid_id');
  if (f.nodePath) q = q.where(underPath('compounds.path', f.nodePath));
  if (f.q) q = q.where(sql<SqlBool>`compounds.name like ${`%${escapeLike(f.q)}%`} escape '\\'`);
  const total = await q.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst();
  const rows: PublicCompoundRow[] = await q
    .select(['compounds.id', 'compounds.name', 'compounds.path', 'compounds.lng', 'compounds.lat', 'g.code as grid_code', 'g.name as grid_name', 'g.centroid_lng as grid_lng', 'g.centroid_lat as grid_lat'])
    .orderBy('compounds.name')
    .orderBy('compounds.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { rows, total: Number(total?.n ?? 0) };
}

/** The communities whose ids appear on these paths, by id. */
export async function communitiesOnPaths(db: Db, paths: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(paths.flatMap((p) => p.split('/').filter(Boolean)))];
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('org_nodes').select(['id', 'name']).where('kind', '=', 'community').where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
