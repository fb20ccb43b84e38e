/**
 * Seeded random streams for the generated data: the project's own source (mulberry32 seeded from a name,
 * src/server/platform/random.ts), so every run and every machine generates the same city, texts and cases.
 */
import { seedFromText, seededRandom } from '../../src/server/platform/random.ts';

/** A stream of floats in [0, 1) named `seed`; the same name always yields the same sequence. */
export function randomFor(seed: string): () => number {
  return seededRandom(seedFromText(seed));
}

/**
 * Picks an index with probability proportional to its weight: call the result with a uniform number in
 * [0, 1) (from a seeded stream). Binary search over the cumulative weights, so it stays fast for
 * thousands of weights.
 */
export function weightedPicker(weights: readonly number[]): (u: number) => number {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => {
    if (!(w >= 0)) throw new Error(`weight ${i} is ${w}; weights must be numbers ≥ 0`);
    total += w;
    cumulative[i] = total;
  });
  if (total <= 0) throw new Error('weightedPicker needs at least one positive weight');
  return (u: number) => {
    const x = u * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (cumulative[mid]! > x) high = mid;
      else low = mid + 1;
    }
    return low;
  };
}

/** An integer in [min, max] from a uniform number in [0, 1). */
export function intIn(u: number, min: number, max: number): number {
  return min + Math.floor(u * (max - min + 1));
}

/** One of `items`, by a uniform number in [0, 1). */
export function pickOf<T>(u: number, items: readonly T[]): T {
  return items[Math.floor(u * items.length)]!;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * A UUIDv7 (as the server's `newId` makes them: time-ordered) for the moment `ms`, its random bits from a
 * seeded stream, so generated rows get the same ids on every run and sort by time like real ones.
 */
export function uuidV7At(ms: number, rand: () => number): string {
  const b = new Array<number>(16);
  let t = Math.floor(ms);
  for (let i = 5; i >= 0; i--) {
    b[i] = t % 256;
    t = Math.floor(t / 256);
  }
  for (let i = 6; i < 16; i += 2) {
    const r = Math.floor(rand() * 65536);
    b[i] = r >>> 8;
    b[i + 1] = r & 0xff;
  }
  b[6] = 0x70 | (b[6]! & 0x0f);
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = b.map((x) => HEX[x]!);
  return `${h[0]}${h[1]}${h[2]}${h[3]}-${h[4]}${h[5]}-${h[6]}${h[7]}-${h[8]}${h[9]}-${h[10]}${h[11]}${h[12]}${h[13]}${h[14]}${h[15]}`;
}
