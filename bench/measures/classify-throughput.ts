/** classify.throughput: report texts per second through the shipped classifier, on one core (this thread). */
import { defaultClassifier } from '../../src/server/platform/text/classifier.ts';
import { randomFor } from '../data/random.ts';
import { reportTexts } from '../data/texts.ts';
import { round } from '../lib/stats.ts';
import type { BenchOptions, Measure, Result } from '../lib/types.ts';

export const classifyThroughput: Measure = {
  name: 'classify.throughput',
  async run(opts: BenchOptions): Promise<Result[]> {
    const trainStart = performance.now();
    const classifier = defaultClassifier();
    classifier.classify('路灯坏了');
    const trainMs = performance.now() - trainStart;
    const next = reportTexts(randomFor('classify-texts'));
    const texts = Array.from({ length: 5000 }, () => next().description);
    for (const t of texts.slice(0, 500)) classifier.classify(t);
    let n = 0;
    const start = performance.now();
    const cpu = process.cpuUsage();
    const until = start + (opts.quick ? 3 : 10) * 1000;
    while (performance.now() < until) for (let k = 0; k < 500; k++) classifier.classify(texts[n++ % texts.length]!);
    const perSecond = n / ((performance.now() - start) / 1000);
    const used = process.cpuUsage(cpu);
    return [{ name: 'classify.throughput', value: round(perSecond, 0), unit: 'texts/s', details: { per_cpu_second: round(n / ((used.user + used.system) / 1e6), 0), threads: 1, training_ms: round(trainMs, 0), mean_chars: round(texts.reduce((a, t) => a + t.length, 0) / texts.length, 0) } }];
  },
};
