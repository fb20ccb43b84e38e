import { AppError } from '../../http/errors.ts';
import { underPath } from '../../db/paths.ts';
import type { Actor } from '../auth/permissions.ts';
import { findNode } from '../org/org.repository.ts';
import type { Period } from '../metrics/periods.ts';
import * as repo from './wishes.repository.ts';
import type { Db } from './wishes.repository.ts';
import { communityPathOf, matchingPaths } from './wishes.scope.ts';

export interface WishCounts {
  /** Wishes posted in the period (not counting those staff withdrew). */
  posted: number;
  /** Of those, the ones a unit or person claimed (a claim not withdrawn), fulfilled or not. */
  claimed: number;
  /** Of those, the ones fulfilled (resolved or verified). */
  fulfilled: number;
  /** Of those, the ones verified and closed. */
  verified: number;
  /** Of those, the ones still on the needs list (open, no live claim). */
  open: number;
  /** fulfilled / posted, or null without wishes. */
  fulfilmentRate: number | null;
}

const zero = () => ({ posted: 0, claimed: 0, fulfilled: 0, verified: 0, open: 0 });
const finish = (c: ReturnType<typeof zero>): WishCounts => ({ ...c, fulfilmentRate: c.posted === 0 ? null : Math.round((c.fulfilled / c.posted) * 1000) / 1000 });

/** The node a figure may be asked for: wholly inside where the actor matches wishes (404 otherwise). */
export async function figuresNode(db: Db, actor: Actor, ref: string) {
  const paths = matchingPaths(actor);
  const node = await findNode(db, ref);
  if (!node || !paths.some((p) => node.path.startsWith(p))) throw new AppError('ORG_NODE_NOT_FOUND', { node: ref });
  return node;
}

/**
 * 微心愿指标: for every community under a node, the wishes posted in a period of local days and what became
 * of them (claimed, fulfilled, verified, still open), each defined here once. Each row links to the wishes
 * behind it (GET /api/v1/wishes with the same node and days).
 */
export async function wishFigures(db: Db, actor: Actor, nodeRef: string, period: Period) {
  const node = await figuresNode(db, actor, nodeRef);
  // Wishes hang on their community; a sector or grid is reported as the community it lies in.
  const scope = node.kind === 'sector' || node.kind === 'grid' ? communityPathOf(node.path) : node.path;
  const communities = await db.selectFrom('org_nodes').select(['id', 'code', 'name', 'kind']).where('kind', '=', 'community').where(underPath('path', scope)).orderBy('code').execute();
  const filter: repo.WishFilter = { nodePath: node.path, from: period.from, to: period.to, hideCancelled: true };
  const [statuses, claimed] = await Promise.all([repo.statusCounts(db, filter), repo.everClaimedCounts(db, filter)]);
  const rows = new Map(communities.map((c) => [c.id, zero()]));
  for (const s of statuses) {
    const r = s.community_id ? rows.get(s.community_id) : undefined;
    if (!r) continue;
    r.posted += s.n;
    if (s.status === 'open') r.open += s.n;
    if (s.status === 'fulfilled' || s.status === 'closed') r.fulfilled += s.n;
    if (s.status === 'closed') r.verified += s.n;
  }
  for (const c of claimed) {
    const r = c.community_id ? rows.get(c.community_id) : undefined;
    if (r) r.claimed = c.n;
  }
  const total = zero();
  for (const r of rows.values()) for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += r[k];
  const drill = (id: string) => `/api/v1/wishes?node=${encodeURIComponent(id)}&from=${period.from}&to=${period.to}`;
  return {
    node: { id: node.id, code: node.code, name: node.name },
    period,
    total: finish(total),
    wishesUrl: drill(node.id),
    communities: communities.map((c) => ({ community: { id: c.id, code: c.code, name: c.name, kind: c.kind }, ...finish(rows.get(c.id)!), wishesUrl: drill(c.id) })),
  };
}
