/**
 * route.lookup: point → grid lookups per second in the server's in-memory index (GridIndex) over 100,000
 * generated irregular grid polygons; against PostGIS `ST_Contains` on a GiST index with the same polygons
 * and points (prepared statement, a few concurrent clients), measured in the same run.
 */
import pg from 'pg';
import { type Lattice, cellPolygon, hashUnit } from '../data/lattice.ts';
import { PG_BENCH_DB, isPostgresUp, withBenchPg } from '../data/stores.ts';
import { GridIndex } from '../../src/server/platform/geo/grid-index.ts';
import type { AreaGeometry } from '../../src/server/platform/geo/geometry.ts';
import { PG_ADMIN_URL } from '../data/stores.ts';
import { round } from '../lib/stats.ts';
import type { BenchOptions, Measure, Result } from '../lib/types.ts';

const POLYGONS = 100_000;
const LATTICE: Lattice = { cols: 400, rows: 250, west: 90.9, south: 29.5, cellLng: 0.002, cellLat: 0.0015, edgeVertices: 3, seed: 100_000 };
const PG_CLIENTS = 4;

function polygons(): { id: string; geometry: AreaGeometry }[] {
  const out: { id: string; geometry: AreaGeometry }[] = [];
  for (let j = 0; j < LATTICE.rows; j++) for (let i = 0; i < LATTICE.cols; i++) out.push({ id: `r${i}-${j}`, geometry: cellPolygon(LATTICE, i, j) });
  return out;
}

/** Points anywhere over the lattice (a few fall on no grid near its border, as real reports can). */
function points(n: number): Float64Array {
  const xy = new Float64Array(n * 2);
  for (let k = 0; k < n; k++) {
    xy[2 * k] = LATTICE.west + (hashUnit(k, 1, 3, 5) * 1.002 - 0.001) * LATTICE.cols * LATTICE.cellLng;
    xy[2 * k + 1] = LATTICE.south + (hashUnit(k, 2, 3, 5) * 1.002 - 0.001) * LATTICE.rows * LATTICE.cellLat;
  }
  return xy;
}

function inMemory(index: GridIndex, xy: Float64Array, minSeconds: number): { perSecond: number; perCpuSecond: number; found: number } {
  const n = xy.length / 2;
  let found = 0;
  for (let k = 0; k < Math.min(n, 50_000); k++) index.locateGrid(xy[2 * k]!, xy[2 * k + 1]!); // warm-up
  let lookups = 0;
  const start = performance.now();
  const cpu = process.cpuUsage();
  do {
    found = 0;
    for (let k = 0; k < n; k++) if (index.locateGrid(xy[2 * k]!, xy[2 * k + 1]!) !== null) found++;
    lookups += n;
  } while (performance.now() - start < minSeconds * 1000);
  const used = process.cpuUsage(cpu);
  return { perSecond: lookups / ((performance.now() - start) / 1000), perCpuSecond: lookups / ((used.user + used.system) / 1e6), found: found / n };
}

async function postgis(grids: { id: string; geometry: AreaGeometry }[], xy: Float64Array, seconds: number, log: (s: string) => void): Promise<{ perSecond: number; agree: number } | { missing: string }> {
  const available = await withBenchPg(async (c) => (await c.query(`select 1 from pg_available_extensions where name = 'postgis'`)).rowCount);
  if (!available) return { missing: 'PostGIS is not installed (apt-get install postgresql-15-postgis-3)' };
  await withBenchPg(async (c) => {
    await c.query('create extension if not exists postgis');
    await c.query('drop schema if exists b_route cascade');
    await c.query('create schema b_route');
    await c.query('create table b_route.grids (id text primary key, geom geometry(Polygon, 4326) not null)');
    log(`  route.postgis: loading ${grids.length.toLocaleString('en')} polygons`);
    for (let i = 0; i < grids.length; i += 2000) {
      const chunk = grids.slice(i, i + 2000);
      await c.query(`insert into b_route.grids (id, geom) select id, ST_SetSRID(ST_GeomFromGeoJSON(g), 4326) from unnest($1::text[], $2::text[]) as t(id, g)`, [chunk.map((g) => g.id), chunk.map((g) => JSON.stringify(g.geometry))]);
    }
    await c.query('create index grids_geom on b_route.grids using gist (geom)');
    await c.query('analyze b_route.grids');
  });
  const url = PG_ADMIN_URL.replace(/\/[^/?]*(\?.*)?$/, `/${PG_BENCH_DB}`);
  const clients = await Promise.all(Array.from({ length: PG_CLIENTS }, async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    return c;
  }));
  const n = xy.length / 2;
  const locate = (c: pg.Client, k: number) => c.query({ name: 'locate', text: 'select id from b_route.grids where ST_Contains(geom, ST_SetSRID(ST_MakePoint($1, $2), 4326)) limit 1', values: [xy[2 * k], xy[2 * k + 1]] });
  try {
    let next = 0;
    let lookups = 0;
    const deadline = performance.now() + 1000; // warm-up second
    await Promise.all(clients.map(async (c) => { while (performance.now() < deadline) await locate(c, next++ % n); }));
    const start = performance.now();
    const end = start + seconds * 1000;
    await Promise.all(clients.map(async (c) => {
      while (performance.now() < end) {
        await locate(c, next++ % n);
        lookups++;
      }
    }));
    const perSecond = lookups / ((performance.now() - start) / 1000);
    // The two indexes must agree on where points fall, or the comparison means nothing.
    const index = GridIndex.fromAreas(grids);
    let agree = 0;
    for (let k = 0; k < 500; k++) {
      const r = await locate(clients[0]!, k);
      if ((r.rows[0]?.id ?? null) === index.locateGrid(xy[2 * k]!, xy[2 * k + 1]!)) agree++;
    }
    return { perSecond, agree: agree / 500 };
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

export const routeLookup: Measure = {
  name: 'route.lookup',
  async run(opts: BenchOptions): Promise<Result[]> {
    const grids = polygons();
    const xy = points(opts.quick ? 200_000 : 1_000_000);
    const built = performance.now();
    const index = GridIndex.fromAreas(grids);
    const buildMs = performance.now() - built;
    const mem = inMemory(index, xy, opts.quick ? 2 : 5);
    const results: Result[] = [];
    let ratio: number | undefined;
    if (await isPostgresUp()) {
      const gis = await postgis(grids, xy, opts.quick ? 5 : 15, opts.log);
      if ('missing' in gis) results.push({ name: 'route.postgis', value: NaN, unit: 'lookups/s', note: gis.missing });
      else {
        ratio = round(mem.perSecond / gis.perSecond, 1);
        results.push({ name: 'route.postgis', value: round(gis.perSecond, 0), unit: 'lookups/s', store: 'postgres', details: { clients: PG_CLIENTS, polygons: POLYGONS, agreement_with_index: gis.agree } });
      }
    }
    results.unshift({
      name: 'route.lookup',
      value: round(mem.perSecond, 0),
      unit: 'lookups/s',
      baseline: 'route.postgis',
      ratio,
      target: '≥ 1,000,000/s',
      pass: mem.perSecond >= 1_000_000,
      details: { per_cpu_second: round(mem.perCpuSecond, 0), polygons: POLYGONS, vertices_per_polygon: 4 * (LATTICE.edgeVertices + 1), points_in_a_grid: round(mem.found, 4), index_build_ms: round(buildMs, 0), threads: 1 },
    });
    return results;
  },
};
