/**
 * Measures the case classifier: a stratified held-out split of the corpus, accuracy on minor and major
 * categories, the most confused pairs, how good the confidence is as a "ask a person" signal, and throughput.
 * Used by scripts/classifier-eval.ts (the report in docs/CLASSIFIER.md) and by the tests' accuracy floors.
 */
import type { Classifier } from './classifier.ts';
import { seededRandom } from '../random.ts';

export interface Example {
  text: string;
  category: string;
}

export interface Evaluation {
  n: number;
  minorAccuracy: number;
  majorAccuracy: number;
  /** Wrong predictions grouped by (expected, predicted), most frequent first. */
  confusions: { expected: string; predicted: string; count: number }[];
  /** Share of texts at or above a confidence, and the minor accuracy among them. */
  atThreshold: { threshold: number; coverage: number; accuracy: number }[];
  /** Mean |confidence − correctness| over 10 equal-width bins (expected calibration error). */
  calibrationError: number;
  errors: { text: string; expected: string; predicted: string; confidence: number }[];
}

/** Splits per category so every minor keeps `testShare` of its examples out of training (fixed seed). */
export function stratifiedSplit<T extends Example>(examples: T[], testShare = 0.2, seed = 42): { train: T[]; test: T[] } {
  const byCategory = new Map<string, T[]>();
  for (const e of examples) {
    const list = byCategory.get(e.category) ?? [];
    list.push(e);
    byCategory.set(e.category, list);
  }
  const random = seededRandom(seed);
  const train: T[] = [];
  const test: T[] = [];
  for (const code of [...byCategory.keys()].sort()) {
    const list = [...byCategory.get(code)!];
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [list[i], list[j]] = [list[j], list[i]];
    }
    const cut = Math.round(list.length * testShare);
    test.push(...list.slice(0, cut));
    train.push(...list.slice(cut));
  }
  return { train, test };
}

/** Classifies every example and compares with its label. */
export function evaluateClassifier(classifier: Classifier, examples: Example[], thresholds = [0.3, 0.5, 0.7, 0.9]): Evaluation {
  let minor = 0;
  let major = 0;
  const pairs = new Map<string, number>();
  const errors: Evaluation['errors'] = [];
  const scored: { confidence: number; correct: boolean }[] = [];
  for (const e of examples) {
    const r = classifier.classify(e.text);
    const correct = r.category === e.category;
    scored.push({ confidence: r.confidence, correct });
    if (correct) minor++;
    else {
      const key = `${e.category}>${r.category}`;
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
      errors.push({ text: e.text, expected: e.category, predicted: r.category, confidence: r.confidence });
    }
    if (r.major === e.category.slice(0, 2)) major++;
  }
  const n = examples.length || 1;
  const confusions = [...pairs]
    .map(([key, count]) => {
      const [expected, predicted] = key.split('>');
      return { expected, predicted, count };
    })
    .sort((a, b) => b.count - a.count || a.expected.localeCompare(b.expected));
  const atThreshold = thresholds.map((threshold) => {
    const kept = scored.filter((s) => s.confidence >= threshold);
    return { threshold, coverage: kept.length / n, accuracy: kept.length ? kept.filter((s) => s.correct).length / kept.length : 0 };
  });
  let calibrationError = 0;
  for (let b = 0; b < 10; b++) {
    const bin = scored.filter((s) => Math.min(9, Math.floor(s.confidence * 10)) === b);
    if (!bin.length) continue;
    const conf = bin.reduce((a, s) => a + s.confidence, 0) / bin.length;
    const acc = bin.filter((s) => s.correct).length / bin.length;
    calibrationError += (bin.length / n) * Math.abs(conf - acc);
  }
  return { n: examples.length, minorAccuracy: minor / n, majorAccuracy: major / n, confusions, atThreshold, calibrationError, errors };
}

/** Texts classified per second on this thread, over at least `minMs` milliseconds. */
export function measureThroughput(classifier: Classifier, texts: string[], minMs = 1000): number {
  let done = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    for (const t of texts) classifier.classify(t);
    done += texts.length;
  }
  return done / ((performance.now() - start) / 1000);
}
