/**
 * The working-day calendar (工作日历): China's public holidays (法定节假日) and swapped working weekends
 * (调休上班日) as data, and the deadline arithmetic built on them. Case time limits in working days are
 * counted here, in the deployment's time zone; limits in hours use plain clock time (`addHours`).
 *
 * Outside the years the data lists, every Monday–Friday is a working day; `coverage()` tells callers
 * which years are known (and which are only projected) so they can warn an operator in time.
 */
import { type Static, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import chinaHolidays from './holidays.json' with { type: 'json' };
import {
  DEFAULT_TIME_ZONE,
  type LocalDate,
  dayOfWeek,
  endOfLocalDay,
  fromDayNumber,
  localDate,
  startOfLocalDay,
  toDayNumber,
} from './local-time.ts';

export {
  DEFAULT_TIME_ZONE,
  type LocalDate,
  addDays,
  addHours,
  dayOfWeek,
  endOfLocalDay,
  isLocalDate,
  localDate,
  localDateTimeToInstant,
  startOfLocalDay,
} from './local-time.ts';

const DateString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A date, YYYY-MM-DD' });

const FestivalSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, description: 'The festival as the notice names it, e.g. 春节 or 国庆节、中秋节' }),
    from: DateString,
    to: DateString,
    days: Type.Integer({ minimum: 1, description: "The notice's 共N天: checked against from/to so a mistyped date fails loudly" }),
    workingDays: Type.Optional(Type.Array(DateString, { description: 'Saturdays and Sundays worked for this festival (调休上班)' })),
    projected: Type.Optional(Type.Boolean({ description: 'Not yet published: derived from the rules, to be replaced' })),
    note: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

const YearSchema = Type.Object(
  {
    year: Type.Integer({ minimum: 1900, maximum: 9999 }),
    source: Type.Optional(Type.String({ description: 'The notice this year comes from, e.g. 国办发明电〔2024〕12号' })),
    note: Type.Optional(Type.String()),
    festivals: Type.Array(FestivalSchema),
  },
  { additionalProperties: false },
);

/** The shape of a calendar file: the built-in `holidays.json`, or one a deployment supplies instead. */
export const CalendarDataSchema = Type.Object(
  {
    about: Type.Optional(Type.String()),
    name: Type.Optional(Type.String()),
    years: Type.Array(YearSchema),
  },
  { additionalProperties: false },
);

export type CalendarData = Static<typeof CalendarDataSchema>;

/** One festival's arrangement for one year, with every date written out. */
export interface Festival {
  year: number;
  name: string;
  /** Every day off, weekends within the range included. */
  dates: LocalDate[];
  /** The weekend days worked instead (调休上班日). */
  workingDays: LocalDate[];
  projected: boolean;
  source?: string;
}

/** workday: an ordinary Monday–Friday; weekend: an ordinary Saturday/Sunday; swapped_workday: 调休上班. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'swapped_workday';

export interface DayInfo {
  date: LocalDate;
  /** 0 Sunday … 6 Saturday. */
  dayOfWeek: number;
  workingDay: boolean;
  kind: DayKind;
  /** The festival a holiday or swapped working day belongs to. */
  festival?: string;
  /** True when the day's status comes from a projected (unpublished) arrangement. */
  projected: boolean;
  /** False when the date's year is not in the data, so only Monday–Friday was applied. */
  covered: boolean;
}

export interface CalendarCoverage {
  name?: string;
  /** Years the data lists, ascending; other years fall back to plain Monday–Friday. */
  years: number[];
  /** 1 January of the first listed year, or null for a calendar without data. */
  from: LocalDate | null;
  /** 31 December of the last listed year, or null. */
  to: LocalDate | null;
  /** Years with at least one projected entry: replace them when the official notice appears. */
  projectedYears: number[];
}

export interface CalendarOptions {
  /** The zone whose local dates count; defaults to Asia/Shanghai. */
  timeZone?: string;
}

interface SpecialDay {
  kind: 'holiday' | 'swapped_workday';
  festival: Festival;
}

