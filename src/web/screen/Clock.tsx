import { useEffect, useState } from 'react';
import { useLocale, useT } from '../shared/i18n/index.tsx';
import { screen } from './messages.ts';

/** The wall clock in the domain's time zone, as on every command screen. */
export function Clock() {
  const t = useT(screen);
  const { locale } = useLocale();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  const date = new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short' }).format(now);
  const time = new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(now);
  return (
    <div className="sc-clock" role="timer" aria-label={t('clock')} aria-live="off">
      <span className="sc-clock-time">{time}</span>
      <span className="sc-clock-date">{date}</span>
    </div>
  );
}
