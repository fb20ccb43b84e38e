/**
 * search.text: p95 latency of a Chinese full-text case search (`GET /api/v1/cases?q=…`, first page, as an
 * admin who sees everything) with words people type, taken from real messages.
 */
import { caseStore } from '../data/case-store.ts';
import { randomFor } from '../data/random.ts';
import { searchWords } from '../data/texts.ts';
import { openBenchApp } from '../lib/app.ts';
import { percentile, round, timeCalls } from '../lib/stats.ts';
import type { BenchOptions, Measure, Result } from '../lib/types.ts';
import { label } from './kpi-panel.ts';

const SAMPLES = 200;

export const searchText: Measure = {
  name: 'search.text',
  async run(opts: BenchOptions): Promise<Result[]> {
    const size = opts.quick ? 100_000 : 1_000_000;
    const store = await caseStore('sqlite', size, { fresh: opts.fresh, log: opts.log });
    const bench = await openBenchApp(store.url);
    const words = searchWords(randomFor('search-words'), SAMPLES + 10);
    const hits: number[] = [];
    let i = 0;
    const times = await timeCalls(SAMPLES, 10, async () => {
      const body = await bench.get(`/api/v1/cases?q=${encodeURIComponent(words[i++]!)}&pageSize=20`);
      hits.push(body.total);
    });
    await bench.close();
    const p95 = percentile(times, 95);
    return [{
      name: `search.text@${label(size)}`,
      store: 'sqlite',
      value: round(p95, 1),
      unit: 'ms p95',
      target: '≤ 50 ms (at 1m)',
      pass: p95 <= 50,
      details: { cases: store.counts.cases, p50_ms: round(percentile(times, 50), 1), median_hits: percentile(hits, 50), max_hits: Math.max(...hits) },
    }];
  },
};
