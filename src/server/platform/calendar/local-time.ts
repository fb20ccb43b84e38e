/**
 * Local dates in a deployment's time zone and back to UTC instants, through Intl only, so the result never
 * depends on the server's own TZ. A local date is the string 'YYYY-MM-DD'; its arithmetic is done on day
 * numbers (days since 1970-01-01), which no time zone or daylight saving can disturb.
 */

/** A calendar date in some time zone, 'YYYY-MM-DD'. */
export type LocalDate = string;

/** Deadlines are computed in the deployment's zone; China has one (北京时间) and no daylight saving. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const MS_PER_DAY = 86_400_000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

// Building a DateTimeFormat costs far more than formatting with one; a deployment uses one or two zones.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        hourCycle: 'h23',
      });
    } catch {
      throw new RangeError(`Unknown time zone "${timeZone}" (expected an IANA name such as Asia/Shanghai)`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function assertValidInstant(instant: Date): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) throw new RangeError('Invalid Date');
}

/** The wall-clock fields of an instant in a zone, as if they were UTC (milliseconds dropped). */
function wallClockAsUtc(epochMs: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second);
}

/** The zone's offset from UTC at an instant, in milliseconds (+8 h for Asia/Shanghai). */
function offsetAt(epochMs: number, timeZone: string): number {
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  return wallClockAsUtc(wholeSecond, timeZone) - wholeSecond;
}

/** Day number (days since 1970-01-01) of a local date; throws on anything but a real 'YYYY-MM-DD'. */
export function toDayNumber(date: LocalDate): number {
  const match = typeof date === 'string' ? LOCAL_DATE.exec(date) : null;
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const ms = Date.UTC(year, month - 1, day);
    const check = new Date(ms);
    // Date.UTC rolls 2025-02-30 over to March; a round trip catches it.
    if (check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day) {
      return ms / MS_PER_DAY;
    }
  }
  throw new RangeError(`Not a date in the form YYYY-MM-DD: ${JSON.stringify(date)}`);
}

/** The local date of a day number. */
export function fromDayNumber(dayNumber: number): LocalDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Whether a string is a real calendar date 'YYYY-MM-DD'. */
export function isLocalDate(value: unknown): value is LocalDate {
  try {
    toDayNumber(value as string);
    return true;
  } catch {
    return false;
  }
}

/** The date `days` days after (or before, if negative) a local date. */
export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Day of the week of a local date: 0 Sunday … 6 Saturday, as Date.getDay. */
export function dayOfWeek(date: LocalDate): number {
  // 1970-01-01 was a Thursday.
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

/** The calendar date of an instant in a time zone (本地日期), e.g. 16:30 UTC is the next day in Shanghai. */
export function localDate(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): LocalDate {
  assertValidInstant(instant);
  const wall = instant.getTime() + offsetAt(instant.getTime(), timeZone);
  return new Date(wall).toISOString().slice(0, 10);
}

/**
 * The UTC instant at which a zone's clocks show a local date and time ('HH:mm', 'HH:mm:ss' or
 * 'HH:mm:ss.SSS'). Where daylight saving makes a wall time ambiguous, the earlier instant wins; where it
 * skips one, the time is pushed forward by the gap (as Temporal's "compatible" does).
 */
export function localDateTimeToInstant(date: LocalDate, time = '00:00', timeZone: string = DEFAULT_TIME_ZONE): Date {
  const match = LOCAL_TIME.exec(time);
  if (!match) throw new RangeError(`Not a time in the form HH:mm[:ss[.SSS]]: ${JSON.stringify(time)}`);
  const [hour, minute, second] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  const millis = Number((match[4] ?? '0').padEnd(3, '0'));
  if (hour > 23 || minute > 59 || second > 59) throw new RangeError(`Not a time of day: ${JSON.stringify(time)}`);

  const wall = toDayNumber(date) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + millis;
  // The offset a day either side brackets any transition near this wall time (no zone changes twice a day).
  const before = wall - offsetAt(wall - MS_PER_DAY, timeZone);
  const after = wall - offsetAt(wall + MS_PER_DAY, timeZone);
  const fits = (candidate: number) => candidate + offsetAt(candidate, timeZone) === wall;
  const candidates = [before, after].filter(fits);
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  return new Date(before);
}

/** The first instant of a local date in a zone (00:00 local, or the first existing time after it). */
export function startOfLocalDay(date: LocalDate, timeZone: string = DEFAULT_TIME_ZONE): Date {
  return localDateTimeToInstant(date, '00:00', timeZone);
}

/**
 * The last millisecond of a local date in a zone: 23:59:59.999 local. Taken as one millisecond before the
 * next day starts, so days of 23 or 25 hours under daylight saving come out right too.
 */
export function endOfLocalDay(date: LocalDate, timeZone: string = DEFAULT_TIME_ZONE): Date {
  return new Date(startOfLocalDay(addDays(date, 1), timeZone).getTime() - 1);
}

/** Clock hours after an instant, for urgent categories (紧急类 time limits); fractions allowed (0.5 = 30 min). */
export function addHours(from: Date, hours: number): Date {
  assertValidInstant(from);
  if (!Number.isFinite(hours)) throw new RangeError(`Hours must be a finite number, not ${hours}`);
  return new Date(from.getTime() + Math.round(hours * 3_600_000));
}
