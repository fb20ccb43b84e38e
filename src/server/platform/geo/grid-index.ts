import Flatbush from 'flatbush';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/tables.ts';
import { AreaBuckets } from './area-buckets.ts';
import { type AreaGeometry, bbox, planarArea } from './geometry.ts';

interface Entry {
  id: string;
  geometry: AreaGeometry;
  area: number;
}

/** Areas in memory: flat buckets for which area holds a point, an R-tree for the nearest one to it. */
class AreaIndex {
  private readonly tree: Flatbush | null;
  private readonly buckets: AreaBuckets | null;

  constructor(private readonly entries: Entry[]) {
    if (entries.length === 0) {
      this.tree = null;
      this.buckets = null;
      return;
    }
    this.buckets = new AreaBuckets(entries.map((e) => e.geometry), entries.map((e) => e.area));
    this.tree = new Flatbush(entries.length);
    for (const e of entries) {
      const [minX, minY, maxX, maxY] = bbox(e.geometry);
      this.tree.add(minX, minY, maxX, maxY);
    }
    this.tree.finish();
  }

  get size(): number {
    return this.entries.length;
  }

  /** The id of the area containing the point; where areas overlap, the smallest wins. */
  locate(lng: number, lat: number): string | null {
    const i = this.buckets?.locate(lng, lat) ?? -1;
    return i < 0 ? null : this.entries[i]!.id;
  }

  center(): { lng: number; lat: number } | null {
    if (!this.tree) return null;
    return { lng: (this.tree.minX + this.tree.maxX) / 2, lat: (this.tree.minY + this.tree.maxY) / 2 };
  }

  /** The id of the area whose bounding box is nearest the point (for points outside every area). */
  nearest(lng: number, lat: number): string | null {
    if (!this.tree) return null;
    const [i] = this.tree.neighbors(lng, lat, 1);
    return i === undefined ? null : this.entries[i]!.id;
  }
}

/**
 * Point → grid and point → police beat lookups in memory (microseconds, the same on both stores).
 * `reload` rebuilds both indexes from the store; call it after grids or beats change.
 */
export class GridIndex {
  private grids = new AreaIndex([]);
  private beats = new AreaIndex([]);

  static async load(db: Kysely<DB>): Promise<GridIndex> {
    const index = new GridIndex();
    await index.reload(db);
    return index;
  }

  /** An index over grid areas already in memory (the benchmark's generated city), without a store. */
  static fromAreas(grids: { id: string; geometry: AreaGeometry }[]): GridIndex {
    const index = new GridIndex();
    index.grids = new AreaIndex(grids.map((g) => ({ id: g.id, geometry: g.geometry, area: planarArea(g.geometry) })));
    return index;
  }

  async reload(db: Kysely<DB>): Promise<void> {
    const grids = await db.selectFrom('org_nodes').select(['id', 'geometry']).where('kind', '=', 'grid').where('geometry', 'is not', null).execute();
    const beats = await db.selectFrom('police_beats').select(['id', 'geometry']).execute();
    this.grids = new AreaIndex(grids.map((g) => toEntry(g.id, g.geometry!)));
    this.beats = new AreaIndex(beats.map((b) => toEntry(b.id, b.geometry)));
  }

  get gridCount(): number {
    return this.grids.size;
  }

  locateGrid(lng: number, lat: number): string | null {
    return this.grids.locate(lng, lat);
  }

  /** The grid nearest a point outside every grid; its community takes the case into its dispatch queue. */
  nearestGrid(lng: number, lat: number): string | null {
    return this.grids.nearest(lng, lat);
  }

  locatePoliceBeat(lng: number, lat: number): string | null {
    return this.beats.locate(lng, lat);
  }

  /** The middle of all grids' bounding boxes (where a map opens), or null without grids. */
  center(): { lng: number; lat: number } | null {
    return this.grids.center();
  }
}

function toEntry(id: string, text: string): Entry {
  const geometry = JSON.parse(text) as AreaGeometry;
  return { id, geometry, area: planarArea(geometry) };
}
