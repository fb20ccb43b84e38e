/** One line of the results: a measurement, or the baseline it is compared with. */
export interface Result {
  name: string;
  value: number;
  unit: string;
  /** The name of the baseline measured in the same run, and value / baseline. */
  baseline?: string;
  ratio?: number;
  /** The target in words (e.g. "≥ 3000"), and whether this run met it. */
  target?: string;
  pass?: boolean;
  store?: 'sqlite' | 'postgres';
  /** Secondary numbers (percentiles, sizes, build times). */
  details?: Record<string, number | string>;
  note?: string;
}

export interface BenchOptions {
  quick: boolean;
  /** Rebuild cached stores and files. */
  fresh: boolean;
  /** Also build and measure the 10,000,000-case point (hours on a small machine). */
  with10m: boolean;
  log(line: string): void;
}

export interface Measure {
  name: string;
  run(opts: BenchOptions): Promise<Result[]>;
}
