import { type Calendar, addHours, localDate } from '../../platform/calendar/working-days.ts';
import { type Category, FALLBACK_CATEGORY } from './taxonomy.ts';

export type Grade = 'normal' | 'urgent';

/**
 * 限时办理: the response deadline is clock hours from the report; the resolution deadline is clock hours
 * for urgent cases (an urgent category, or a case graded 紧急 by staff) and working days otherwise, in the
 * deployment's time zone with China's holidays and swapped working weekends.
 */
export function deadlinesFor(calendar: Calendar, category: Category | undefined, grade: Grade, reportedAt: Date): { respondBy: string; resolveBy: string } {
  const c = category ?? FALLBACK_CATEGORY;
  const urgent = grade === 'urgent';
  const respondHours = urgent ? Math.min(c.respondHours, 2) : c.respondHours;
  const resolveBy = urgent
    ? addHours(reportedAt, c.resolveHours ?? 24)
    : calendar.addWorkingDays(reportedAt, c.resolveWorkdays ?? 5);
  return { respondBy: addHours(reportedAt, respondHours).toISOString(), resolveBy: resolveBy.toISOString() };
}

/** An approved extension moves the resolution deadline by working days. */
export function extendDeadline(calendar: Calendar, resolveBy: string, workingDays: number): string {
  return calendar.extendByWorkingDays(new Date(resolveBy), workingDays).toISOString();
}

/** The local day a case belongs to in cohort figures. */
export function reportingDay(calendar: Calendar, at: Date): string {
  return localDate(at, calendar.timeZone);
}

/** The grade a category implies when nobody says otherwise. */
export function defaultGrade(category: Category | undefined): Grade {
  return category?.urgent ? 'urgent' : 'normal';
}
