/** Short times for dense lists: "11-23 14:05" in the domain's time zone. */
export function shortDateTime(iso: string, locale: string): string {
  const parts = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** "11-23" for chart axes (the day is already a local date). */
export function shortDay(day: string): string {
  return day.slice(5);
}
