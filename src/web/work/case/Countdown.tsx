import { ClockCircleOutlined } from '@ant-design/icons';
import { formatDuration, msUntil } from '../../shared/format.ts';
import { useLocale, useT } from '../../shared/i18n/index.tsx';
import { work } from '../messages.ts';
import type { WorkCase } from '../types.ts';
import { activeDeadline } from '../urgency.ts';
import { useNow } from '../useNow.ts';

/** Time left to the deadline that matters now (acceptance, then resolution), red once it has passed. */
export function Countdown({ c }: { c: WorkCase }) {
  const t = useT(work);
  const { locale } = useLocale();
  const now = useNow();
  if (c.state === 'suspended') return <span className="lx-countdown">{t('suspendedClock')}</span>;
  const d = activeDeadline(c);
  const left = msUntil(d.at, now) ?? 0;
  const late = left < 0 || c.overdue;
  const time = formatDuration(left, locale);
  const text = late ? t(d.kind === 'respond' ? 'respondOverdue' : 'resolveOverdue', { time }) : t(d.kind === 'respond' ? 'respondIn' : 'resolveIn', { time });
  const soon = !late && left < 2 * 3_600_000;
  return (
    <span className={`lx-countdown${late ? ' is-late' : soon ? ' is-soon' : ''}`}>
      <ClockCircleOutlined aria-hidden /> {text}
    </span>
  );
}
