/**
 * The case classifier (诉求自动分类): predicts the minor category (小类, 4-digit code of
 * taxonomy/categories.json) of a resident's message. M2: "auto-classify by category".
 *
 * Model: multinomial logistic regression (softmax) over TF-IDF weighted character 1-3-grams, trained with
 * SGD in this file. Chosen because its probabilities are usable as a confidence (the case engine asks a
 * person below a threshold) and because weighted extra examples (staff corrections) move it reliably.
 * No network, no model file: the default model is trained from corpus/ at first use, in under a second.
 * Measurements and the reasons behind each setting: docs/CLASSIFIER.md.
 */
import { corpusExamples, type LabelledText } from './corpus.ts';
import { textFeatures } from './tokenize.ts';
import { seededRandom } from '../random.ts';

export { corpusExamples } from './corpus.ts';

export interface Classification {
  /** Minor category code, e.g. "0501". */
  category: string;
  /** Major category code: the first two digits of `category`. */
  major: string;
  /** Probability of `category` under the model, in [0, 1]. */
  confidence: number;
  /** The next most likely categories (up to 3), most likely first. */
  alternatives: { category: string; confidence: number }[];
}

export interface Classifier {
  classify(text: string): Classification;
}

export interface TrainOptions {
  /** Passes over the data. */
  epochs?: number;
  /** Initial SGD step; decays linearly to a tenth of it. */
  learningRate?: number;
  /** Features seen in fewer examples than this are dropped (a typo seen once adds noise, not signal). */
  minCount?: number;
  /** Seed of the shuffling, so the same examples always give the same model. */
  seed?: number;
  /** Scores are divided by this before the softmax (below 1 sharpens), so confidences match accuracy. */
  temperature?: number;
}

/**
 * Chosen on the template split only (scripts/classifier-eval.ts --sweep): 5 epochs at a step of 4 are within
 * 0.1 point of the best held-out accuracy at half the time of 8 epochs. The temperature minimises the log loss
 * on the same split (0.625, i.e. scores × 1.6): without it the model under-states its confidence.
 */
const DEFAULTS: Required<TrainOptions> = { epochs: 5, learningRate: 4, minCount: 2, seed: 20240702, temperature: 0.625 };

/** Classes whose gradient is smaller than this are not updated: a quarter less training time, same accuracy. */
const GRADIENT_FLOOR = 3e-3;

/**
 * Weight for a staff correction: it counts as five corpus examples. Enough to teach a kind of message the
 * corpus lacks; not enough for one click to overturn many consistent corpus examples (repeated corrections do).
 */
export const CORRECTION_WEIGHT = 5;

interface Encoded {
  idx: Int32Array;
  val: Float32Array;
}

/**
 * Open-addressing hash table from exact numeric n-gram keys (up to 2^51) to dense ids. A `Map` is several
 * times slower on keys above 2^31, which made building the vocabulary the slowest part of training.
 */
class KeyTable {
  private keys = new Float64Array(1 << 16);
  private ids = new Int32Array(1 << 16);
  size = 0;

  private slot(key: number): number {
    const mask = this.keys.length - 1;
    let h = Math.imul((key >>> 0) ^ Math.imul((key / 4294967296) >>> 0, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    let i = h & mask;
    while (this.keys[i] !== 0 && this.keys[i] !== key) i = (i + 1) & mask;
    return i;
  }

  get(key: number): number {
    const i = this.slot(key);
    return this.keys[i] === key ? this.ids[i] : -1;
  }

  /** The id of `key`, adding it if new. Keys are ≥ 1: 0 marks an empty slot. */
  intern(key: number): number {
    const i = this.slot(key);
    if (this.keys[i] === key) return this.ids[i];
    this.keys[i] = key;
    this.ids[i] = this.size;
    if (++this.size * 2 > this.keys.length) this.grow();
    return this.size - 1;
  }

  private grow(): void {
    const { keys, ids } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.ids = new Int32Array(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === 0) continue;
      const j = this.slot(keys[i]);
      this.keys[j] = keys[i];
      this.ids[j] = ids[i];
    }
  }
}

/** Vocabulary with inverse document frequencies, and the encoder from text to a sparse unit vector. */
class Vectorizer {
  private readonly table = new KeyTable();
  /** Table id → column of the model, −1 for features dropped as too rare. */
  private readonly column: Int32Array;
  private readonly idf: Float32Array;

