/**
 * memory.rss: resident memory of the real server (`lianxin serve`) on a store with many cases, after it
 * has answered a few typical requests and then sat idle.
 */
import { mkdirSync } from 'node:fs';
import { caseStore } from '../data/case-store.ts';
import { BENCH_ADMIN, dataPath } from '../data/stores.ts';
import { benchPort, rssMb, startNode } from '../lib/processes.ts';
import { round } from '../lib/stats.ts';
import type { BenchOptions, Measure, Result } from '../lib/types.ts';
import { label } from './kpi-panel.ts';

export const memoryRss: Measure = {
  name: 'memory.rss',
  async run(opts: BenchOptions): Promise<Result[]> {
    const size = opts.quick ? 100_000 : 1_000_000;
    const store = await caseStore('sqlite', size, { fresh: opts.fresh, log: opts.log });
    const port = benchPort();
    const photoDir = dataPath('photos-rss');
    mkdirSync(photoDir, { recursive: true });
    const server = await startNode(['bin/lianxin.mjs', 'serve'], { DATABASE_URL: store.url, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', PHOTO_DIR: photoDir }, /Lianxin is serving/);
    try {
      const pid = server.process.pid!;
      const started = rssMb(pid);
      const base = `http://127.0.0.1:${port}`;
      const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(BENCH_ADMIN) });
      const headers = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
      for (const path of ['/api/v1/cases?pageSize=20', '/api/v1/cases?q=%E5%9E%83%E5%9C%BE&pageSize=20', '/api/v1/metrics/figures?node=BENCH&period=year', '/api/v1/grids/geojson']) {
        const res = await fetch(base + path, { headers });
        await res.arrayBuffer();
      }
      await new Promise((r) => setTimeout(r, (opts.quick ? 5 : 15) * 1000));
      const idle = rssMb(pid);
      return [{
        name: `memory.rss@${label(size)}`,
        store: 'sqlite',
        value: round(idle, 0),
        unit: 'MB',
        target: '≤ 300 MB (at 1m)',
        pass: idle <= 300,
        details: { cases: store.counts.cases, rss_after_start_mb: round(started, 0), peak_rss_mb: round(rssMb(pid, 'VmHWM'), 0) },
      }];
    } finally {
      await server.stop();
    }
  },
};