function isWeekend(date: LocalDate): boolean {
  const day = dayOfWeek(date);
  return day === 0 || day === 6;
}

/** Monday–Friday days from a fixed Monday through `day`, inclusive (negative before it); O(1) for reports. */
function weekdaysThrough(day: number): number {
  const sinceMonday = day + 3; // day −3 (1969-12-29) was a Monday
  const weeks = Math.floor(sinceMonday / 7);
  return weeks * 5 + Math.min(sinceMonday - weeks * 7 + 1, 5);
}

/** How many entries of a sorted array are ≤ value. */
function countAtMost(sorted: number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}

function assertWholeDays(days: number): void {
  if (!Number.isInteger(days) || days < 1) {
    throw new RangeError(`Working days must be a whole number of at least 1, not ${days}; use addHours for limits under a day`);
  }
}

/** Holidays and swapped working weekends from data, and the deadline arithmetic in one time zone. */
export class Calendar {
  readonly timeZone: string;
  private readonly name?: string;
  private readonly special = new Map<LocalDate, SpecialDay>();
  private readonly festivalList: Festival[] = [];
  private readonly years: number[];
  private readonly projectedYears: number[];
  /** Day numbers of holidays on Monday–Friday, sorted: each removes one working day. */
  private readonly weekdayHolidays: number[];
  /** Day numbers of swapped working weekends, sorted: each adds one working day. */
  private readonly weekendWorkingDays: number[];

  /** Builds a calendar from data already of the right shape; `loadCalendar` also checks the shape. */
  constructor(data: CalendarData, options: CalendarOptions = {}) {
    this.timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
    localDate(new Date(0), this.timeZone); // an unknown zone fails here, at start-up, not on the first case
    this.name = data.name;
    const where = (year: number, name?: string) => `Calendar data${data.name ? ` "${data.name}"` : ''}, ${year}${name ? ` ${name}` : ''}`;

    const years = new Set<number>();
    for (const entry of data.years) {
      if (years.has(entry.year)) throw new Error(`${where(entry.year)}: the year is listed twice`);
      years.add(entry.year);
      for (const raw of entry.festivals) {
        const at = where(entry.year, raw.name);
        const checkDate = (date: LocalDate) => {
          const day = parseDate(date, at);
          const year = Number(date.slice(0, 4));
          // A notice may reach into a neighbouring year (元旦 from 31 December), never further.
          if (Math.abs(year - entry.year) > 1) throw new Error(`${at}: ${date} is too far from ${entry.year}`);
          return day;
        };
        const first = checkDate(raw.from);
        const last = checkDate(raw.to);
        if (last < first) throw new Error(`${at}: "to" (${raw.to}) is before "from" (${raw.from})`);
        if (last - first + 1 !== raw.days) {
          throw new Error(`${at}: ${raw.from} to ${raw.to} is ${last - first + 1} days, but "days" says ${raw.days}`);
        }
        const festival: Festival = {
          year: entry.year,
          name: raw.name,
          dates: [],
          workingDays: [],
          projected: raw.projected === true,
          ...(entry.source === undefined ? {} : { source: entry.source }),
        };
        for (let day = first; day <= last; day++) {
          const date = fromDayNumber(day);
          const clash = this.special.get(date);
          if (clash) throw new Error(`${at}: ${date} is already ${describe(clash)}`);
          this.special.set(date, { kind: 'holiday', festival });
          festival.dates.push(date);
        }
        for (const date of raw.workingDays ?? []) {
          checkDate(date);
          if (!isWeekend(date)) throw new Error(`${at}: working day ${date} is not a Saturday or Sunday, so it changes nothing`);
          const clash = this.special.get(date);
          if (clash) throw new Error(`${at}: working day ${date} is already ${describe(clash)}`);
          this.special.set(date, { kind: 'swapped_workday', festival });
          festival.workingDays.push(date);
        }
        this.festivalList.push(festival);
      }
    }

    this.years = [...years].sort((a, b) => a - b);
    this.projectedYears = [...new Set(this.festivalList.filter((f) => f.projected).map((f) => f.year))].sort((a, b) => a - b);
    const weekdayHolidays: number[] = [];
    const weekendWorkingDays: number[] = [];
    for (const [date, { kind }] of this.special) {
      if (kind === 'holiday' && !isWeekend(date)) weekdayHolidays.push(toDayNumber(date));
      if (kind === 'swapped_workday') weekendWorkingDays.push(toDayNumber(date));
    }
    this.weekdayHolidays = weekdayHolidays.sort((a, b) => a - b);
    this.weekendWorkingDays = weekendWorkingDays.sort((a, b) => a - b);
  }

