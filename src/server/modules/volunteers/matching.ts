import type { Locale } from '../../http/errors.ts';
import { metresBetween } from '../../platform/geo/distance.ts';
import { levelLabel, MAX_SKILL_LEVEL } from './taxonomy.ts';
import { coversInstant, type WeeklySlot } from './weekly-hours.ts';

/**
 * 精准匹配 (001: "根据能人特长与居民需求……精准匹配"): the ranking of talents for one request, as data a person
 * can check. Every candidate gets points on four factors, each with the sentence that explains it, so staff
 * dispatching an order see why one talent comes before another:
 *   skill level      up to 40 (level / top level)
 *   distance         up to 30, falling to 0 at 5 km from where they live
 *   availability     20 when the wanted time falls in their weekly hours
 *   recent load      up to 10, falling to 0 at 3 open orders
 */
export const WEIGHTS = { skill: 40, distance: 30, availability: 20, load: 10 } as const;
export const DISTANCE_HORIZON_METRES = 5000;
export const LOAD_HORIZON = 3;

export type Factor = keyof typeof WEIGHTS;

export interface Reason {
  factor: Factor;
  points: number;
  text: string;
}

export interface Candidate {
  id: string;
  name: string;
  level: number;
  home: { lng: number; lat: number } | null;
  availability: WeeklySlot[];
}

export interface RankedCandidate {
  id: string;
  name: string;
  score: number;
  level: number;
  distanceMetres: number | null;
  available: boolean | null;
  load: number;
  reasons: Reason[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function say(locale: Locale, zh: string, en: string): string {
  return locale === 'en' ? en : zh;
}

/** Scores one candidate for a request at `place` (and `at`, when a time is wanted). */
export function scoreCandidate(c: Candidate, place: { lng: number; lat: number }, at: Date | null, load: number, timeZone: string, locale: Locale): RankedCandidate {
  const reasons: Reason[] = [];
  const level = levelLabel(c.level, locale);
  reasons.push({ factor: 'skill', points: round1((WEIGHTS.skill * c.level) / MAX_SKILL_LEVEL), text: say(locale, `技能等级：${level}（${c.level}级）`, `skill level: ${level} (${c.level})`) });

  const distance = c.home ? Math.round(metresBetween(c.home.lng, c.home.lat, place.lng, place.lat)) : null;
  reasons.push(
    distance === null
      ? { factor: 'distance', points: 0, text: say(locale, '住址位置不详', 'where they live is not known') }
      : { factor: 'distance', points: round1(WEIGHTS.distance * Math.max(0, 1 - distance / DISTANCE_HORIZON_METRES)), text: say(locale, `距服务地点约 ${distance} 米`, `about ${distance} m from the place`) },
  );

  let available: boolean | null = null;
  if (!at) reasons.push({ factor: 'availability', points: 0, text: say(locale, '未指定服务时间', 'no time was asked for') });
  else if (c.availability.length === 0) reasons.push({ factor: 'availability', points: 0, text: say(locale, '未登记服务时间', 'has not given their free hours') });
  else {
    available = coversInstant(c.availability, at, timeZone);
    reasons.push(
      available
        ? { factor: 'availability', points: WEIGHTS.availability, text: say(locale, '该时段有空', 'free at that time') }
        : { factor: 'availability', points: 0, text: say(locale, '该时段不在其服务时间内', 'not free at that time') },
    );
  }

  reasons.push({ factor: 'load', points: round1(WEIGHTS.load * Math.max(0, 1 - load / LOAD_HORIZON)), text: say(locale, `近期在办 ${load} 单`, `${load} open order${load === 1 ? '' : 's'} now`) });
  const score = round1(reasons.reduce((sum, r) => sum + r.points, 0));
  return { id: c.id, name: c.name, score, level: c.level, distanceMetres: distance, available, load, reasons };
}

/** Best first: by score, then nearer, then by name and id so equal candidates always come in the same order. */
export function byRank(a: RankedCandidate, b: RankedCandidate): number {
  return b.score - a.score || (a.distanceMetres ?? Infinity) - (b.distanceMetres ?? Infinity) || a.name.localeCompare(b.name, 'zh') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
