import { Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatDateTime, formatDuration, msUntil, percent } from '../../shared/format.ts';
import type { Translate } from '../../shared/i18n/index.tsx';
import type { MessageKey } from '../messages.ts';
import type { StaffCase } from '../types.ts';
import { CaseLink } from './CaseLink.tsx';
import { CaseFlags, StateTag } from './CaseTags.tsx';

export type CaseColumn = 'number' | 'description' | 'category' | 'state' | 'place' | 'handler' | 'reported' | 'deadline' | 'channel';

/** Time left (or over) before a deadline, red once it has passed. */
export function Deadline({ iso, open, locale, t }: { iso: string; open: boolean; locale: string; t: Translate<MessageKey> }) {
  const left = msUntil(iso);
  return (
    <span>
      <div>{formatDateTime(iso, locale)}</div>
      {open && left !== null && (
        <Typography.Text type={left < 0 ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
          {left < 0 ? t('timeOver', { d: formatDuration(left, locale) }) : t('timeLeft', { d: formatDuration(left, locale) })}
        </Typography.Text>
      )}
    </span>
  );
}

/** The columns case tables share, in the order asked for. */
export function caseColumns(which: CaseColumn[], t: Translate<MessageKey>, locale: string): ColumnsType<StaffCase> {
  const all: Record<CaseColumn, ColumnsType<StaffCase>[number]> = {
    number: { key: 'number', title: t('colNumber'), width: 150, render: (_, c) => <CaseLink number={c.number} /> },
    description: {
      key: 'description',
      title: t('colDescription'),
      render: (_, c) => (
        <div style={{ minWidth: 200 }}>
          <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
            {c.description}
          </Typography.Paragraph>
          <CaseFlags c={c} />
        </div>
      ),
    },
    category: {
      key: 'category',
      title: t('colCategory'),
      width: 200,
      render: (_, c) => (
        <span>
          <div>{c.categoryLabel ?? t('noValue')}</div>
          {c.categorySource === 'classifier' && c.categoryConfidence !== null && (
            <Typography.Text type={c.needsReview ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>
              {t('confidence', { p: percent(c.categoryConfidence) })}
            </Typography.Text>
          )}
        </span>
      ),
    },
    state: { key: 'state', title: t('colState'), width: 100, render: (_, c) => <StateTag c={c} /> },
    place: {
      key: 'place',
      title: t('colPlace'),
      width: 160,
      render: (_, c) =>
        c.grid ? (
          <span>
            <div>{c.grid.name}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.community?.name}
            </Typography.Text>
          </span>
        ) : (
          <span>
            <Typography.Text type="warning">{t('noGrid')}</Typography.Text>
            {c.community && (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c.community.name}
                </Typography.Text>
              </div>
            )}
          </span>
        ),
    },
    handler: {
      key: 'handler',
      title: t('colHandler'),
      width: 150,
      render: (_, c) => (
        <span>
          <div>{c.handler.name ?? c.handler.node?.name ?? t('noValue')}</div>
          {c.handler.name && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.handler.roleLabel}
            </Typography.Text>
          )}
        </span>
      ),
    },
    reported: { key: 'reported', title: t('colReported'), width: 150, render: (_, c) => formatDateTime(c.reportedAt, locale) },
    deadline: { key: 'deadline', title: t('colDeadline'), width: 160, render: (_, c) => <Deadline iso={c.resolveBy} open={c.family === 'open'} locale={locale} t={t} /> },
    channel: { key: 'channel', title: t('colChannel'), width: 110, render: (_, c) => c.channelLabel },
  };
  return which.map((w) => all[w]);
}
