import { AppError } from '../../http/errors.ts';
import { dayOfWeek, localDate } from '../../platform/calendar/local-time.ts';

/**
 * Weekly hours in local time: when a talent is free to serve (服务时间) or a shared resource is open (开放时间).
 * Weekdays are ISO numbers, 1 Monday … 7 Sunday; `from` and `to` are 'HH:mm' with `from` before `to`
 * ('24:00' ends a slot at midnight).
 */
export interface WeeklySlot {
  weekdays: number[];
  from: string;
  to: string;
}

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

function minutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** Checks and normalises slots (weekdays sorted and unique); refuses a slot that ends before it starts. */
export function checkedWeeklyHours(slots: readonly WeeklySlot[], field: string): WeeklySlot[] {
  return slots.map((slot, i) => {
    if (!HH_MM.test(slot.from) || !HH_MM.test(slot.to) || minutes(slot.from) >= minutes(slot.to) || slot.from === '24:00') {
      throw new AppError('WEEKLY_HOURS_INVALID', { field: `${field}/${i}`, from: slot.from, to: slot.to });
    }
    const weekdays = [...new Set(slot.weekdays)].sort((a, b) => a - b);
    if (weekdays.length === 0 || weekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
      throw new AppError('WEEKLY_HOURS_INVALID', { field: `${field}/${i}/weekdays` });
    }
    return { weekdays, from: slot.from, to: slot.to };
  });
}

/** Slots as stored (JSON text); anything unreadable counts as no hours at all. */
export function parseWeeklyHours(text: string | null): WeeklySlot[] {
  if (!text) return [];
  try {
    const value = JSON.parse(text);
    return Array.isArray(value) ? (value as WeeklySlot[]) : [];
  } catch {
    return [];
  }
}

/** The local ISO weekday (1-7) and minute of the day of an instant in a time zone. */
export function localWeekMinute(instant: Date, timeZone: string): { weekday: number; minute: number } {
  const date = localDate(instant, timeZone);
  const wall = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
  const weekday = dayOfWeek(date) === 0 ? 7 : dayOfWeek(date);
  return { weekday, minute: minutes(wall) };
}

/** Whether the slots cover an instant (local weekday and time in the zone). */
export function coversInstant(slots: readonly WeeklySlot[], instant: Date, timeZone: string): boolean {
  const { weekday, minute } = localWeekMinute(instant, timeZone);
  return slots.some((s) => s.weekdays.includes(weekday) && minutes(s.from) <= minute && minute < minutes(s.to));
}
