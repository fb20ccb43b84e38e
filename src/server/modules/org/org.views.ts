import type { OrgKind } from '../../db/tables.ts';
import { type Actor, abilitiesOn } from '../auth/permissions.ts';
import * as repo from './org.repository.ts';
import type { Db, OrgNodeRow, PoliceBeatRow } from './org.repository.ts';

export type NodeRef = { id: string; code: string; name: string };

export function ref(row: Pick<OrgNodeRow, 'id' | 'code' | 'name'> | undefined | null): NodeRef | null {
  return row ? { id: row.id, code: row.code, name: row.name } : null;
}

function centroidOf(row: { centroid_lng: number | null; centroid_lat: number | null }): [number, number] | null {
  return row.centroid_lng === null || row.centroid_lat === null ? null : [row.centroid_lng, row.centroid_lat];
}

export function nodeView(actor: Actor, row: OrgNodeRow) {
  return {
    id: row.id,
    kind: row.kind,
    code: row.code,
    name: row.name,
    parentId: row.parent_id,
    centroid: centroidOf(row),
    hasBoundary: row.geometry !== null,
    abilities: abilitiesOn(actor, { path: row.path }, ['org.manage']),
  };
}

/** Every ancestor of the given rows, fetched in one query and keyed by id. */
export async function ancestorsOf(db: Db, rows: { path: string }[]): Promise<Map<string, OrgNodeRow>> {
  const ids = new Set<string>();
  for (const r of rows) for (const id of r.path.split('/')) if (id) ids.add(id);
  const found = await repo.nodesByIds(db, [...ids]);
  return new Map(found.map((n) => [n.id, n]));
}

/** The ancestor of a given kind, read from the path. */
export function ancestorOfKind(path: string, kind: OrgKind, byId: Map<string, OrgNodeRow>): OrgNodeRow | null {
  for (const id of path.split('/')) {
    const n = id ? byId.get(id) : undefined;
    if (n?.kind === kind) return n;
  }
  return null;
}

export function gridView(actor: Actor, row: OrgNodeRow, byId: Map<string, OrgNodeRow>) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    community: ref(ancestorOfKind(row.path, 'community', byId)),
    sector: ref(ancestorOfKind(row.path, 'sector', byId)),
    centroid: centroidOf(row),
    abilities: abilitiesOn(actor, { path: row.path }, ['org.manage']),
  };
}

export function gridFeature(row: OrgNodeRow, byId: Map<string, OrgNodeRow>) {
  return {
    type: 'Feature' as const,
    id: row.code,
    geometry: row.geometry ? JSON.parse(row.geometry) : null,
    properties: {
      code: row.code,
      name: row.name,
      community: ancestorOfKind(row.path, 'community', byId)?.code ?? null,
      street: ancestorOfKind(row.path, 'street', byId)?.code ?? null,
      district: ancestorOfKind(row.path, 'district', byId)?.code ?? null,
      sector: ancestorOfKind(row.path, 'sector', byId)?.code ?? null,
    },
  };
}

export function policeBeatView(row: PoliceBeatRow, node: OrgNodeRow | undefined) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    node: ref(node) ?? { id: row.node_id, code: '', name: '' },
    centroid: [row.centroid_lng, row.centroid_lat] as [number, number],
    geometry: JSON.parse(row.geometry),
  };
}
