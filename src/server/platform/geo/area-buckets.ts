import { type AreaGeometry, polygonsOf } from './geometry.ts';

/**
 * Point-in-area lookups without allocating: every routed report asks one, and a city holds up to a
 * hundred thousand grids. The areas' extent is cut into about as many equal cells as there are areas;
 * each cell lists the areas whose bounding box touches it (compressed rows: `cellStart`/`cellItems`).
 * A lookup finds its cell in O(1), then tests the few candidates' boxes and rings, all held in flat
 * typed arrays (pointer-free, so the test runs over contiguous numbers instead of nested JS arrays).
 */
export class AreaBuckets {
  private readonly minX: number;
  private readonly minY: number;
  private readonly cols: number;
  private readonly rows: number;
  private readonly cellW: number;
  private readonly cellH: number;
  private readonly cellStart: Int32Array;
  private readonly cellItems: Int32Array;
  /** Per area: its box [minX, minY, maxX, maxY] and its area (smallest wins where areas overlap). */
  private readonly boxes: Float64Array;
  private readonly areas: Float64Array;
  /** Per area, its polygons; per polygon, its rings (the first outer, the rest holes); per ring, its vertices. */
  private readonly areaPolygons: Int32Array;
  private readonly polygonRings: Int32Array;
  private readonly ringVertices: Int32Array;
  private readonly xy: Float64Array;

  constructor(geometries: readonly AreaGeometry[], areas: readonly number[]) {
    const n = geometries.length;
    this.areas = Float64Array.from(areas);
    this.boxes = new Float64Array(n * 4);
    const polygonCount = geometries.reduce((s, g) => s + polygonsOf(g).length, 0);
    const ringCount = geometries.reduce((s, g) => s + polygonsOf(g).reduce((t, p) => t + p.length, 0), 0);
    const vertexCount = geometries.reduce((s, g) => s + polygonsOf(g).reduce((t, p) => t + p.reduce((u, r) => u + r.length, 0), 0), 0);
    this.areaPolygons = new Int32Array(n + 1);
    this.polygonRings = new Int32Array(polygonCount + 1);
    this.ringVertices = new Int32Array(ringCount + 1);
    this.xy = new Float64Array(vertexCount * 2);
    let p = 0;
    let r = 0;
    let v = 0;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let a = 0; a < n; a++) {
      this.areaPolygons[a] = p;
      let bx0 = Infinity;
      let by0 = Infinity;
      let bx1 = -Infinity;
      let by1 = -Infinity;
      for (const polygon of polygonsOf(geometries[a]!)) {
        this.polygonRings[p++] = r;
        polygon.forEach((ring, h) => {
          this.ringVertices[r++] = v;
          for (const [x, y] of ring) {
            this.xy[2 * v] = x;
            this.xy[2 * v + 1] = y;
            v++;
            if (h > 0) continue;
            if (x < bx0) bx0 = x;
            if (y < by0) by0 = y;
            if (x > bx1) bx1 = x;
            if (y > by1) by1 = y;
          }
        });
      }
      this.boxes.set([bx0, by0, bx1, by1], a * 4);
      minX = Math.min(minX, bx0);
      minY = Math.min(minY, by0);
      maxX = Math.max(maxX, bx1);
      maxY = Math.max(maxY, by1);
    }
    this.areaPolygons[n] = p;
    this.polygonRings[polygonCount] = r;
    this.ringVertices[ringCount] = v;

    // About one cell per area, shaped like the extent, so a cell holds a handful of candidates.
    const width = Math.max(maxX - minX, 1e-9);
    const height = Math.max(maxY - minY, 1e-9);
    this.cols = Math.max(1, Math.round(Math.sqrt((n * width) / height)));
    this.rows = Math.max(1, Math.ceil(n / this.cols));
    this.minX = minX;
    this.minY = minY;
    this.cellW = width / this.cols;
    this.cellH = height / this.rows;
    const counts = new Int32Array(this.cols * this.rows + 1);
    this.eachCell((cell) => counts[cell]!++);
    this.cellStart = new Int32Array(counts.length);
    for (let c = 1; c < counts.length; c++) this.cellStart[c] = this.cellStart[c - 1]! + counts[c - 1]!;
    this.cellItems = new Int32Array(this.cellStart[counts.length - 1]!);
    const fill = this.cellStart.slice();
    this.eachCell((cell, a) => (this.cellItems[fill[cell]!++] = a));
  }

  /** Index of the area containing the point (the smallest where areas overlap), or -1. */
  locate(x: number, y: number): number {
    const col = Math.floor((x - this.minX) / this.cellW);
    const row = Math.floor((y - this.minY) / this.cellH);
    if (col < 0 || row < 0 || col > this.cols || row > this.rows) return -1;
    const cell = Math.min(row, this.rows - 1) * this.cols + Math.min(col, this.cols - 1);
    let best = -1;
    for (let k = this.cellStart[cell]!, end = this.cellStart[cell + 1]!; k < end; k++) {
      const a = this.cellItems[k]!;
      const b = a * 4;
      if (x < this.boxes[b]! || y < this.boxes[b + 1]! || x > this.boxes[b + 2]! || y > this.boxes[b + 3]!) continue;
      if ((best < 0 || this.areas[a]! < this.areas[best]!) && this.contains(a, x, y)) best = a;
    }
    return best;
  }

  private contains(a: number, x: number, y: number): boolean {
    for (let p = this.areaPolygons[a]!, pe = this.areaPolygons[a + 1]!; p < pe; p++) {
      const r0 = this.polygonRings[p]!;
      const r1 = this.polygonRings[p + 1]!;
      if (!this.inRing(r0, x, y)) continue;
      let inHole = false;
      for (let r = r0 + 1; r < r1 && !inHole; r++) inHole = this.inRing(r, x, y);
      if (!inHole) return true;
    }
    return false;
  }

  /** Even-odd ray casting, the same rule (and arithmetic) as geometry.ts's pointInRing. */
  private inRing(r: number, x: number, y: number): boolean {
    const xy = this.xy;
    const start = this.ringVertices[r]!;
    const end = this.ringVertices[r + 1]!;
    let inside = false;
    for (let i = start, j = end - 1; i < end; j = i++) {
      const xi = xy[2 * i]!;
      const yi = xy[2 * i + 1]!;
      const xj = xy[2 * j]!;
      const yj = xy[2 * j + 1]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  }

  private eachCell(visit: (cell: number, area: number) => void): void {
    const last = (v: number, size: number, cells: number) => Math.min(cells - 1, Math.max(0, Math.floor(v / size)));
    for (let a = 0; a < this.areas.length; a++) {
      const b = a * 4;
      const c0 = last(this.boxes[b]! - this.minX, this.cellW, this.cols);
      const c1 = last(this.boxes[b + 2]! - this.minX, this.cellW, this.cols);
      const r0 = last(this.boxes[b + 1]! - this.minY, this.cellH, this.rows);
      const r1 = last(this.boxes[b + 3]! - this.minY, this.cellH, this.rows);
      for (let row = r0; row <= r1; row++) for (let col = c0; col <= c1; col++) visit(row * this.cols + col, a);
    }
  }
}
