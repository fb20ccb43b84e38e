/**
 * intake.http: geo-located reports per second through the real server (validate, route, classify, check
 * for duplicates, set deadlines, commit durably, answer 201), from several concurrent clients, on SQLite
 * and PostgreSQL; against an empty Fastify route in the same process setup, measured in the same run.
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
// autocannon ships no types; its result is read field by field below.
// @ts-expect-error no declaration file
import autocannon from 'autocannon';
import { caseStore, benchGeography } from '../data/case-store.ts';
import { pointInGrid } from '../data/geography.ts';
import { randomFor, weightedPicker } from '../data/random.ts';
import { dataPath, isPostgresUp } from '../data/stores.ts';
import { reportTexts } from '../data/texts.ts';
import { gridWeights } from '../data/geography.ts';
import { type Child, benchPort, startNode } from '../lib/processes.ts';
import { round } from '../lib/stats.ts';
import type { BenchOptions, Measure, Result } from '../lib/types.ts';

const CONNECTIONS = 10;
const TOKEN = 'bench-anonymous-reporter-token-0123456789';

/** A fresh report body each time: a corpus message at a point inside a (busy-weighted) grid. */
function reportBodies(): () => string {
  const geo = benchGeography();
  const rand = randomFor('intake-bodies');
  const text = reportTexts(randomFor('intake-texts'));
  const pickGrid = weightedPicker(gridWeights(geo));
  return () => {
    const grid = geo.grids[pickGrid(rand())]!;
    const r = text();
    return JSON.stringify({ description: r.description, address: r.address, location: pointInGrid(geo, grid, rand(), rand()) });
  };
}

interface Load {
  perSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  total: number;
}

async function load(port: number, seconds: number): Promise<Load> {
  const body = reportBodies();
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [{ method: 'POST', path: '/api/v1/cases', headers: { 'content-type': 'application/json', 'x-report-token': TOKEN }, setupRequest: (req: any) => ({ ...req, body: body() }) }],
  });
  const ok = result['2xx'];
  return { perSecond: ok / (result.duration || seconds), p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors, total: result.requests.total };
}

async function measureServer(child: Child, port: number, seconds: number): Promise<Load> {
  try {
    await load(port, Math.min(3, seconds)); // warm-up: JIT, classifier, connection pools
    return await load(port, seconds);
  } finally {
    await child.stop();
  }
}

async function lianxinServer(url: string, port: number): Promise<Child> {
  const photoDir = dataPath(`photos-${port}`);
  mkdirSync(photoDir, { recursive: true });
  return startNode(['bin/lianxin.mjs', 'serve'], { DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', PHOTO_DIR: photoDir }, /Lianxin is serving/);
}

export const intakeHttp: Measure = {
  name: 'intake.http',
  async run(opts: BenchOptions): Promise<Result[]> {
    const seconds = opts.quick ? 8 : 30;
    const preload = opts.quick ? 10_000 : 100_000;
    const results: Result[] = [];

    const emptyPort = benchPort();
    const empty = await measureServer(await startNode(['--import', 'tsx', 'bench/servers/empty-server.ts'], { PORT: String(emptyPort) }, /listening/), emptyPort, seconds);
    results.push({ name: 'http.empty', value: round(empty.perSecond, 0), unit: 'req/s', details: { p50_ms: empty.p50, p99_ms: empty.p99, connections: CONNECTIONS } });

    const stores: ('sqlite' | 'postgres')[] = (await isPostgresUp()) ? ['sqlite', 'postgres'] : ['sqlite'];
    for (const store of stores) {
      opts.log(`  intake.http on ${store}: store with the city and ${preload.toLocaleString('en')} earlier cases`);
      const built = await caseStore(store, preload, { fresh: opts.fresh, log: opts.log });
      let url = built.url;
      let scratch: string | null = null;
      if (store === 'sqlite') {
        // The run adds cases; work on a copy so the cached store stays as generated.
        scratch = dataPath(`intake-${process.pid}.db`);
        copyFileSync(built.url.slice('sqlite:'.length), scratch);
        url = `sqlite:${scratch}`;
      }
      const port = benchPort();
      const run = await measureServer(await lianxinServer(url, port), port, seconds);
      if (scratch) for (const s of ['', '-wal', '-shm']) rmSync(scratch + s, { force: true });
      const failed = run.non2xx + run.errors;
      results.push({
        name: 'intake.http',
        store,
        value: round(run.perSecond, 0),
        unit: 'reports/s',
        baseline: 'http.empty',
        ratio: round(run.perSecond / empty.perSecond, 3),
        target: store === 'sqlite' ? '≥ 3000/s, p99 ≤ 50 ms' : undefined,
        pass: store === 'sqlite' ? run.perSecond >= 3000 && run.p99 <= 50 : undefined,
        details: { p50_ms: run.p50, p99_ms: run.p99, connections: CONNECTIONS, seconds, failed, earlier_cases: preload },
        note: failed ? `${failed} of ${run.total} requests failed` : undefined,
      });
    }
    return results;
  },
};
