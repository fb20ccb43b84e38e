import { Tag, Timeline } from 'antd';
import { formatDateTime } from '../../shared/format.ts';
import { useLocale, useT } from '../../shared/i18n/index.tsx';
import { work, type WorkKey } from '../messages.ts';
import type { TimelineEntry } from '../types.ts';

const COLORS: Record<string, string> = { overdue: 'red', resolve: 'green', verify: 'green', follow_up: 'green', escalate: 'orange', return: 'orange', transfer: 'orange' };

const METHODS: Record<string, WorkKey> = { visit: 'methodVisit', phone: 'methodPhone', app: 'tlApp' };
const SATISFACTION: Record<string, WorkKey> = { satisfied: 'satisfied', basically_satisfied: 'basicallySatisfied', dissatisfied: 'dissatisfied' };

/** The answers an entry carries that a worker reads at a glance: how a follow-up went, how long an extension. */
function details(e: TimelineEntry, t: (k: WorkKey, p?: Record<string, string | number>) => string): string | null {
  const d = e.data ?? {};
  if (e.action === 'follow_up') {
    const parts = [METHODS[String(d.method)] ? t(METHODS[String(d.method)]) : null, d.reached ? t('tlReached') : t('tlNotReached')];
    if (d.reached && d.solved !== null && d.solved !== undefined) parts.push(d.solved ? t('tlSolved') : t('tlNotSolved'));
    if (d.reached && SATISFACTION[String(d.satisfaction)]) parts.push(t(SATISFACTION[String(d.satisfaction)]));
    return parts.filter(Boolean).join(' · ');
  }
  if (e.action === 'extend' && typeof d.workingDays === 'number') return t('tlWorkingDays', { days: d.workingDays });
  if (e.action === 'decide_extension') return d.approved ? t('tlApproved', { days: Number(d.workingDays) }) : t('tlRefused');
  return null;
}

/** Who did what when, and why, newest last as it happened. */
export function CaseTimeline({ entries }: { entries: TimelineEntry[] }) {
  const t = useT(work);
  const { locale } = useLocale();
  return (
    <Timeline
      items={entries.map((e) => ({
        key: e.seq,
        color: COLORS[e.action] ?? 'blue',
        content: (
          <div>
            <strong>{e.actionLabel}</strong> {e.publicNote && <Tag>{t('publicNoteTag')}</Tag>}
            <div className="lx-timeline-meta">
              {formatDateTime(e.at, locale)}
              {e.actor && ` · ${e.actor}`}
            </div>
            {details(e, t) && <div className="lx-timeline-detail">{details(e, t)}</div>}
            {e.reason && <div className="lx-timeline-reason">{e.reason}</div>}
          </div>
        ),
      }))}
    />
  );
}
