/**
 * A tiny seeded random source, so the demo community is the same on every machine and every run.
 * Each part of the demo draws from its own stream (seeded by a name such as a community code), so adding
 * a community or a field does not reshuffle everything else.
 */
import { seedFromText, seededRandom } from '../platform/random.ts';

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A float in [-amplitude, amplitude]. */
  jitter(amplitude: number): number;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
}


/** A random stream named `name`; the same name always yields the same sequence. */
export function randomStream(name: string): Random {
  const next = seededRandom(seedFromText(name));
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('cannot pick from an empty list');
      return items[int(0, items.length - 1)]!;
    },
    jitter: (amplitude) => (next() * 2 - 1) * amplitude,
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i);
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
  };
}
