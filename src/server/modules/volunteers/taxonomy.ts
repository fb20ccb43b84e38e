import { readFileSync } from 'node:fs';
import type { Locale } from '../../http/errors.ts';

/** A label in both languages, as the taxonomy file holds it. */
export interface Labelled {
  code: string;
  zh: string;
  en: string;
}

export interface SkillGroup extends Labelled {
  skills: Labelled[];
}

export interface SkillLevel {
  level: number;
  zh: string;
  en: string;
}

interface TaxonomyFile {
  levels: SkillLevel[];
  groups: SkillGroup[];
  teamKinds: Labelled[];
  sharedResourceKinds: Labelled[];
}

const file = JSON.parse(readFileSync(new URL('./taxonomy.json', import.meta.url), 'utf8')) as TaxonomyFile;

const skills = new Map(file.groups.flatMap((g) => g.skills.map((s) => [s.code, { ...s, group: g.code }] as const)));
const teamKinds = new Map(file.teamKinds.map((k) => [k.code, k]));
const resourceKinds = new Map(file.sharedResourceKinds.map((k) => [k.code, k]));

/** Skill levels: 1 会做 (basic), 2 熟练 (skilled), 3 专业 (expert). */
export const SKILL_LEVELS = file.levels;
export const MAX_SKILL_LEVEL = Math.max(...file.levels.map((l) => l.level));

/** Every skill code, in taxonomy order. */
export const SKILL_CODES = [...skills.keys()];
export const TEAM_KIND_CODES = [...teamKinds.keys()];
export const SHARED_RESOURCE_KIND_CODES = [...resourceKinds.keys()];

export function isSkill(code: string): boolean {
  return skills.has(code);
}

function pick(entry: { zh: string; en: string } | undefined, locale: Locale, fallback: string): string {
  if (!entry) return fallback;
  return locale === 'en' ? entry.en : entry.zh;
}

/** A skill's name in the caller's language (义剪（理发） / haircut); an unknown code is shown as itself. */
export function skillLabel(code: string, locale: Locale): string {
  return pick(skills.get(code), locale, code);
}

export function levelLabel(level: number, locale: Locale): string {
  return pick(file.levels.find((l) => l.level === level), locale, String(level));
}

export function teamKindLabel(code: string, locale: Locale): string {
  return pick(teamKinds.get(code), locale, code);
}

export function resourceKindLabel(code: string, locale: Locale): string {
  return pick(resourceKinds.get(code), locale, code);
}

/** The whole taxonomy in the caller's language, for forms and filters. */
export function taxonomyView(locale: Locale) {
  const label = (e: { zh: string; en: string }) => (locale === 'en' ? e.en : e.zh);
  return {
    levels: file.levels.map((l) => ({ level: l.level, label: label(l) })),
    skillGroups: file.groups.map((g) => ({ code: g.code, label: label(g), skills: g.skills.map((s) => ({ code: s.code, label: label(s) })) })),
    teamKinds: file.teamKinds.map((k) => ({ code: k.code, label: label(k) })),
    sharedResourceKinds: file.sharedResourceKinds.map((k) => ({ code: k.code, label: label(k) })),
  };
}