  /** `keep[d]` marks documents whose features stay whatever their count (staff corrections). */
  constructor(docs: number[][], minCount: number, keep: boolean[]) {
    const df: number[] = [];
    const kept: boolean[] = [];
    const lastDoc: number[] = [];
    docs.forEach((feats, d) => {
      for (const f of feats) {
        const id = this.table.intern(f);
        if (keep[d]) kept[id] = true;
        if (lastDoc[id] === d) continue;
        lastDoc[id] = d;
        df[id] = (df[id] ?? 0) + 1;
      }
    });
    this.column = new Int32Array(df.length).fill(-1);
    const idf: number[] = [];
    for (let id = 0; id < df.length; id++) {
      if (df[id] < minCount && !kept[id]) continue;
      this.column[id] = idf.length;
      idf.push(Math.log((1 + docs.length) / (1 + df[id])) + 1);
    }
    this.idf = Float32Array.from(idf);
  }

  get size(): number {
    return this.idf.length;
  }

  /** Sublinear TF (1 + log tf) × IDF, L2-normalised so long and short messages weigh the same. */
  encode(feats: number[]): Encoded {
    const cols = new Int32Array(feats.length);
    let n = 0;
    for (const f of feats) {
      const id = this.table.get(f);
      const c = id < 0 ? -1 : this.column[id];
      if (c >= 0) cols[n++] = c;
    }
    const sorted = cols.subarray(0, n).sort();
    let distinct = 0;
    for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
    const idx = new Int32Array(distinct);
    const val = new Float32Array(distinct);
    let norm = 0;
    for (let i = 0, k = 0; i < n; k++) {
      let j = i + 1;
      while (j < n && sorted[j] === sorted[i]) j++;
      const v = (1 + Math.log(j - i)) * this.idf[sorted[i]];
      idx[k] = sorted[i];
      val[k] = v;
      norm += v * v;
      i = j;
    }
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < distinct; k++) val[k] /= norm;
    return { idx, val };
  }
}

/** A trained model: vocabulary, one weight per (feature, category), one bias per category. */
export class SoftmaxClassifier implements Classifier {
  constructor(
    /** The category codes the model knows, sorted. */
    readonly categories: readonly string[],
    private readonly vectorizer: Vectorizer,
    private readonly weights: Float32Array,
    private readonly bias: Float64Array,
    readonly temperature: number,
  ) {}

  /** The same model with another temperature (used to fit the temperature; weights are shared). */
  withTemperature(temperature: number): SoftmaxClassifier {
    return new SoftmaxClassifier(this.categories, this.vectorizer, this.weights, this.bias, temperature);
  }

  /** The probability of every category, in the order of `categories`. */
  distribution(text: string): Float64Array {
    const p = new Float64Array(this.categories.length);
    scoreInto(this.vectorizer.encode(textFeatures(String(text ?? ''))), this.weights, this.bias, p.length, p, this.temperature);
    return p;
  }

  classify(text: string): Classification {
    const k = this.categories.length;
    const p = this.distribution(text);
    const order = Array.from({ length: k }, (_, i) => i).sort((a, b) => p[b] - p[a]);
    const category = this.categories[order[0]];
    return {
      category,
      major: category.slice(0, 2),
      confidence: round(p[order[0]]),
      alternatives: order.slice(1, 4).map((i) => ({ category: this.categories[i], confidence: round(p[i]) })),
    };
  }
}

function round(p: number): number {
  return Math.min(1, Math.max(0, Math.round(p * 1e4) / 1e4));
}

