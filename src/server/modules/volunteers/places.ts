import { AppError } from '../../http/errors.ts';
import type { Actor } from '../auth/permissions.ts';
import { findNode } from '../org/org.repository.ts';
import { lineage } from '../org/org.service.ts';
import { readableResident } from '../people/residents.service.ts';
import type { Db } from './talents.repository.ts';

/** Where a talent belongs: their community, their grid if they have one, and the path their scope hangs on. */
export interface TalentPlace {
  communityId: string;
  gridId: string | null;
  path: string;
}

/** The community or grid (id or code) a talent is placed in; any other kind of node is refused. */
export async function placeOfNode(db: Db, ref: string): Promise<TalentPlace> {
  const node = await findNode(db, ref);
  if (!node) throw new AppError('ORG_NODE_NOT_FOUND', { node: ref });
  if (node.kind !== 'community' && node.kind !== 'grid') throw new AppError('TALENT_PLACE_INVALID', { node: ref, kind: node.kind });
  const community = node.kind === 'community' ? node : (await lineage(db, node)).community;
  if (!community) throw new AppError('TALENT_PLACE_INVALID', { node: ref });
  return { communityId: community.id, gridId: node.kind === 'grid' ? node.id : null, path: node.path };
}

/** A resident the actor may read, with the place their household gives them (their grid). */
export async function residentWithPlace(db: Db, actor: Actor, residentId: string) {
  const resident = await readableResident(db, actor, residentId);
  return { resident, place: await placeOfNode(db, resident.grid_id) };
}
