import kinks from '@turf/kinks';
import type { Locale } from '../../http/errors.ts';

export type Position = [number, number];
export type Ring = Position[];
export type PolygonCoords = Ring[];
export type AreaGeometry =
  | { type: 'Polygon'; coordinates: PolygonCoords }
  | { type: 'MultiPolygon'; coordinates: PolygonCoords[] };

export type GeometryProblemReason =
  | 'NOT_AN_AREA'
  | 'BAD_POSITION'
  | 'OUT_OF_RANGE'
  | 'COORDINATE_ORDER'
  | 'TOO_FEW_POSITIONS'
  | 'RING_NOT_CLOSED'
  | 'SELF_INTERSECTION'
  | 'HOLE_OUTSIDE';

/** Why a geometry was refused, and where: `ring` counts rings across the whole geometry, `at` is a position. */
export interface GeometryProblem {
  reason: GeometryProblemReason;
  polygon?: number;
  ring?: number;
  at?: Position;
}

const reasonText: Record<GeometryProblemReason, { zh: string; en: string }> = {
  NOT_AN_AREA: { zh: '几何类型必须是 Polygon 或 MultiPolygon', en: 'geometry must be a Polygon or MultiPolygon' },
  BAD_POSITION: { zh: '坐标必须是 [经度, 纬度] 两个数字', en: 'each position must be two numbers [lng, lat]' },
  OUT_OF_RANGE: { zh: '坐标超出范围（经度 -180~180，纬度 -90~90）', en: 'coordinates out of range (lng -180..180, lat -90..90)' },
  COORDINATE_ORDER: { zh: '坐标顺序颠倒：应为 [经度, 纬度]，而不是 [纬度, 经度]', en: 'wrong coordinate order: use [lng, lat], not [lat, lng]' },
  TOO_FEW_POSITIONS: { zh: '边界环至少需要 4 个坐标点', en: 'a ring needs at least 4 positions' },
  RING_NOT_CLOSED: { zh: '边界环未闭合（首尾坐标必须相同）', en: 'ring is not closed (first and last positions must be equal)' },
  SELF_INTERSECTION: { zh: '边界自相交', en: 'boundary intersects itself' },
  HOLE_OUTSIDE: { zh: '内环（洞）不在外环之内', en: 'a hole lies outside its outer ring' },
};

/** A problem in words a person can act on, in the caller's language. */
export function describeProblem(p: GeometryProblem, locale: Locale): string {
  const text = locale === 'en' ? reasonText[p.reason].en : reasonText[p.reason].zh;
  const where: string[] = [];
  if (p.polygon !== undefined) where.push(locale === 'en' ? `polygon ${p.polygon}` : `第 ${p.polygon} 个多边形`);
  if (p.ring !== undefined) where.push(locale === 'en' ? `ring ${p.ring}` : `第 ${p.ring} 个环`);
  if (p.at) where.push(`[${p.at[0]}, ${p.at[1]}]`);
  return where.length ? `${text} (${where.join(', ')})` : text;
}

function isNumberPair(p: unknown): p is Position {
  return Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number' && Number.isFinite(p[0]) && Number.isFinite(p[1]);
}

/**
 * Checks an area geometry as a grid boundary must be: Polygon or MultiPolygon, [lng, lat] positions in
 * range, closed rings of 4+ positions, no self-intersection, holes inside their outer ring.
 * Returns every problem found (empty when valid).
 */
export function validateAreaGeometry(geometry: unknown): GeometryProblem[] {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (!g || typeof g !== 'object' || (g.type !== 'Polygon' && g.type !== 'MultiPolygon') || !Array.isArray(g.coordinates)) {
    return [{ reason: 'NOT_AN_AREA' }];
  }
  const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown[];
  if (polygons.length === 0) return [{ reason: 'NOT_AN_AREA' }];
  const problems: GeometryProblem[] = [];
  polygons.forEach((poly, pi) => {
    const polygon = g.type === 'MultiPolygon' ? pi : undefined;
    if (!Array.isArray(poly) || poly.length === 0) {
      problems.push({ reason: 'NOT_AN_AREA', polygon });
      return;
    }
    const ringProblems = poly.flatMap((ring, ri) => validateRing(ring, polygon, ri));
    problems.push(...ringProblems);
    if (ringProblems.length > 0) return;
    const rings = poly as Ring[];
    const crossing = kinks({ type: 'Polygon', coordinates: rings });
    if (crossing.features.length > 0) {
      const at = crossing.features[0]!.geometry.coordinates as Position;
      problems.push({ reason: 'SELF_INTERSECTION', polygon, at: [round(at[0]), round(at[1])] });
      return;
    }
    rings.slice(1).forEach((hole, hi) => {
      if (!hole.every((p) => pointInRing(p[0], p[1], rings[0]!) || onRing(p, rings[0]!))) {
        problems.push({ reason: 'HOLE_OUTSIDE', polygon, ring: hi + 1 });
      }
    });
  });
  return problems;
}

