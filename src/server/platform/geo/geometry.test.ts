import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type AreaGeometry, centroid, describeProblem, pointInArea, validateAreaGeometry } from './geometry.ts';
import { GridIndex } from './grid-index.ts';

const square = (x: number, y: number, s: number) => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];

test('a closed, simple polygon is valid', () => {
  assert.deepEqual(validateAreaGeometry({ type: 'Polygon', coordinates: [square(91.1, 29.6, 0.01)] }), []);
});

test('each kind of broken boundary is named', () => {
  const reasons = (g: unknown) => validateAreaGeometry(g).map((p) => p.reason);
  assert.deepEqual(reasons({ type: 'Point', coordinates: [91, 29] }), ['NOT_AN_AREA']);
  assert.deepEqual(reasons({ type: 'Polygon', coordinates: [[[91.1, 29.6], [91.2, 29.6], [91.2, 29.7], [91.1, 29.7]]] }), ['RING_NOT_CLOSED']);
  assert.deepEqual(reasons({ type: 'Polygon', coordinates: [[[91.1, 29.6], [91.2, 29.6], [91.1, 29.6]]] }), ['TOO_FEW_POSITIONS']);
  // A bow tie crosses itself.
  assert.deepEqual(reasons({ type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] }), ['SELF_INTERSECTION']);
  // Lhasa written as [lat, lng].
  assert.deepEqual(reasons({ type: 'Polygon', coordinates: [square(29.6, 91.1, 0.01)] }), ['COORDINATE_ORDER']);
  assert.deepEqual(reasons({ type: 'Polygon', coordinates: [square(200, 10, 1)] }), ['OUT_OF_RANGE']);
  assert.deepEqual(reasons({ type: 'Polygon', coordinates: [[['a', 1], [1, 1], [1, 0], ['a', 1]]] }), ['BAD_POSITION']);
  assert.deepEqual(reasons({ type: 'Polygon', coordinates: [square(0, 0, 1), square(5, 5, 1)] }), ['HOLE_OUTSIDE']);
});

test('problems read in Chinese by default and in English on request', () => {
  const [p] = validateAreaGeometry({ type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] });
  assert.match(describeProblem(p!, 'zh-CN'), /自相交/);
  assert.match(describeProblem(p!, 'en'), /intersects itself/);
});

test('point in polygon respects holes and every part of a multipolygon', () => {
  const withHole: AreaGeometry = { type: 'Polygon', coordinates: [square(0, 0, 10) as any, square(4, 4, 2) as any] };
  assert.equal(pointInArea(1, 1, withHole), true);
  assert.equal(pointInArea(5, 5, withHole), false, 'inside the hole');
  assert.equal(pointInArea(11, 5, withHole), false);
  const multi: AreaGeometry = { type: 'MultiPolygon', coordinates: [[square(0, 0, 1) as any], [square(5, 5, 1) as any]] };
  assert.equal(pointInArea(5.5, 5.5, multi), true);
  assert.equal(pointInArea(3, 3, multi), false);
});

test('the centroid of a square with a hole is weighted by area', () => {
  assert.deepEqual(centroid({ type: 'Polygon', coordinates: [square(0, 0, 2) as any] }), [1, 1]);
  // A 4×4 square with a 2×2 hole in its right half: the mass shifts left.
  const [x, y] = centroid({ type: 'Polygon', coordinates: [square(0, 0, 4) as any, square(2, 1, 2) as any] });
  assert.ok(x < 2 && x > 1.5, `x=${x}`);
  assert.equal(y, 2);
});

test('the grid index answers the smallest containing grid and null outside', async () => {
  const rows = [
    { id: 'big', geometry: JSON.stringify({ type: 'Polygon', coordinates: [square(0, 0, 10)] }) },
    { id: 'small', geometry: JSON.stringify({ type: 'Polygon', coordinates: [square(2, 2, 1)] }) },
    { id: 'holey', geometry: JSON.stringify({ type: 'Polygon', coordinates: [square(20, 20, 10), square(24, 24, 2)] }) },
  ];
  const fakeDb = {
    selectFrom: (table: string) => {
      const q: any = { select: () => q, where: () => q, execute: async () => (table === 'org_nodes' ? rows : []) };
      return q;
    },
  };
  const index = await GridIndex.load(fakeDb as any);
  assert.equal(index.locateGrid(2.5, 2.5), 'small');
  assert.equal(index.locateGrid(5, 5), 'big');
  assert.equal(index.locateGrid(25, 25), null, 'inside the hole of the only candidate');
  assert.equal(index.locateGrid(21, 21), 'holey');
  assert.equal(index.locateGrid(-1, -1), null);
  assert.equal(index.locatePoliceBeat(2.5, 2.5), null);
});
