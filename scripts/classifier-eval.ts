#!/usr/bin/env node
/**
 * Evaluates the case classifier (docs/CLASSIFIER.md reports its output).
 *
 * 1. Template split: 20% of each minor of corpus/cases held out (seed 42), model trained on the other 80%.
 * 2. Hand-written set: corpus/eval/handwritten.jsonl, messages written apart from the templates, classified by
 *    the model that ships (trained on the whole corpus).
 * 3. Training time and single-thread throughput.
 *
 * Usage: npm run classifier:eval [-- --sweep] [-- --errors] [-- --json]
 *   --sweep   also tries other epochs / step sizes and fits the temperature (how the defaults were chosen)
 *   --errors  lists every hand-written message the model gets wrong
 */
import { corpusExamples, trainClassifier, type SoftmaxClassifier } from '../src/server/platform/text/classifier.ts';
import { handwrittenExamples } from '../src/server/platform/text/corpus.ts';
import { evaluateClassifier, measureThroughput, stratifiedSplit, type Evaluation, type Example } from '../src/server/platform/text/evaluate.ts';
import { normalizeText } from '../src/server/platform/text/tokenize.ts';

const args = new Set(process.argv.slice(2));
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

/** Mean negative log-likelihood of the true category: the quantity the temperature is fitted to. */
function logLoss(model: SoftmaxClassifier, examples: Example[]): number {
  let sum = 0;
  for (const e of examples) {
    const p = model.distribution(e.text)[model.categories.indexOf(e.category)] ?? 0;
    sum -= Math.log(Math.max(p, 1e-12));
  }
  return sum / examples.length;
}

function report(title: string, ev: Evaluation): void {
  console.log(`\n## ${title} (${ev.n} texts)`);
  console.log(`minor accuracy ${pct(ev.minorAccuracy)}   major accuracy ${pct(ev.majorAccuracy)}   calibration error ${ev.calibrationError.toFixed(3)}`);
  for (const t of ev.atThreshold) console.log(`  confidence >= ${t.threshold}: ${pct(t.coverage)} of texts, ${pct(t.accuracy)} right`);
  console.log('  most confused (expected → predicted × count):');
  for (const c of ev.confusions.slice(0, 10)) console.log(`    ${c.expected} → ${c.predicted} × ${c.count}`);
}

const corpus = corpusExamples();
const handwritten = handwrittenExamples();
const { train, test } = stratifiedSplit(corpus, 0.2, 42);

// The hand-written set is only meaningful if none of it is in the corpus.
const corpusKeys = new Set(corpus.map((e) => normalizeText(e.text).replace(/[\s\p{P}]/gu, '')));
const leaked = handwritten.filter((e) => corpusKeys.has(normalizeText(e.text).replace(/[\s\p{P}]/gu, '')));

const split = timed(() => trainClassifier(train));
const splitEval = evaluateClassifier(split.value, test);
const full = timed(() => trainClassifier(corpus));
const handEval = evaluateClassifier(full.value, handwritten);
const handSplitEval = evaluateClassifier(split.value, handwritten);
const throughput = measureThroughput(full.value, test.map((e) => e.text), 2000);

const perMajor = new Map<string, number>();
for (const e of corpus) perMajor.set(e.category.slice(0, 2), (perMajor.get(e.category.slice(0, 2)) ?? 0) + 1);
const perMinor = new Map<string, number>();
for (const e of corpus) perMinor.set(e.category, (perMinor.get(e.category) ?? 0) + 1);

if (args.has('--json')) {
  console.log(
    JSON.stringify(
      {
        corpus: { total: corpus.length, perMajor: [...perMajor].map(([major, examples]) => ({ major, examples })), minPerMinor: Math.min(...perMinor.values()) },
        templateSplit: { train: train.length, test: test.length, minor: splitEval.minorAccuracy, major: splitEval.majorAccuracy, calibrationError: splitEval.calibrationError, confusions: splitEval.confusions.slice(0, 10) },
        handwritten: { n: handEval.n, minor: handEval.minorAccuracy, major: handEval.majorAccuracy, calibrationError: handEval.calibrationError, leaked: leaked.length },
        trainMs: { split: split.ms, full: full.ms },
        textsPerSecond: throughput,
      },
      null,
      2,
    ),
  );
} else {
  console.log(`# Case classifier evaluation (Node ${process.version})`);
  console.log(`corpus: ${corpus.length} examples, ${perMinor.size} minors (min ${Math.min(...perMinor.values())} per minor)`);
  console.log(`per major: ${[...perMajor].map(([m, n]) => `${m}:${n}`).join(' ')}`);
  console.log(`training: ${split.ms.toFixed(0)} ms on ${train.length} examples (split), ${full.ms.toFixed(0)} ms on the whole corpus`);
  console.log(`throughput: ${Math.round(throughput)} texts/s on one thread`);
  report('Template split: 20% held out per minor, seed 42', splitEval);
  report('Hand-written set, model trained on the whole corpus (what ships)', handEval);
  console.log(`  (the split model scores ${pct(handSplitEval.minorAccuracy)} minor / ${pct(handSplitEval.majorAccuracy)} major on it; ${leaked.length} hand-written texts also occur in the corpus)`);
  if (args.has('--errors')) {
    console.log('\n## Hand-written errors (expected → predicted, confidence)');
    for (const e of handEval.errors) console.log(`  ${e.expected} → ${e.predicted} ${e.confidence.toFixed(2)}  ${e.text}`);
  }
}

if (args.has('--sweep')) {
  // Settings are chosen on the template split only, so the hand-written set stays an honest test.
  console.log('\n## Sweep on the template split (epochs × step → minor accuracy, training ms)');
  for (const epochs of [3, 5, 8]) {
    const row: string[] = [];
    for (const learningRate of [1, 2, 4, 6]) {
      const t = timed(() => trainClassifier(train, { epochs, learningRate }));
      row.push(`step ${learningRate}: ${pct(evaluateClassifier(t.value, test).minorAccuracy)} ${t.ms.toFixed(0)} ms`);
    }
    console.log(`  epochs ${epochs}  ${row.join('   ')}`);
  }
  console.log('\n## Temperature (log loss on the template split)');
  let best = { temperature: 1, loss: Infinity };
  for (let t = 0.35; t <= 1.251; t += 0.05) {
    const loss = logLoss(split.value.withTemperature(t), test);
    if (loss < best.loss) best = { temperature: t, loss };
    console.log(`  ${t.toFixed(2)}  ${loss.toFixed(4)}`);
  }
  console.log(`  best ${best.temperature.toFixed(2)} (default ${split.value.temperature})`);
}
