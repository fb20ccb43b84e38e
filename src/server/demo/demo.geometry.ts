/**
 * Polygons for the demo that tile without gaps or overlaps. A community is drawn as a small character map
 * (one character per lattice cell: a grid number, or '.' for outside); the lattice's vertices are jittered,
 * and every area (grid, sector, community, police beat) is the traced outline of a set of cells. Because
 * neighbouring cells share the very same jittered vertices, grids meet exactly along their borders.
 */
import type { AreaGeometry, Position, Ring } from '../platform/geo/geometry.ts';
import type { Random } from './demo.random.ts';

/** A lattice cell: column (west → east) and row (north → south), as in the character map. */
export type Cell = readonly [col: number, row: number];

export interface Lattice {
  layout: readonly string[];
  cols: number;
  rows: number;
  /** vertices[i][j]: the corner at column line i and row line j. */
  vertices: Position[][];
  /** A bent midpoint on each edge of the community's outer boundary, so the outline is not a staircase of straight runs. */
  bends: Map<string, Position>;
}

// Jitter as a share of the cell size. Below 1/4 the lattice lines cannot cross, so every cell stays a simple
// convex quadrilateral and any traced outline is a simple ring; 0.15 and 0.1 keep a wide margin.
const VERTEX_JITTER = 0.15;
const BEND_JITTER = 0.1;
const METRES_PER_DEGREE_LAT = 110_850;

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/** Lays a jittered lattice of `cellMetres` cells over the character map, centred on `centre` [lng, lat]. */
export function buildLattice(centre: Position, cellMetres: number, layout: readonly string[], random: Random): Lattice {
  const rows = layout.length;
  const cols = layout[0]!.length;
  if (layout.some((line) => line.length !== cols)) throw new Error('every line of a layout must have the same length');
  const dLat = cellMetres / METRES_PER_DEGREE_LAT;
  const dLng = cellMetres / (METRES_PER_DEGREE_LAT * Math.cos((centre[1] * Math.PI) / 180));
  const vertices: Position[][] = [];
  for (let i = 0; i <= cols; i++) {
    vertices.push([]);
    for (let j = 0; j <= rows; j++) {
      const x = i - cols / 2 + random.jitter(VERTEX_JITTER);
      const y = rows / 2 - j + random.jitter(VERTEX_JITTER);
      vertices[i]!.push([round6(centre[0] + x * dLng), round6(centre[1] + y * dLat)]);
    }
  }
  const lattice: Lattice = { layout, cols, rows, vertices, bends: new Map() };
  for (const edge of boundaryEdges(lattice, cellsWhere(lattice, isInside))) {
    const [a, b] = [vertexAt(lattice, edge.from), vertexAt(lattice, edge.to)];
    const shift = random.jitter(BEND_JITTER);
    // Perpendicular to the edge, in cell units converted back to degrees on each axis.
    const [ex, ey] = [(b[0] - a[0]) / dLng, (b[1] - a[1]) / dLat];
    const length = Math.hypot(ex, ey);
    const mid: Position = [
      round6((a[0] + b[0]) / 2 + (-ey / length) * shift * dLng),
      round6((a[1] + b[1]) / 2 + (ex / length) * shift * dLat),
    ];
    lattice.bends.set(edgeKey(edge.from, edge.to), mid);
  }
  return lattice;
}

const isInside = (mark: string) => mark !== '.';

/** The cells whose map character passes `test`, in reading order. */
export function cellsWhere(lattice: Lattice, test: (mark: string) => boolean): Cell[] {
  const cells: Cell[] = [];
  lattice.layout.forEach((line, row) => {
    [...line].forEach((mark, col) => {
      if (test(mark)) cells.push([col, row]);
    });
  });
  return cells;
}

/** The centre of a cell (the mean of its four corners, inside it because the cell is convex). */
export function cellCentre(lattice: Lattice, [c, r]: Cell): Position {
  const corners = [vertexAt(lattice, [c, r]), vertexAt(lattice, [c + 1, r]), vertexAt(lattice, [c + 1, r + 1]), vertexAt(lattice, [c, r + 1])];
  return [round6(corners.reduce((s, p) => s + p[0], 0) / 4), round6(corners.reduce((s, p) => s + p[1], 0) / 4)];
}

/**
 * The outline of a set of cells as a GeoJSON Polygon with a counter-clockwise ring. The set must be one
 * piece without holes and without two cells touching only at a corner; anything else is a mistake in a
 * layout, so it throws rather than return a shape that would fail validation later.
 */
export function outline(lattice: Lattice, cells: readonly Cell[]): AreaGeometry {
  const next = new Map<string, VertexIndex>();
  const edges = boundaryEdges(lattice, cells);
  for (const edge of edges) {
    const key = vertexKey(edge.from);
    if (next.has(key)) throw new Error(`cells touch only at the corner ${key}`);
    next.set(key, edge.to);
  }
  const start = edges[0]!.from;
  const ring: Ring = [];
  let at = start;
  let steps = 0;
  do {
    const to = next.get(vertexKey(at))!;
    ring.push(vertexAt(lattice, at));
    const bend = lattice.bends.get(edgeKey(at, to));
    if (bend) ring.push(bend);
    at = to;
    steps++;
  } while (vertexKey(at) !== vertexKey(start));
  if (steps !== edges.length) throw new Error('cells are not one piece without holes');
  ring.push(ring[0]!);
  return { type: 'Polygon', coordinates: [ring] };
}

type VertexIndex = readonly [i: number, j: number];
interface Edge {
  from: VertexIndex;
  to: VertexIndex;
}

function vertexAt(lattice: Lattice, [i, j]: VertexIndex): Position {
  return lattice.vertices[i]![j]!;
}

function vertexKey([i, j]: VertexIndex): string {
  return `${i},${j}`;
}

function edgeKey(a: VertexIndex, b: VertexIndex): string {
  const [p, q] = [vertexKey(a), vertexKey(b)];
  return p < q ? `${p}|${q}` : `${q}|${p}`;
}

/** The directed edges between a cell of the set and a cell outside it, each cell walked counter-clockwise (north up). */
function boundaryEdges(lattice: Lattice, cells: readonly Cell[]): Edge[] {
  const member = new Set(cells.map(([c, r]) => `${c},${r}`));
  const has = (c: number, r: number) => member.has(`${c},${r}`);
  const edges: Edge[] = [];
  for (const [c, r] of cells) {
    // South-west → south-east → north-east → north-west: counter-clockwise on a map.
    if (!has(c, r + 1)) edges.push({ from: [c, r + 1], to: [c + 1, r + 1] });
    if (!has(c + 1, r)) edges.push({ from: [c + 1, r + 1], to: [c + 1, r] });
    if (!has(c, r - 1)) edges.push({ from: [c + 1, r], to: [c, r] });
    if (!has(c - 1, r)) edges.push({ from: [c, r], to: [c, r + 1] });
  }
  if (edges.length === 0) throw new Error(`no cells to outline in a ${lattice.cols}×${lattice.rows} layout`);
  return edges;
}
