import dayjs, { type Dayjs } from 'dayjs';

// The domain's zone (Asia/Shanghai) keeps +08:00 all year: a picked wall-clock time is read there, whatever the
// browser's own zone, so an office abroad (or a test machine) publishes the time the community means.
const OFFSET_MS = 8 * 3_600_000;

/** A picked date and time, read as Asia/Shanghai wall-clock time, as an ISO instant. */
export function toInstant(d: Dayjs): string {
  return `${d.format('YYYY-MM-DDTHH:mm')}:00+08:00`;
}

/** An instant as Asia/Shanghai wall-clock time, for a picker that shows the browser's local time. */
export function toWallClock(iso: string): Dayjs {
  return dayjs(new Date(Date.parse(iso) + OFFSET_MS).toISOString().slice(0, 19));
}
