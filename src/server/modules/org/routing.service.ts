import type { Locale } from '../../http/errors.ts';
import type { GridIndex } from '../../platform/geo/grid-index.ts';
import { gridContacts } from '../staff/contacts.ts';
import * as repo from './org.repository.ts';
import type { Db } from './org.repository.ts';
import { ancestorOfKind, ancestorsOf, ref } from './org.views.ts';

/**
 * 定位: the grid, sector, community, street and police beat a point falls in, with the grid's contacts
 * (便民联系卡). Outside every grid, everything is null and there are no contacts.
 */
export async function locatePoint(db: Db, geo: GridIndex, lng: number, lat: number, locale: Locale) {
  const gridId = geo.locateGrid(lng, lat);
  const beatId = geo.locatePoliceBeat(lng, lat);
  const beat = beatId ? await repo.findPoliceBeat(db, beatId) : undefined;
  const grid = gridId ? (await repo.nodesByIds(db, [gridId]))[0] : undefined;
  const byId = grid ? await ancestorsOf(db, [grid]) : new Map();
  const at = (kind: 'sector' | 'community' | 'street' | 'district') => (grid ? ref(ancestorOfKind(grid.path, kind, byId)) : null);
  return {
    point: [lng, lat] as [number, number],
    grid: ref(grid),
    sector: at('sector'),
    community: at('community'),
    street: at('street'),
    district: at('district'),
    policeBeat: beat ? { id: beat.id, code: beat.code, name: beat.name } : null,
    contacts: grid ? await gridContacts(db, grid.id, beat?.id ?? null, locale) : [],
  };
}