  /** Whether a local date is a working day: Monday–Friday unless a holiday; a weekend day only when 调休. */
  isWorkingDay(date: LocalDate): boolean {
    const special = this.special.get(date);
    if (special) return special.kind === 'swapped_workday';
    return !isWeekend(date);
  }

  /** Everything known about a local date, for display ("春节 调休上班") and for warnings on projected data. */
  dayInfo(date: LocalDate): DayInfo {
    const day = dayOfWeek(date);
    const special = this.special.get(date);
    const covered = this.covers(date);
    if (special) {
      return {
        date,
        dayOfWeek: day,
        workingDay: special.kind === 'swapped_workday',
        kind: special.kind,
        festival: special.festival.name,
        projected: special.festival.projected,
        covered,
      };
    }
    const weekend = day === 0 || day === 6;
    return {
      date,
      dayOfWeek: day,
      workingDay: !weekend,
      kind: weekend ? 'weekend' : 'workday',
      projected: this.projectedYears.includes(Number(date.slice(0, 4))),
      covered,
    };
  }

  /** The festival arrangements of one year, or of every year, in the data's order. */
  festivals(year?: number): Festival[] {
    return this.festivalList
      .filter((f) => year === undefined || f.year === year)
      .map((f) => ({ ...f, dates: [...f.dates], workingDays: [...f.workingDays] }));
  }

  /** Which years the data covers, so callers can warn before deadlines fall back to plain Monday–Friday. */
  coverage(): CalendarCoverage {
    const first = this.years[0];
    const last = this.years[this.years.length - 1];
    return {
      ...(this.name === undefined ? {} : { name: this.name }),
      years: [...this.years],
      from: first === undefined ? null : `${first}-01-01`,
      to: last === undefined ? null : `${last}-12-31`,
      projectedYears: [...this.projectedYears],
    };
  }

  /** Whether a local date's year is in the data. */
  covers(date: LocalDate): boolean {
    toDayNumber(date);
    return this.years.includes(Number(date.slice(0, 4)));
  }

  /** The first working day strictly after a local date. */
  nextWorkingDay(date: LocalDate): LocalDate {
    return this.nthWorkingDayAfter(date, 1);
  }

  /** The Nth working day strictly after a local date (N ≥ 1): the date a working-day limit ends on. */
  nthWorkingDayAfter(date: LocalDate, days: number): LocalDate {
    assertWholeDays(days);
    let day = toDayNumber(date);
    let remaining = days;
    while (remaining > 0) {
      day += 1;
      if (this.isWorkingDay(fromDayNumber(day))) remaining -= 1;
    }
    return fromDayNumber(day);
  }

  /**
   * The deadline for "resolve within N working days" (N 个工作日内办结): the END (23:59:59.999 local) of
   * the Nth working day AFTER the local date of `from`. The day of the report never counts, whatever the
   * hour, so a report on Friday evening with N = 1 is due at the end of Monday; a report on a holiday or
   * a weekend counts from the next working day; a swapped working weekend (调休上班日) counts as a working day.
   */
  addWorkingDays(from: Date, days: number, timeZone: string = this.timeZone): Date {
    return endOfLocalDay(this.nthWorkingDayAfter(localDate(from, timeZone), days), timeZone);
  }

  /**
   * An approved extension (延期): the end of the Nth working day after the local date of the current
   * deadline. Counting from the deadline's date, not from approval, keeps the granted days whole.
   */
  extendByWorkingDays(deadline: Date, days: number, timeZone: string = this.timeZone): Date {
    return this.addWorkingDays(deadline, days, timeZone);
  }

