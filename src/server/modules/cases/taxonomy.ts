import { readFileSync } from 'node:fs';

/** One minor category of the taxonomy (`taxonomy/categories.json`), with its time limits and usual tier. */
export interface Category {
  code: string;
  major: string;
  zh: string;
  en: string;
  majorZh: string;
  majorEn: string;
  /** Where it is usually solved: 1 grid, 2 community, 3 street / department. */
  tier: 1 | 2 | 3;
  urgent: boolean;
  respondHours: number;
  resolveWorkdays: number | null;
  resolveHours: number | null;
}

export interface Nature {
  code: string;
  zh: string;
  en: string;
}

interface TaxonomyFile {
  natures: Nature[];
  majors: { code: string; zh: string; en: string; minors: Omit<Category, 'major' | 'majorZh' | 'majorEn' | 'urgent' | 'resolveWorkdays' | 'resolveHours'> & Partial<Category>[] }[];
}

const file = JSON.parse(readFileSync(new URL('../../../../taxonomy/categories.json', import.meta.url), 'utf8')) as TaxonomyFile;

export const NATURES: Nature[] = file.natures;

export const CATEGORIES: Category[] = file.majors.flatMap((major) =>
  (major.minors as any[]).map((m) => ({
    code: m.code,
    major: major.code,
    zh: m.zh,
    en: m.en,
    majorZh: major.zh,
    majorEn: major.en,
    tier: m.tier,
    urgent: m.urgent === true,
    respondHours: m.respondHours,
    resolveWorkdays: m.resolveWorkdays ?? null,
    resolveHours: m.resolveHours ?? null,
  })),
);

const byCode = new Map(CATEGORIES.map((c) => [c.code, c]));

export function category(code: string): Category | undefined {
  return byCode.get(code);
}

/** The category used for time limits while a case has none yet (其他). */
export const FALLBACK_CATEGORY = byCode.get('9999')!;

export function isNature(code: string): boolean {
  return NATURES.some((n) => n.code === code);
}
