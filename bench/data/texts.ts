/**
 * Report texts for the benchmark: residents' messages from the classifier corpus (corpus/cases/, written from
 * Lhasa situations), now and then with an opener and an ask from the corpus' shared lists, and an address of
 * a Lhasa place. Categories are spread Zipf-like, as on a real hotline: a few (rubbish, parking, noise,
 * property management) make most of the calls.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_ROOT, corpusExamples } from '../../src/server/platform/text/corpus.ts';
import { CATEGORIES } from '../../src/server/modules/cases/taxonomy.ts';
import { textSimilarity } from '../../src/server/modules/cases/search.ts';
import { pickOf, weightedPicker } from './random.ts';

export interface ReportText {
  /** What the reporter writes. */
  description: string;
  /** Where, as a person writes an address. */
  address: string;
  /** The minor category of the corpus message (what a person would file it under). */
  category: string;
}

// The most frequent categories of a city hotline first; the rest follow in code order.
const BUSIEST = ['0101', '0402', '0403', '0701', '0501', '0504', '0703', '0801', '0102', '0401', '0704', '0502', '0301', '0706', '0903', '0906', '0602', '0103', '1203', '0901'];
const ZIPF_EXPONENT = 0.9;

/** Sections of corpus/source/_shared.txt (the lists every corpus pattern draws from). */
function sharedLists(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let section = '';
  for (const raw of readFileSync(join(CORPUS_ROOT, 'source', '_shared.txt'), 'utf8').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const head = /^\[(\w+)\]$/.exec(line);
    if (head) {
      section = head[1]!;
      out.set(section, []);
    } else if (section) out.get(section)!.push(line);
  }
  return out;
}

/** Expands `{a|b|c}` alternations and `<TAG>`s of the shared lists, choosing with `rand`. */
function expand(pattern: string, lists: Map<string, string[]>, rand: () => number, depth = 0): string {
  return pattern
    .replace(/<(\w+)>/g, (_, tag: string) => (depth > 3 || !lists.get(tag)?.length ? '' : expand(pickOf(rand(), lists.get(tag)!), lists, rand, depth + 1)))
    .replace(/\{([^{}]*)\}/g, (_, alternatives: string) => pickOf(rand(), alternatives.split('|')));
}

interface TextSource {
  byCategory: Map<string, string[]>;
  categories: string[];
  pickCategory: (u: number) => number;
  openers: string[];
  asks: string[];
  places: string[];
  lists: Map<string, string[]>;
}

let source: TextSource | null = null;

function textSource(): TextSource {
  if (source) return source;
  const byCategory = new Map<string, string[]>();
  for (const { text, category } of corpusExamples()) {
    const list = byCategory.get(category) ?? [];
    list.push(text);
    byCategory.set(category, list);
  }
  const known = CATEGORIES.map((c) => c.code).filter((c) => byCategory.has(c));
  const categories = [...BUSIEST.filter((c) => known.includes(c)), ...known.filter((c) => !BUSIEST.includes(c))];
  const lists = sharedLists();
  source = {
    byCategory,
    categories,
    pickCategory: weightedPicker(categories.map((_, rank) => 1 / (rank + 1) ** ZIPF_EXPONENT)),
    // Openers and asks that read the same whatever the category (no empty alternatives, no tags).
    openers: (lists.get('OPENER') ?? []).filter((o) => o !== '{}' && !o.includes('<')),
    asks: lists.get('ASK') ?? [],
    places: lists.get('C') ?? [],
    lists,
  };
  return source;
}

const ENDS_IN_PUNCTUATION = /[。！？!?，,.~…）)\]】]$/u;
const ADDRESS_PATTERNS = ['<C>{1|2|3|5|8|12|16|21|27|33|45|58|66|72|89|103|118}号', '<C><B>', '<C>{小区|大院|社区}<B>{1|2|3|4|5|6}{0|1}{1|2|3|4}室', '<C>{东|西|南|北}侧{1|2|3|5|7|9}{号院|号大院}', '<C>{路口|市场旁|广场东侧|公交站旁}'];

/**
 * A stream of report texts drawn with `rand`: a corpus message of a Zipf-drawn category, with an opener
 * (one in four) and an ask (one in three), and an address.
 */
export function reportTexts(rand: () => number): () => ReportText {
  const s = textSource();
  return () => {
    const category = s.categories[s.pickCategory(rand())]!;
    let description = pickOf(rand(), s.byCategory.get(category)!);
    if (rand() < 0.25) description = pickOf(rand(), s.openers) + description;
    if (rand() < 0.33) description = `${description}${ENDS_IN_PUNCTUATION.test(description) ? '' : '，'}${pickOf(rand(), s.asks)}。`;
    const address = expand(pickOf(rand(), ADDRESS_PATTERNS), s.lists, rand).slice(0, 200);
    return { description: description.slice(0, 2000), address, category };
  };
}

/**
 * A neighbour reporting what someone nearby reported shortly before, in their own words: the corpus message
 * of the same category most like the earlier one (but not it), at the same address.
 */
export function reportLike(earlier: ReportText): ReportText {
  const messages = textSource().byCategory.get(earlier.category) ?? [];
  let best: string | null = null;
  let bestScore = -1;
  for (const m of messages) {
    if (earlier.description.includes(m)) continue;
    const score = textSimilarity(m, earlier.description);
    if (score > bestScore) [best, bestScore] = [m, score];
  }
  return { description: best ?? earlier.description, address: earlier.address, category: earlier.category };
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const CJK_WORD = /^[\u3400-\u9fff]{2,4}$/u;
// Function words nobody searches for.
const WEAK = /[了的着过]|^[都也就还又很太一几]|[下在是]$/u;

/**
 * Words people type into the case search: 2–4-character words (as ICU's dictionary segments them) from
 * real corpus messages.
 */
export function searchWords(rand: () => number, count: number): string[] {
  const s = textSource();
  const words: string[] = [];
  while (words.length < count) {
    const category = s.categories[s.pickCategory(rand())]!;
    const message = pickOf(rand(), s.byCategory.get(category)!);
    const candidates = [...segmenter.segment(message)].filter((w) => w.isWordLike && CJK_WORD.test(w.segment) && !WEAK.test(w.segment)).map((w) => w.segment);
    if (candidates.length) words.push(pickOf(rand(), candidates));
  }
  return words;
}