  /**
   * Working days from the local date of `a` (exclusive) to the local date of `b` (inclusive), for reports
   * such as "resolved in 3 working days" or "2 working days late"; negative when `b` comes before `a`.
   */
  workingDaysBetween(a: Date, b: Date, timeZone: string = this.timeZone): number {
    return this.countWorkingDays(localDate(a, timeZone), localDate(b, timeZone));
  }

  /** Working days after local date `after` up to and including local date `through` (negative if reversed). */
  countWorkingDays(after: LocalDate, through: LocalDate): number {
    return this.workingDaysThrough(toDayNumber(through)) - this.workingDaysThrough(toDayNumber(after));
  }

  /** The start (00:00 local) of the first working day after the local date of `from`, e.g. for reminders. */
  nextWorkingDayStart(from: Date, timeZone: string = this.timeZone): Date {
    return startOfLocalDay(this.nextWorkingDay(localDate(from, timeZone)), timeZone);
  }

  /** Working days from a fixed origin through a day number: Monday–Friday, less holidays on them, plus 调休. */
  private workingDaysThrough(day: number): number {
    return weekdaysThrough(day) - countAtMost(this.weekdayHolidays, day) + countAtMost(this.weekendWorkingDays, day);
  }
}

function parseDate(date: LocalDate, at: string): number {
  try {
    return toDayNumber(date);
  } catch {
    throw new Error(`${at}: ${JSON.stringify(date)} is not a real date`);
  }
}

function describe(day: SpecialDay): string {
  return `${day.kind === 'holiday' ? 'a holiday' : 'a working day'} of ${day.festival.year} ${day.festival.name}`;
}

/**
 * A calendar from a deployment's own file (its parsed JSON, or the JSON text), checked in full: a wrong
 * field name, an impossible date or a range that disagrees with its day count throws with the place named.
 */
export function loadCalendar(input: unknown, options: CalendarOptions = {}): Calendar {
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch (error) {
      throw new Error(`Calendar file is not valid JSON: ${(error as Error).message}`);
    }
  }
  if (!Value.Check(CalendarDataSchema, data)) {
    const problems = [...Value.Errors(CalendarDataSchema, data)]
      .slice(0, 3)
      .map((e) => `${e.path || '/'}: ${e.message}`)
      .join('; ');
    throw new Error(`Calendar data does not have the expected shape: ${problems}`);
  }
  return new Calendar(data, options);
}

/** The built-in calendar: the State Council's arrangements in holidays.json, in Asia/Shanghai. */
export const chinaCalendar: Calendar = loadCalendar(chinaHolidays);

/** Whether a local date is a working day in the built-in China calendar. */
export function isWorkingDay(date: LocalDate): boolean {
  return chinaCalendar.isWorkingDay(date);
}

/** `Calendar.addWorkingDays` on the built-in calendar: the end of the Nth working day after `from`'s date. */
export function addWorkingDays(from: Date, days: number, timeZone: string = DEFAULT_TIME_ZONE): Date {
  return chinaCalendar.addWorkingDays(from, days, timeZone);
}

/** `Calendar.extendByWorkingDays` on the built-in calendar. */
export function extendByWorkingDays(deadline: Date, days: number, timeZone: string = DEFAULT_TIME_ZONE): Date {
  return chinaCalendar.extendByWorkingDays(deadline, days, timeZone);
}

/** `Calendar.workingDaysBetween` on the built-in calendar. */
export function workingDaysBetween(a: Date, b: Date, timeZone: string = DEFAULT_TIME_ZONE): number {
  return chinaCalendar.workingDaysBetween(a, b, timeZone);
}

/** `Calendar.nextWorkingDayStart` on the built-in calendar. */
export function nextWorkingDayStart(from: Date, timeZone: string = DEFAULT_TIME_ZONE): Date {
  return chinaCalendar.nextWorkingDayStart(from, timeZone);
}

/** `Calendar.coverage` of the built-in calendar. */
export function coverage(): CalendarCoverage {
  return chinaCalendar.coverage();
}
