import { AppError, type Locale } from '../../http/errors.ts';
import type { GridIndex } from '../../platform/geo/grid-index.ts';
import { findNode } from '../org/org.repository.ts';
import { lineage } from '../org/org.service.ts';
import type { GridCard } from './contact-card.ts';
import { gridContacts } from './contacts.ts';
import type { Db } from './staff.repository.ts';

/**
 * Everything a grid's contact card and public page show, for a grid id or code. Public: staff names and
 * work phones are printed on the card anyway. The police beat is the one the grid's centre lies in.
 */
export async function loadGridCard(db: Db, geo: GridIndex, ref: string, publicUrl: string, locale: Locale): Promise<GridCard> {
  const grid = await findNode(db, ref);
  if (!grid || grid.kind !== 'grid') throw new AppError('GRID_NOT_FOUND', { grid: ref });
  const beatId = grid.centroid_lng !== null && grid.centroid_lat !== null ? geo.locatePoliceBeat(grid.centroid_lng, grid.centroid_lat) : null;
  const above = await lineage(db, grid);
  return {
    grid: { id: grid.id, code: grid.code, name: grid.name },
    community: above.community?.name ?? null,
    street: above.street?.name ?? null,
    contacts: await gridContacts(db, grid.id, beatId, locale),
    pageUrl: `${publicUrl.replace(/\/+$/, '')}/grid/${encodeURIComponent(grid.code)}`,
  };
}
