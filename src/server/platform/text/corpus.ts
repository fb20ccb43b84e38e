/**
 * Reads the classifier's training corpus (corpus/cases/<minorCode>.txt, one resident message a line) and the
 * hand-written evaluation set (corpus/eval/handwritten.jsonl). The corpus in the repository is the only
 * source of truth for the default model: nothing is downloaded and no model file is shipped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface LabelledText {
  text: string;
  category: string;
  /** How much this example counts in training; 1 by default, higher for staff corrections. */
  weight?: number;
}

export const CORPUS_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../../../corpus');
const CASES_DIR = join(CORPUS_ROOT, 'cases');
const HANDWRITTEN_FILE = join(CORPUS_ROOT, 'eval', 'handwritten.jsonl');

let cached: LabelledText[] | null = null;

/** Every example of the training corpus (语料), in file order; read once per process. */
export function corpusExamples(): { text: string; category: string }[] {
  if (!cached) {
    const examples: LabelledText[] = [];
    for (const name of readdirSync(CASES_DIR).sort()) {
      const m = /^(\d{4})\.txt$/.exec(name);
      if (!m) continue;
      for (const line of readFileSync(join(CASES_DIR, name), 'utf8').split('\n')) {
        const text = line.trim();
        if (text) examples.push({ text, category: m[1] });
      }
    }
    cached = examples;
  }
  return cached.map((e) => ({ ...e }));
}

/** The hand-written messages kept apart from training, to measure accuracy on wording no template made. */
export function handwrittenExamples(): { text: string; category: string }[] {
  return readFileSync(HANDWRITTEN_FILE, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const row = JSON.parse(l) as { text: string; category: string };
      return { text: row.text, category: row.category };
    });
}