function validateRing(ring: unknown, polygon: number | undefined, ri: number): GeometryProblem[] {
  if (!Array.isArray(ring)) return [{ reason: 'BAD_POSITION', polygon, ring: ri }];
  for (const p of ring) {
    if (!isNumberPair(p)) return [{ reason: 'BAD_POSITION', polygon, ring: ri }];
    const [x, y] = p;
    if (Math.abs(y) > 90 && Math.abs(x) <= 90 && Math.abs(y) <= 180) return [{ reason: 'COORDINATE_ORDER', polygon, ring: ri, at: [x, y] }];
    if (Math.abs(x) > 180 || Math.abs(y) > 90) return [{ reason: 'OUT_OF_RANGE', polygon, ring: ri, at: [x, y] }];
  }
  if (ring.length < 4) return [{ reason: 'TOO_FEW_POSITIONS', polygon, ring: ri }];
  const first = ring[0] as Position;
  const last = ring[ring.length - 1] as Position;
  if (first[0] !== last[0] || first[1] !== last[1]) return [{ reason: 'RING_NOT_CLOSED', polygon, ring: ri }];
  return [];
}

function round(n: number): number {
  return Math.round(n * 1e7) / 1e7;
}

function onRing(p: Position, ring: Ring): boolean {
  return ring.some((q) => q[0] === p[0] && q[1] === p[1]);
}

/** Even-odd ray casting against one closed ring. */
export function pointInRing(x: number, y: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i]![0];
    const yi = ring[i]![1];
    const xj = ring[j]![0];
    const yj = ring[j]![1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the outer ring and outside every hole. */
export function pointInPolygon(x: number, y: number, polygon: PolygonCoords): boolean {
  if (!pointInRing(x, y, polygon[0]!)) return false;
  for (let h = 1; h < polygon.length; h++) if (pointInRing(x, y, polygon[h]!)) return false;
  return true;
}

/** Inside any part of a Polygon or MultiPolygon. */
export function pointInArea(x: number, y: number, geometry: AreaGeometry): boolean {
  if (geometry.type === 'Polygon') return pointInPolygon(x, y, geometry.coordinates);
  return geometry.coordinates.some((poly) => pointInPolygon(x, y, poly));
}

export function polygonsOf(geometry: AreaGeometry): PolygonCoords[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** [minLng, minLat, maxLng, maxLat] of the outer rings. */
export function bbox(geometry: AreaGeometry): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const poly of polygonsOf(geometry)) {
    for (const [x, y] of poly[0]!) {
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    }
  }
  return [minX, minY, maxX, maxY];
}

function ringAreaAndMoment(ring: Ring, ox = 0, oy = 0): { a: number; cx: number; cy: number } {
  // Coordinates are shifted to a nearby origin first: shoelace sums of raw longitudes lose precision.
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xj = ring[j]![0] - ox;
    const yj = ring[j]![1] - oy;
    const xi = ring[i]![0] - ox;
    const yi = ring[i]![1] - oy;
    const f = xj * yi - xi * yj;
    a += f;
    cx += (xj + xi) * f;
    cy += (yj + yi) * f;
  }
  return { a: a / 2, cx, cy };
}

/** Planar signed-area measure (degrees²), outer rings minus holes; used to compare sizes, not to report them. */
export function planarArea(geometry: AreaGeometry): number {
  let total = 0;
  for (const poly of polygonsOf(geometry)) {
    poly.forEach((ring, i) => {
      const a = Math.abs(ringAreaAndMoment(ring).a);
      total += i === 0 ? a : -a;
    });
  }
  return total;
}

/** The area-weighted centroid [lng, lat] (holes subtracted), rounded to ~1 cm. */
export function centroid(geometry: AreaGeometry): Position {
  const [ox, oy] = polygonsOf(geometry)[0]![0]![0]!;
  let area = 0;
  let sx = 0;
  let sy = 0;
  for (const poly of polygonsOf(geometry)) {
    poly.forEach((ring, i) => {
      const m = ringAreaAndMoment(ring, ox, oy);
      // Holes subtract; a ring's orientation only flips the sign of its own moments.
      const s = i === 0 ? 1 : -1;
      const orientation = Math.sign(m.a) || 1;
      area += s * Math.abs(m.a);
      sx += s * orientation * m.cx;
      sy += s * orientation * m.cy;
    });
  }
  if (area === 0) {
    const [minX, minY, maxX, maxY] = bbox(geometry);
    return [round((minX + maxX) / 2), round((minY + maxY) / 2)];
  }
  return [round(ox + sx / (6 * area)), round(oy + sy / (6 * area))];
}
