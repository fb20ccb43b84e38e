/**
 * kpi.panel: p95 latency of `GET /api/v1/metrics/figures` (every figure of CASES.md from the roll-ups) for
 * a random org node and month, at growing numbers of cases, so growth is visible. Nodes are drawn kind by
 * kind (district, street, community, sector, grid equally), so the wide nodes are not drowned by grids.
 */
import { CASE_DAYS, benchGeography, caseStore } from '../data/case-store.ts';
import { randomFor } from '../data/random.ts';
import { openBenchApp } from '../lib/app.ts';
import { percentile, round, timeCalls } from '../lib/stats.ts';
import type { BenchOptions, Measure, Result } from '../lib/types.ts';

const SAMPLES = 200;
const TARGET_MS = 20;
export const label = (n: number) => (n >= 1e6 ? `${n / 1e6}m` : `${n / 1e3}k`);

/** The months the generated cases span (YYYY-MM). */
function months(): string[] {
  const out = new Set<string>();
  const now = Date.now();
  for (let d = 0; d < CASE_DAYS; d += 10) out.add(new Date(now - d * 86_400_000).toISOString().slice(0, 7));
  return [...out];
}

export const kpiPanel: Measure = {
  name: 'kpi.panel',
  async run(opts: BenchOptions): Promise<Result[]> {
    const sizes = opts.quick ? [10_000, 100_000] : [10_000, 1_000_000, ...(opts.with10m ? [10_000_000] : [])];
    const geo = benchGeography();
    const kinds = ['district', 'street', 'community', 'sector', 'grid'] as const;
    const byKind = new Map(kinds.map((k) => [k, geo.nodes.filter((n) => n.kind === k)]));
    const monthList = months();
    const results: Result[] = [];
    for (const size of sizes) {
      const store = await caseStore('sqlite', size, { fresh: opts.fresh, log: opts.log });
      const bench = await openBenchApp(store.url);
      const rand = randomFor(`kpi-${size}`);
      const picks = Array.from({ length: SAMPLES + 20 }, () => {
        const kind = kinds[Math.floor(rand() * kinds.length)]!;
        const nodes = byKind.get(kind)!;
        return { kind, node: nodes[Math.floor(rand() * nodes.length)]!.code, month: monthList[Math.floor(rand() * monthList.length)]! };
      });
      const perKind = new Map<string, number[]>();
      let i = 0;
      const times = await timeCalls(SAMPLES, 20, async () => {
        const p = picks[i++]!;
        const start = performance.now();
        await bench.get(`/api/v1/metrics/figures?node=${encodeURIComponent(p.node)}&period=month&date=${p.month}`);
        if (i > 20) perKind.set(p.kind, [...(perKind.get(p.kind) ?? []), performance.now() - start]);
      });
      await bench.close();
      const p95 = percentile(times, 95);
      results.push({
        name: `kpi.panel@${label(size)}`,
        store: 'sqlite',
        value: round(p95, 1),
        unit: 'ms p95',
        target: `≤ ${TARGET_MS} ms`,
        pass: p95 <= TARGET_MS,
        details: {
          cases: store.counts.cases,
          roll_up_rows: store.counts.stats,
          p50_ms: round(percentile(times, 50), 1),
          ...Object.fromEntries(kinds.map((k) => [`p95_${k}_ms`, round(percentile(perKind.get(k) ?? [], 95), 1)])),
          ...(store.buildSeconds ? { store_build_s: round(store.buildSeconds, 0) } : {}),
        },
      });
    }
    if (!opts.quick && !opts.with10m) {
      results.push({ name: 'kpi.panel@10m', value: NaN, unit: 'ms p95', target: `≤ ${TARGET_MS} ms`, note: 'not run: building 10,000,000 cases with their roll-ups takes longer than the 20-minute budget here; run with --with-10m' });
    }
    return results;
  },
};
