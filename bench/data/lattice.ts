/**
 * Irregular grid polygons that tile without gaps or overlaps, in any number: a lattice of `cols` × `rows`
 * cells whose corners are jittered, with `edgeVertices` extra vertices bent off every edge. Every corner and
 * every edge vertex is a pure function of its lattice position (a hash, no stored state), so a cell and its
 * neighbour compute the very same coordinates for the border they share, and a lattice of 100,000 cells
 * needs no memory but its polygons.
 */
import type { AreaGeometry, Position } from '../../src/server/platform/geo/geometry.ts';

export interface Lattice {
  cols: number;
  rows: number;
  /** Longitude of the lattice's west edge and latitude of its south edge (before jitter). */
  west: number;
  south: number;
  /** Cell size in degrees. */
  cellLng: number;
  cellLat: number;
  /** Extra vertices on every edge: a polygon has 4 × (edgeVertices + 1) vertices. */
  edgeVertices: number;
  /** Different seeds give different jitter over the same lattice. */
  seed: number;
}

// Corner jitter as a share of a cell: below 1/4 the lattice lines cannot cross, so cells stay simple;
// edge bends stay well inside the cell's margin so two edges of one cell never meet.
const CORNER_JITTER = 0.15;
const BEND_JITTER = 0.08;

/**
 * A deterministic number in [0, 1) from four integers (murmur3-style mixing): the same arguments always give
 * the same number, neighbouring arguments unrelated ones.
 */
export function hashUnit(a: number, b: number, c: number, d: number): number {
  let h = 0x2545f491;
  for (const v of [a, b, c, d]) {
    let k = Math.imul(v | 0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

const round7 = (x: number) => Math.round(x * 1e7) / 1e7;
const signed = (u: number) => u * 2 - 1;

/** The jittered corner at column line `ci` and row line `cj` (row lines count from the south), in cell units. */
function cornerUnits(l: Lattice, ci: number, cj: number): [number, number] {
  return [ci + signed(hashUnit(ci, cj, l.seed, 1)) * CORNER_JITTER, cj + signed(hashUnit(ci, cj, l.seed, 2)) * CORNER_JITTER];
}

function toPosition(l: Lattice, [x, y]: [number, number]): Position {
  return [round7(l.west + x * l.cellLng), round7(l.south + y * l.cellLat)];
}

/**
 * The extra vertices of one lattice edge from its lower to its higher corner: evenly spaced along it and
 * bent sideways. `horizontal`: the edge from corner (ci, cj) to (ci + 1, cj); else from (ci, cj) to (ci, cj + 1).
 */
function edgeUnits(l: Lattice, ci: number, cj: number, horizontal: boolean): [number, number][] {
  const a = cornerUnits(l, ci, cj);
  const b = horizontal ? cornerUnits(l, ci + 1, cj) : cornerUnits(l, ci, cj + 1);
  const out: [number, number][] = [];
  for (let k = 1; k <= l.edgeVertices; k++) {
    const t = k / (l.edgeVertices + 1);
    const bend = signed(hashUnit(ci, cj, l.seed, (horizontal ? 10 : 20) + k)) * BEND_JITTER;
    const x = a[0] + (b[0] - a[0]) * t;
    const y = a[1] + (b[1] - a[1]) * t;
    out.push(horizontal ? [x, y + bend] : [x + bend, y]);
  }
  return out;
}

/**
 * The polygon of cell (`col`, `row`) (row 0 is the southernmost), counter-clockwise from its south-west
 * corner, as a closed GeoJSON ring of 4 × (edgeVertices + 1) distinct vertices.
 */
export function cellPolygon(l: Lattice, col: number, row: number): AreaGeometry {
  const units: [number, number][] = [
    cornerUnits(l, col, row),
    ...edgeUnits(l, col, row, true),
    cornerUnits(l, col + 1, row),
    ...edgeUnits(l, col + 1, row, false),
    cornerUnits(l, col + 1, row + 1),
    ...edgeUnits(l, col, row + 1, true).reverse(),
    cornerUnits(l, col, row + 1),
    ...edgeUnits(l, col, row, false).reverse(),
  ];
  const ring = units.map((u) => toPosition(l, u));
  ring.push(ring[0]!);
  return { type: 'Polygon', coordinates: [ring] };
}

/**
 * A point inside cell (`col`, `row`) from two uniform numbers: bilinear between the jittered corners, kept
 * away from the edges by more than any bend, so it never falls into a neighbour.
 */
export function pointInCell(l: Lattice, col: number, row: number, u: number, v: number): { lng: number; lat: number } {
  const margin = 0.16;
  const s = margin + u * (1 - 2 * margin);
  const t = margin + v * (1 - 2 * margin);
  const sw = cornerUnits(l, col, row);
  const se = cornerUnits(l, col + 1, row);
  const ne = cornerUnits(l, col + 1, row + 1);
  const nw = cornerUnits(l, col, row + 1);
  const x = (1 - t) * ((1 - s) * sw[0] + s * se[0]) + t * ((1 - s) * nw[0] + s * ne[0]);
  const y = (1 - t) * ((1 - s) * sw[1] + s * se[1]) + t * ((1 - s) * nw[1] + s * ne[1]);
  return { lng: Math.round((l.west + x * l.cellLng) * 1e6) / 1e6, lat: Math.round((l.south + y * l.cellLat) * 1e6) / 1e6 };
}
