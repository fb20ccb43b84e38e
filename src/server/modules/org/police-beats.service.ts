import { AppError } from '../../http/errors.ts';
import { nowIso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { type Actor, assertCan } from '../auth/permissions.ts';
import * as repo from './org.repository.ts';
import type { Db, PoliceBeatRow } from './org.repository.ts';
import { checkedGeometry, getOrgNode } from './org.service.ts';

/** 新建警格: a police beat overlaying grids ("网格+警格"), belonging to a community or street. */
export async function createPoliceBeat(db: Db, actor: Actor | null, input: { code: string; name: string; node: string; geometry: unknown }): Promise<PoliceBeatRow> {
  const node = await getOrgNode(db, input.node);
  if (node.kind !== 'community' && node.kind !== 'street' && node.kind !== 'district') throw new AppError('ORG_PARENT_INVALID', { kind: 'police_beat', parentKind: node.kind });
  if (actor) assertCan(actor, 'org.manage', { path: node.path });
  if (await repo.findPoliceBeat(db, input.code)) throw new AppError('CODE_TAKEN', { code: input.code });
  const geo = checkedGeometry(input.geometry);
  const at = nowIso();
  const row: PoliceBeatRow = {
    id: newId(),
    code: input.code,
    name: input.name,
    node_id: node.id,
    path: node.path,
    geometry: geo.text,
    centroid_lng: geo.centroid[0],
    centroid_lat: geo.centroid[1],
    created_at: at,
    updated_at: at,
  };
  await repo.insertPoliceBeat(db, row);
  return row;
}

export async function getPoliceBeat(db: Db, ref: string): Promise<PoliceBeatRow> {
  const beat = await repo.findPoliceBeat(db, ref);
  if (!beat) throw new AppError('NOT_FOUND');
  return beat;
}

export async function updatePoliceBeat(db: Db, actor: Actor, ref: string, patch: { code?: string; name?: string; geometry?: unknown }): Promise<PoliceBeatRow> {
  const beat = await getPoliceBeat(db, ref);
  assertCan(actor, 'org.manage', { path: beat.path });
  if (patch.code && patch.code !== beat.code && (await repo.findPoliceBeat(db, patch.code))) throw new AppError('CODE_TAKEN', { code: patch.code });
  const geo = patch.geometry === undefined ? undefined : checkedGeometry(patch.geometry);
  await repo.updatePoliceBeat(db, beat.id, {
    ...(patch.code ? { code: patch.code } : {}),
    ...(patch.name ? { name: patch.name } : {}),
    ...(geo ? { geometry: geo.text, centroid_lng: geo.centroid[0], centroid_lat: geo.centroid[1] } : {}),
    updated_at: nowIso(),
  });
  return getPoliceBeat(db, beat.id);
}

export async function deletePoliceBeat(db: Db, actor: Actor, ref: string): Promise<void> {
  const beat = await getPoliceBeat(db, ref);
  assertCan(actor, 'org.manage', { path: beat.path });
  if (await repo.policeBeatInUse(db, beat.id)) throw new AppError('ORG_NODE_NOT_EMPTY');
  await repo.deletePoliceBeat(db, beat.id);
}
