import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { Activity } from '../../shared/activities/types.ts';
import { useT } from '../../shared/i18n/index.tsx';
import { monthDays, shiftMonth, today, weekday } from './days.ts';
import { type ActivityKey, activityMessages } from './messages.ts';

/** A month of days, Monday first; a day with activities shows how many, and choosing it lists them. */
export function MonthCalendar({ month, items, chosen, onMonth, onChoose }: { month: string; items: Activity[]; chosen: string | null; onMonth: (m: string) => void; onChoose: (day: string) => void }) {
  const t = useT(activityMessages);
  const days = monthDays(month);
  const blanks = weekday(days[0]!) - 1;
  const count = new Map<string, number>();
  for (const a of items) if (a.state !== 'cancelled') count.set(a.localDay, (count.get(a.localDay) ?? 0) + 1);
  const now = today();
  const [year, m] = month.split('-');
  return (
    <div className="lx-calendar">
      <div className="lx-calendar-head">
        <Button type="text" icon={<LeftOutlined aria-hidden />} aria-label={t('prevMonth')} onClick={() => onMonth(shiftMonth(month, -1))} />
        <h2 className="lx-section-title" aria-live="polite">
          {t('monthTitle', { year: year!, month: Number(m) })}
        </h2>
        <Button type="text" icon={<RightOutlined aria-hidden />} aria-label={t('nextMonth')} onClick={() => onMonth(shiftMonth(month, 1))} />
      </div>
      <div className="lx-calendar-grid" role="grid" aria-label={t('monthTitle', { year: year!, month: Number(m) })}>
        {[1, 2, 3, 4, 5, 6, 7].map((d) => (
          <div key={`w${d}`} className="lx-calendar-weekday" aria-hidden>
            {t(`weekday${d}` as ActivityKey)}
          </div>
        ))}
        {Array.from({ length: blanks }, (_, i) => (
          <div key={`b${i}`} />
        ))}
        {days.map((day) => {
          const n = count.get(day) ?? 0;
          const cls = ['lx-calendar-day', n > 0 ? 'lx-calendar-busy' : '', day === chosen ? 'lx-calendar-chosen' : '', day === now ? 'lx-calendar-today' : ''].filter(Boolean).join(' ');
          return (
            <button key={day} type="button" className={cls} aria-pressed={day === chosen} aria-label={n > 0 ? t('dayLabel', { day, n }) : day} onClick={() => onChoose(day)}>
              <span>{Number(day.slice(8))}</span>
              {n > 0 && <span className="lx-calendar-dot">{n}</span>}
            </button>
          );
        })}
      </div>
    </div>
  );
}