/** Linear scores, scaled by the temperature, then an in-place, numerically stable softmax. */
function scoreInto(x: Encoded, w: Float32Array, b: Float64Array, k: number, out: Float64Array, temperature = 1): void {
  for (let c = 0; c < k; c++) out[c] = b[c];
  for (let j = 0; j < x.idx.length; j++) {
    const row = x.idx[j] * k;
    const v = x.val[j];
    for (let c = 0; c < k; c++) out[c] += v * w[row + c];
  }
  let max = -Infinity;
  for (let c = 0; c < k; c++) {
    out[c] /= temperature;
    if (out[c] > max) max = out[c];
  }
  let sum = 0;
  for (let c = 0; c < k; c++) {
    out[c] = Math.exp(out[c] - max);
    sum += out[c];
  }
  for (let c = 0; c < k; c++) out[c] /= sum;
}

/**
 * Trains a classifier from labelled texts. Extra examples such as staff corrections (人工纠正) are appended
 * to the corpus; give them `weight: CORRECTION_WEIGHT` so one correction outweighs the templated examples
 * around it. Examples with an empty text or without a 4-digit category are ignored.
 */
export function trainClassifier(examples: LabelledText[], options: TrainOptions = {}): SoftmaxClassifier {
  const o = { ...DEFAULTS, ...options };
  const usable = examples.filter((e) => typeof e.text === 'string' && e.text.trim() !== '' && /^\d{4}$/.test(e.category));
  if (usable.length === 0) throw new Error('trainClassifier needs at least one example with a 4-digit category');
  const categories = [...new Set(usable.map((e) => e.category))].sort();
  const classOf = new Map(categories.map((c, i) => [c, i]));
  const k = categories.length;

  const ws = Float32Array.from(usable, (e) => (e.weight && e.weight > 0 ? e.weight : 1));
  const feats = usable.map((e) => textFeatures(e.text));
  const vectorizer = new Vectorizer(feats, o.minCount, Array.from(ws, (w) => w > 1));
  const xs = feats.map((f) => vectorizer.encode(f));
  const ys = Int32Array.from(usable, (e) => classOf.get(e.category)!);

  const weights = new Float32Array(vectorizer.size * k);
  const bias = new Float64Array(k);
  const p = new Float64Array(k);
  const active = new Int32Array(k);
  // A weighted example is visited round(weight) times per pass rather than taking one step that much
  // longer: a step of 4 × 10 overshoots and disturbs unrelated weights, repeated ordinary steps do not.
  const visits: number[] = [];
  usable.forEach((_, i) => {
    for (let r = Math.max(1, Math.round(ws[i])); r > 0; r--) visits.push(i);
  });
  const order = Int32Array.from(visits);
  const random = seededRandom(o.seed);
  const steps = o.epochs * order.length;
  let step = 0;

  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    for (const n of order) {
      const lr = o.learningRate * (1 - (0.9 * step++) / steps);
      const x = xs[n];
      scoreInto(x, weights, bias, k, p);
      p[ys[n]] -= 1; // p − y: the gradient of the log loss with respect to the scores
      const scale = (lr * ws[n]) / Math.max(1, Math.round(ws[n]));
      let m = 0;
      for (let c = 0; c < k; c++) {
        if (p[c] > GRADIENT_FLOOR || p[c] < -GRADIENT_FLOOR) {
          active[m++] = c;
          bias[c] -= scale * p[c];
        }
      }
      for (let j = 0; j < x.idx.length; j++) {
        const row = x.idx[j] * k;
        const g = scale * x.val[j];
        for (let a = 0; a < m; a++) weights[row + active[a]] -= g * p[active[a]];
      }
    }
  }
  return new SoftmaxClassifier(categories, vectorizer, weights, bias, o.temperature);
}

let shared: Classifier | null = null;

/** The classifier trained from corpus/ alone, built once per process on first use (about a second). */
export function defaultClassifier(): Classifier {
  shared ??= trainClassifier(corpusExamples());
  return shared;
}
