/**
 * The reports of the demo's case history: when, where, through which channel, in whose words, and how
 * each is going to be handled. Everything is drawn from seeded streams, so the same end time gives the
 * same history.
 */
import type { AppContext } from '../context.ts';
import type { Actor } from '../modules/auth/permissions.ts';
import type { NewCase } from '../modules/cases/intake.service.ts';
import type { Channel } from '../modules/cases/kinds.ts';
import { textSimilarity } from '../modules/cases/search.ts';
import { CATEGORIES } from '../modules/cases/taxonomy.ts';
import { addDays, localDate, localDateTimeToInstant } from '../platform/calendar/local-time.ts';
import { corpusExamples } from '../platform/text/corpus.ts';
import type { Cast, GridCast } from './demo.history.cast.ts';
import { type Random, randomStream } from './demo.random.ts';

/** How a case is going to be handled, before the engine and the scheduler have their say. */
export type Course =
  | 'normal'
  | 'slow'
  | 'escalate'
  | 'extend'
  | 'suspend'
  | 'police'
  | 'return_reject'
  | 'return_redispatch'
  /** Returned by the grid and still waiting for the community to send it on. */
  | 'return_wait'
  /** Paused for a week or more (waiting for an owner, a season). */
  | 'long_pause'
  /** Not yet accepted by the grid worker. */
  | 'unseen'
  /** Accepted, then left lying past its deadline. */
  | 'stalled'
  /** Resolved, not yet checked. */
  | 'unchecked'
  | 'fixed_on_site';

export interface CasePlan {
  index: number;
  at: number;
  grid: GridCast;
  category: string;
  channel: Channel;
  actor: Actor;
  input: NewCase;
  course: Course;
  random: Random;
}

// Reports per local hour of the day: few at night, most in the morning and the early evening.
const HOUR_WEIGHTS = [1, 0.5, 0.3, 0.3, 0.3, 0.5, 1, 3, 6, 8, 9, 9, 7, 6, 7, 8, 8, 8, 7, 7, 6, 5, 3, 2];
const CHANNEL_WEIGHTS: [Channel, number][] = [['app', 36], ['patrol', 22], ['visit', 10], ['hotline', 17], ['proxy', 15]];
// What each channel tends to bring: residents complain about everything, patrols find things in the street,
// home visits hear about families, welfare and housing.
const MAJOR_WEIGHTS: Record<'resident' | 'patrol' | 'visit', Record<string, number>> = {
  resident: { '01': 14, '02': 2, '03': 6, '04': 13, '05': 13, '06': 6, '07': 14, '08': 8, '09': 7, '10': 4, '11': 3, '12': 5, '99': 2 },
  patrol: { '01': 30, '02': 10, '03': 8, '04': 18, '05': 16, '06': 14, '10': 4 },
  visit: { '06': 6, '07': 16, '08': 18, '09': 30, '10': 6, '12': 14, '05': 4 },
};
const CHECKLISTS: Record<string, string> = { '06': 'fire', '03': 'production', '10': 'public_order', '01': 'other', '04': 'other', '05': 'other', '02': 'other' };

