/**
 * Chinese full-text search without a segmentation dictionary: text is indexed as its CJK characters and
 * character bigrams plus lower-cased Latin/digit words, space-separated, so SQLite FTS5 (unicode61) and
 * PostgreSQL (to_tsvector('simple')) index the same tokens. A query word of two or more CJK characters
 * matches through its bigrams, all of which any text containing the word has.
 */
const CJK = /[\u3400-\u9fff\uf900-\ufaff\u0f00-\u0fff]/u;
const RUN = /[\u3400-\u9fff\uf900-\ufaff\u0f00-\u0fff]+|[^\s\p{P}\p{S}\u3400-\u9fff\uf900-\ufaff\u0f00-\u0fff]+/gu;

export function indexTokens(text: string): string {
  const tokens = new Set<string>();
  for (const run of text.normalize('NFKC').toLowerCase().match(RUN) ?? []) {
    if (!CJK.test(run[0]!)) {
      tokens.add(run);
      continue;
    }
    const chars = [...run];
    chars.forEach((ch, i) => {
      tokens.add(ch);
      if (i + 1 < chars.length) tokens.add(ch + chars[i + 1]);
    });
  }
  return [...tokens].join(' ');
}

/** The tokens a query must all match: bigrams of each CJK run (or the single character), Latin words as they are. */
export function queryTokens(query: string): string[] {
  const tokens = new Set<string>();
  for (const run of query.normalize('NFKC').toLowerCase().match(RUN) ?? []) {
    if (!CJK.test(run[0]!)) {
      tokens.add(run);
      continue;
    }
    const chars = [...run];
    if (chars.length === 1) tokens.add(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) tokens.add(chars[i]! + chars[i + 1]);
  }
  return [...tokens].slice(0, 32);
}

/** An FTS5 MATCH expression: every token quoted (so no token is read as an operator), all required. */
export function ftsMatch(tokens: string[]): string {
  return tokens.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ');
}

/** A tsquery for PostgreSQL (to_tsquery('simple', ...)): every token quoted, operators and quotes removed, all required. */
export function tsQuery(tokens: string[]): string {
  return tokens.map((t) => t.replace(/[&|!():*'\\\s]/g, '')).filter(Boolean).map((t) => `'${t}'`).join(' & ');
}

/** Similarity of two texts as the Jaccard index of their character bigrams (0..1), for duplicate proposals. */
export function textSimilarity(a: string, b: string): number {
  const grams = (s: string) => {
    const chars = [...s.replace(/\s+/g, '')];
    const out = new Set<string>();
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]);
    return out;
  };
  const x = grams(a);
  const y = grams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return common / (x.size + y.size - common);
}
