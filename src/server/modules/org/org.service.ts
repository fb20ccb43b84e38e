import type { OrgKind } from '../../db/tables.ts';
import { AppError } from '../../http/errors.ts';
import { nowIso } from '../../platform/clock.ts';
import { type AreaGeometry, centroid, validateAreaGeometry } from '../../platform/geo/geometry.ts';
import { newId } from '../../platform/ids.ts';
import { type Actor, assertCan } from '../auth/permissions.ts';
import * as repo from './org.repository.ts';
import type { Db, OrgNodeRow } from './org.repository.ts';

/** Which kinds may sit directly above each kind (区 → 街道 → 社区 → 片区 → 网格); `null` means a root. */
export const allowedParents: Record<OrgKind, (OrgKind | null)[]> = {
  district: [null],
  street: ['district', null],
  community: ['street', null],
  sector: ['community'],
  grid: ['sector', 'community'],
};

export interface NewOrgNode {
  kind: OrgKind;
  code: string;
  name: string;
  parent?: string | null;
  geometry?: unknown;
}

/** Checks a boundary and returns it with its centroid; refuses with every problem found. */
export function checkedGeometry(geometry: unknown): { text: string; centroid: [number, number] } {
  const problems = validateAreaGeometry(geometry);
  if (problems.length) throw new AppError('GEOMETRY_INVALID', { problems });
  const g = geometry as AreaGeometry;
  return { text: JSON.stringify({ type: g.type, coordinates: g.coordinates }), centroid: centroid(g) };
}

/** Where a new node goes: its parent row (checked for kind) and its materialised path. */
async function placeUnder(db: Db, kind: OrgKind, parentRef: string | null | undefined): Promise<{ parent: OrgNodeRow | null }> {
  const parent = (parentRef ? await repo.findNode(db, parentRef) : null) ?? null;
  if (parentRef && !parent) throw new AppError('ORG_NODE_NOT_FOUND', { parent: parentRef });
  if (!allowedParents[kind].includes(parent?.kind ?? null)) {
    throw new AppError('ORG_PARENT_INVALID', { kind, parentKind: parent?.kind ?? null, allowed: allowedParents[kind] });
  }
  return { parent };
}

/** 新建组织节点: adds a district, street, community, sector or grid under its parent. */
export async function createOrgNode(db: Db, actor: Actor, input: NewOrgNode): Promise<OrgNodeRow> {
  const { parent } = await placeUnder(db, input.kind, input.parent);
  assertCan(actor, 'org.manage', { path: parent?.path ?? '/' });
  if (input.kind === 'grid' && input.geometry === undefined) throw new AppError('GEOMETRY_INVALID', { problems: [{ reason: 'NOT_AN_AREA' }] });
  return insertOrgNode(db, input, parent);
}

/** Inserts a node whose parent is already known and checked (used by imports and the demo too). */
export async function insertOrgNode(db: Db, input: NewOrgNode, parent: OrgNodeRow | null): Promise<OrgNodeRow> {
  if (await repo.findNode(db, input.code)) throw new AppError('CODE_TAKEN', { code: input.code });
  const geo = input.geometry === undefined || input.geometry === null ? null : checkedGeometry(input.geometry);
  const id = newId();
  const at = nowIso();
  const row: OrgNodeRow = {
    id,
    kind: input.kind,
    code: input.code,
    name: input.name,
    parent_id: parent?.id ?? null,
    path: `${parent?.path ?? '/'}${id}/`,
    geometry: geo?.text ?? null,
    centroid_lng: geo?.centroid[0] ?? null,
    centroid_lat: geo?.centroid[1] ?? null,
    created_at: at,
    updated_at: at,
  };
  await repo.insertNode(db, row);
  return row;
}

export interface OrgNodePatch {
  code?: string;
  name?: string;
  geometry?: unknown;
}

/** 修改组织节点: renames, recodes or redraws a node. */
export async function updateOrgNode(db: Db, actor: Actor, ref: string, kind: OrgKind, patch: OrgNodePatch): Promise<OrgNodeRow> {
  const node = await getOrgNode(db, ref, kind);
  assertCan(actor, 'org.manage', { path: node.path });
  if (patch.code && patch.code !== node.code) {
    const taken = await repo.findNode(db, patch.code);
    if (taken && taken.id !== node.id) throw new AppError('CODE_TAKEN', { code: patch.code });
  }
  const geo = patch.geometry === undefined ? undefined : patch.geometry === null && kind !== 'grid' ? null : checkedGeometry(patch.geometry);
  await repo.updateNode(db, node.id, {
    ...(patch.code ? { code: patch.code } : {}),
    ...(patch.name ? { name: patch.name } : {}),
    ...(geo === undefined ? {} : { geometry: geo?.text ?? null, centroid_lng: geo?.centroid[0] ?? null, centroid_lat: geo?.centroid[1] ?? null }),
    updated_at: nowIso(),
  });
  return getOrgNode(db, node.id, kind);
}

/** 删除组织节点: only an empty node (no children, people or staff) can go. */
export async function deleteOrgNode(db: Db, actor: Actor, ref: string, kind: OrgKind): Promise<void> {
  const node = await getOrgNode(db, ref, kind);
  assertCan(actor, 'org.manage', { path: node.path });
  if (await repo.nodeHasDependants(db, node)) throw new AppError('ORG_NODE_NOT_EMPTY');
  await repo.deleteNode(db, node.id);
}

/** A node by id or code, refused as not found when it is of another kind. */
export async function getOrgNode(db: Db, ref: string, kind?: OrgKind): Promise<OrgNodeRow> {
  const node = await repo.findNode(db, ref);
  if (!node || (kind && node.kind !== kind)) throw new AppError(kind === 'grid' ? 'GRID_NOT_FOUND' : 'ORG_NODE_NOT_FOUND');
  return node;
}

/** The ancestors of a node (and the node itself), by kind, read from its path. */
export async function lineage(db: Db, node: Pick<OrgNodeRow, 'path'>): Promise<Partial<Record<OrgKind, OrgNodeRow>>> {
  const ids = node.path.split('/').filter(Boolean);
  const rows = await repo.nodesByIds(db, ids);
  const out: Partial<Record<OrgKind, OrgNodeRow>> = {};
  for (const r of rows) out[r.kind] = r;
  return out;
}