function weighted<T>(r: Random, items: [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = r.next() * total;
  for (const [item, w] of items) {
    x -= w;
    if (x < 0) return item;
  }
  return items[items.length - 1]![0];
}

/** The corpus' messages by category, split by who typically writes them. */
function textsByCategory(): Map<string, { patrol: string[]; visit: string[]; resident: string[] }> {
  const out = new Map<string, { patrol: string[]; visit: string[]; resident: string[] }>();
  for (const { text, category } of corpusExamples()) {
    const entry = out.get(category) ?? { patrol: [], visit: [], resident: [] };
    if (/巡查/.test(text)) entry.patrol.push(text);
    else if (/走访|入户/.test(text)) entry.visit.push(text);
    else if (!/网格员|代.{0,2}反映|帮.{0,4}反映/.test(text)) entry.resident.push(text);
    out.set(category, entry);
  }
  return out;
}

/** What the category asks for: public-security matters go to the police, the harder ones up a tier. */
function courseFor(r: Random, tier: number, major: string): Course {
  if (major === '10' && r.chance(0.6)) return 'police';
  if (tier === 3 ? r.chance(0.5) : tier === 2 ? r.chance(0.15) : r.chance(0.02)) return 'escalate';
  return 'normal';
}

/**
 * The rarer courses by share rather than by chance, so every history has a few of each whatever day it
 * is loaded: returned and rejected, returned and sent on, extended, paused, late.
 */
function withRareCourses(plans: CasePlan[]): CasePlan[] {
  const r = randomStream('history:courses');
  const pool = r.shuffle(plans.filter((p) => p.course === 'normal'));
  const fromResident = (p: CasePlan) => p.channel !== 'patrol' && p.channel !== 'visit';
  const assign = (share: number, course: Course, eligible: (p: CasePlan) => boolean = () => true) => {
    let left = Math.round(plans.length * share);
    for (const p of pool) {
      if (left === 0) break;
      if (p.course !== 'normal' || !eligible(p)) continue;
      p.course = course;
      left--;
    }
  };
  assign(0.025, 'return_reject', fromResident);
  assign(0.02, 'return_redispatch', fromResident);
  assign(0.03, 'extend');
  assign(0.025, 'suspend');
  assign(0.035, 'slow');
  return plans;
}

/** About 5-6 reports a day over `days` local days up to `end`, spread over the demo's grids. */
export function planCases(ctx: AppContext, cast: Cast, end: number, days: number): CasePlan[] {
  const tz = ctx.calendar.timeZone;
  const texts = textsByCategory();
  const r = randomStream('history:reports');
  // The demo accounts sit in 冲赛康 第三网格, so it gets the most cases; the rest of 冲赛康 comes next.
  const gridWeights: [GridCast, number][] = cast.grids.map((g) => [g, g.grid.code === 'CSK-03' ? 3 : g.grid.code.startsWith('CSK-') ? 1.5 : 1]);
  const today = localDate(new Date(end), tz);
  const plans: CasePlan[] = [];
  for (let d = days; d >= 0; d--) {
    const day = addDays(today, -d);
    const count = ctx.calendar.isWorkingDay(day) ? r.int(4, 8) : r.int(3, 5);
    const midnight = localDateTimeToInstant(day, '00:00', tz).getTime();
    const times = Array.from({ length: count }, () => midnight + weighted(r, HOUR_WEIGHTS.map((w, h) => [h, w])) * 3_600_000 + r.int(0, 3599) * 1000).sort((a, b) => a - b);
    for (const at of times) {
      const index = plans.length;
      const random = randomStream(`history:case:${index}`);
      const grid = weighted(random, gridWeights);
      const channel = weighted(random, CHANNEL_WEIGHTS);
      const style = channel === 'patrol' ? 'patrol' : channel === 'visit' ? 'visit' : 'resident';
      const major = weighted(random, Object.entries(MAJOR_WEIGHTS[style]));
      let category = random.pick(CATEGORIES.filter((c) => c.major === major));
      let compound = random.pick(grid.compounds);
      let text: string;
      // Now and then a neighbour reports what someone nearby reported the day before, in their own words.
      const earlier = style === 'resident' && random.chance(0.06) ? plans.filter((p) => p.grid === grid && at - p.at < 30 * 3_600_000 && p.channel !== 'patrol' && p.channel !== 'visit').pop() : undefined;
      if (earlier) {
        category = CATEGORIES.find((c) => c.code === earlier.category)!;
        compound = grid.compounds.find((c) => c.id === earlier.input.compoundId)!;
        const others = texts.get(category.code)!.resident.filter((t) => t !== earlier.input.description);
        text = others.length === 0 ? earlier.input.description : others.reduce((best, t) => (textSimilarity(t, earlier.input.description) > textSimilarity(best, earlier.input.description) ? t : best), others[0]!);
      } else {
        const pool = texts.get(category.code)!;
        text = random.pick(pool[style].length ? pool[style] : pool.resident.length ? pool.resident : [...pool.patrol, ...pool.visit]);
      }
      const point = pointNear(ctx, grid, compound, random);
      const person = random.pick(grid.residents);
      const base: NewCase = { description: text, location: point, compoundId: compound.id };
      let actor: Actor;
      let input: NewCase;
      if (channel === 'patrol' || channel === 'visit') {
        actor = grid.worker;
        const fixed = channel === 'patrol' && random.chance(0.35);
        input = { ...base, kind: 'patrol_report', channel, category: category.code, data: { ...(CHECKLISTS[major] ? { checklist: CHECKLISTS[major] } : {}), ...(fixed ? { fixedOnSite: true } : {}) } };
        plans.push({ index, at, grid, category: category.code, channel, actor, input, course: fixed ? 'fixed_on_site' : courseFor(random, category.tier, major), random });
        continue;
      }
      if (channel === 'hotline') {
        // The community office takes the call and types what the caller says; the operator often picks the category.
        actor = grid.communityWorker;
        input = { ...base, channel, reporter: { name: person.name, phone: person.phone }, ...(random.chance(0.5) ? { category: category.code } : {}) };
      } else if (channel === 'proxy') {
        actor = grid.worker;
        input = { ...base, channel, proxyFor: { residentId: person.id, name: person.name, phone: person.phone, consent: '居民口头同意由网格员代为反映' } };
      } else if (grid.grid.code === 'CSK-03' && cast.resident && random.chance(0.3)) {
        actor = cast.resident;
        input = { ...base, channel };
      } else {
        // An anonymous phone keeps a secret to follow its case; most leave a name and number for the call-back.
        actor = { kind: 'anonymous', reportToken: Array.from({ length: 40 }, () => random.pick([...'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'])).join('') };
        input = { ...base, channel, ...(random.chance(0.6) ? { reporter: { name: person.name, phone: person.phone } } : {}) };
      }
      plans.push({ index, at, grid, category: category.code, channel, actor, input, course: courseFor(random, category.tier, major), random });
    }
  }
  return withOpenTail(withRareCourses(plans.filter((p) => p.at < end)), end);
}

/**
 * The last days always show a case in every open state, whatever hour the demo is loaded: one the grid
 * sent back and the community has not sent on yet, one nobody has accepted, one paused, two left lying
 * past their deadline, one resolved and not yet checked.
 */
// Courses of no consequence for the mix of open states; the category-driven ones are kept.
const TAKEN_OVER = new Set<Course>(['normal', 'slow', 'extend', 'suspend']);

function withOpenTail(plans: CasePlan[], end: number): CasePlan[] {
  const within = (fromHours: number, toHours: number, fromResident: boolean) =>
    plans.filter((p) => end - p.at >= fromHours * 3_600_000 && end - p.at < toHours * 3_600_000 && TAKEN_OVER.has(p.course) && (!fromResident || (p.channel !== 'patrol' && p.channel !== 'visit')));
  const mark = (course: Course, found: CasePlan | undefined) => found && (found.course = course);
  mark('return_wait', within(3, 60, true).at(-1));
  mark('unseen', within(1, 20, false).at(-1));
  mark('long_pause', within(24, 96, false).at(-1));
  for (const p of within(5 * 24, 12 * 24, false).slice(0, 2)) p.course = 'stalled';
  mark('unchecked', within(30, 72, false)[0]);
  return plans;
}

/** A point a few tens of metres from the compound, still inside its grid. */
function pointNear(ctx: AppContext, grid: GridCast, compound: { lng: number; lat: number }, r: Random): { lng: number; lat: number } {
  for (let i = 0; i < 6; i++) {
    const p = { lng: Math.round((compound.lng + r.jitter(0.0005)) * 1e6) / 1e6, lat: Math.round((compound.lat + r.jitter(0.0004)) * 1e6) / 1e6 };
    if (ctx.geo.locateGrid(p.lng, p.lat) === grid.grid.id) return p;
  }
  return { lng: compound.lng, lat: compound.lat };
}
