import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { AreaBuckets } from './area-buckets.ts';
import { type AreaGeometry, planarArea, pointInArea } from './geometry.ts';

// The flat index must answer exactly what the plain rule answers: the smallest area containing the point.

/** A star-shaped ring around (cx, cy): irregular, never self-intersecting, closed. */
function star(cx: number, cy: number, radii: number[]): [number, number][] {
  const ring = radii.map((r, i) => {
    const t = (2 * Math.PI * i) / radii.length;
    return [cx + r * Math.cos(t), cy + r * Math.sin(t)] as [number, number];
  });
  return [...ring, ring[0]!];
}

const area = fc.record({
  cx: fc.double({ min: 91, max: 91.2, noNaN: true }),
  cy: fc.double({ min: 29.5, max: 29.7, noNaN: true }),
  radii: fc.array(fc.double({ min: 0.002, max: 0.03, noNaN: true }), { minLength: 3, maxLength: 12 }),
  hole: fc.boolean(),
  second: fc.boolean(),
}).map(({ cx, cy, radii, hole, second }): AreaGeometry => {
  const outer = star(cx, cy, radii);
  const small = Math.min(...radii) / 3;
  const polygon = hole ? [outer, star(cx, cy, [small, small, small, small])] : [outer];
  return second ? { type: 'MultiPolygon', coordinates: [polygon, [star(cx + 0.1, cy, [0.004, 0.006, 0.005])]] } : { type: 'Polygon', coordinates: polygon };
});

function plainLocate(geometries: AreaGeometry[], x: number, y: number): number {
  let best = -1;
  geometries.forEach((g, i) => {
    if ((best < 0 || planarArea(g) < planarArea(geometries[best]!)) && pointInArea(x, y, g)) best = i;
  });
  return best;
}

test('the buckets find the same area as testing every area, holes, islands and overlaps included', () => {
  fc.assert(
    fc.property(fc.array(area, { minLength: 1, maxLength: 40 }), fc.array(fc.tuple(fc.double({ min: 90.95, max: 91.35, noNaN: true }), fc.double({ min: 29.45, max: 29.75, noNaN: true })), { minLength: 50, maxLength: 50 }), (geometries, points) => {
      const index = new AreaBuckets(geometries, geometries.map(planarArea));
      for (const [x, y] of points) {
        const got = index.locate(x, y);
        const want = plainLocate(geometries, x, y);
        // Equal areas may tie; then any of them is right, as long as it contains the point.
        if (got !== want) assert.ok(got >= 0 && want >= 0 && planarArea(geometries[got]!) === planarArea(geometries[want]!) && pointInArea(x, y, geometries[got]!), `(${x}, ${y}): ${got} vs ${want}`);
      }
    }),
    { numRuns: 300, endOnFailure: true },
  );
});

test('points on the far edge of the extent and outside it', () => {
  const square: AreaGeometry = { type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] };
  const index = new AreaBuckets([square], [4]);
  assert.equal(index.locate(1, 1), 0);
  assert.equal(index.locate(1.999999, 1.999999), 0);
  assert.equal(index.locate(2.5, 1), -1);
  assert.equal(index.locate(-0.1, 1), -1);
});
