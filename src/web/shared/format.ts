/** Times are shown in the domain's time zone (Asia/Shanghai), whatever the device is set to. */
const ZONE = 'Asia/Shanghai';

export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale, { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}

export function formatDate(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale, { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** Milliseconds left until a deadline (negative once it has passed). */
export function msUntil(iso: string | null | undefined, nowMs = Date.now()): number | null {
  return iso ? Date.parse(iso) - nowMs : null;
}

/** "2天3小时" / "2d 3h" style: the largest two units of a duration. */
export function formatDuration(ms: number, locale: string): string {
  const abs = Math.abs(ms);
  const d = Math.floor(abs / 86_400_000);
  const h = Math.floor((abs % 86_400_000) / 3_600_000);
  const m = Math.floor((abs % 3_600_000) / 60_000);
  const en = locale === 'en';
  if (d > 0) return en ? `${d}d ${h}h` : `${d}天${h}小时`;
  if (h > 0) return en ? `${h}h ${m}m` : `${h}小时${m}分`;
  return en ? `${m}m` : `${m}分钟`;
}

export function percent(x: number | null | undefined): string {
  return x === null || x === undefined || Number.isNaN(x) ? '—' : `${(x * 100).toFixed(1)}%`;
}
