/**
 * The streaming side of `lianxin classify`: JSON lines in, one JSON line out per input line, in order.
 * Kept apart from the command so tests drive it with in-memory streams.
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { defaultClassifier, type Classifier } from './classifier.ts';

export interface ClassifyLinesOptions {
  /** Defaults to the corpus-trained classifier, built only when the first valid line arrives. */
  classifier?: Classifier;
  /** Adds the top-3 alternatives to each answer. */
  alternatives?: boolean;
}

/** Why a line could not be classified, or its text. */
function parseLine(line: string): { text: string; id?: unknown } | { error: string } {
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch {
    return { error: 'not valid JSON' };
  }
  if (!row || typeof row !== 'object' || Array.isArray(row)) return { error: 'expected a JSON object like {"text": "..."}' };
  const { text, id } = row as { text?: unknown; id?: unknown };
  if (typeof text !== 'string') return { error: 'missing "text" (a string)' };
  if (!text.trim()) return { error: '"text" is empty' };
  return id === undefined ? { text } : { text, id };
}

/**
 * Reads `{"text": "..."}` lines and writes `{"category", "major", "confidence"}` lines (an `id` given in the
 * input is echoed back). A bad line gets `{"error": "..."}` in its place so outputs stay aligned with inputs;
 * blank lines are skipped. Streams line by line, so input of any size works. Resolves with the counts.
 */
export async function classifyLines(input: Readable, output: Writable, options: ClassifyLinesOptions = {}): Promise<{ classified: number; errors: number }> {
  let classifier = options.classifier;
  let classified = 0;
  let errors = 0;
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const parsed = parseLine(line);
    let answer: Record<string, unknown>;
    if ('error' in parsed) {
      errors++;
      answer = { error: parsed.error };
    } else {
      classifier ??= defaultClassifier();
      const r = classifier.classify(parsed.text);
      classified++;
      answer = { ...(parsed.id !== undefined ? { id: parsed.id } : {}), category: r.category, major: r.major, confidence: r.confidence };
      if (options.alternatives) answer.alternatives = r.alternatives;
    }
    // Respect back-pressure so a slow reader does not make the whole output pile up in memory.
    if (!output.write(JSON.stringify(answer) + '\n')) await once(output, 'drain');
  }
  return { classified, errors };
}
