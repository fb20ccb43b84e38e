import { Timeline } from 'antd';
import { formatDateTime } from '../../shared/format.ts';
import { useLocale } from '../../shared/i18n/index.tsx';
import type { ReporterTimelineEntry } from '../types.ts';

/** The steps meant for the reporter, oldest first, with any note the handler wrote for them. */
export function CaseTimeline({ entries }: { entries: ReporterTimelineEntry[] }) {
  const { locale } = useLocale();
  return (
    <Timeline
      className="lx-timeline"
      items={entries.map((e, i) => ({
        key: `${e.at}-${i}`,
        color: i === entries.length - 1 ? 'red' : 'gray',
        content: (
          <div>
            <div className="lx-timeline-text">{e.text}</div>
            {e.note && <div className="lx-timeline-note">{e.note}</div>}
            <time className="lx-timeline-time" dateTime={e.at}>
              {formatDateTime(e.at, locale)}
            </time>
          </div>
        ),
      }))}
    />
  );
}
