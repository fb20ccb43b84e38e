import { Descriptions, Typography } from 'antd';
import { formatDateTime, percent } from '../../shared/format.ts';
import { useLocale, useT } from '../../shared/i18n/index.tsx';
import { type MessageKey, m } from '../messages.ts';
import type { StaffCase } from '../types.ts';
import { Deadline } from './caseColumns.tsx';

/** The case's record as staff need it to act: what, where, who handles it, and its clocks. */
export function CaseFacts({ c }: { c: StaffCase }) {
  const t = useT(m);
  const { locale } = useLocale();
  const open = c.family === 'open';
  const when = (iso: string | null) => (iso ? formatDateTime(iso, locale) : t('noValue'));
  const reporter = c.reporter.anonymous ? t('anonymous') : [c.reporter.name, c.reporter.phone].filter(Boolean).join(' ') || t('noValue');
  return (
    <Descriptions
      size="small"
      column={2}
      bordered
      items={[
        { key: 'desc', label: t('fDescription'), span: 2, children: <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{c.description}</Typography.Paragraph> },
        {
          key: 'category',
          label: t('fCategory'),
          children: (
            <span>
              {c.categoryLabel ?? t('noValue')}
              {c.categorySource === 'classifier' && c.categoryConfidence !== null && (
                <Typography.Text type={c.needsReview ? 'warning' : 'secondary'} style={{ marginLeft: 8, fontSize: 12 }}>
                  {t('confidence', { p: percent(c.categoryConfidence) })}
                </Typography.Text>
              )}
            </span>
          ),
        },
        { key: 'grade', label: t('fGrade'), children: t(`grade_${c.grade}` as MessageKey) },
        { key: 'kind', label: t('fKind'), children: c.kindLabel },
        { key: 'channel', label: t('fChannel'), children: c.channelLabel },
        { key: 'place', label: t('fPlace'), span: 2, children: [c.location.address, c.grid ? `${c.community?.name ?? ''} ${c.grid.name}` : t('noGrid')].filter(Boolean).join(' · ') },
        { key: 'handler', label: t('fHandler'), children: [c.handler.name, c.handler.roleLabel, c.handler.node?.name].filter(Boolean).join(' · ') || t('noValue') },
        { key: 'tier', label: t('fTier'), children: t(`tier${Math.min(c.tier, 3)}` as MessageKey) },
        { key: 'reporter', label: t('fReporter'), children: reporter },
        { key: 'reporters', label: t('fReporters'), children: c.reporterCount },
        { key: 'reported', label: t('fReported'), children: when(c.reportedAt) },
        { key: 'respondBy', label: t('fRespondBy'), children: c.acceptedAt ? when(c.respondBy) : <Deadline iso={c.respondBy} open={open} locale={locale} t={t} /> },
        { key: 'accepted', label: t('fAccepted'), children: when(c.acceptedAt) },
        { key: 'resolveBy', label: t('fResolveBy'), children: <Deadline iso={c.resolveBy} open={open} locale={locale} t={t} /> },
        { key: 'resolved', label: t('fResolved'), children: when(c.resolvedAt) },
        { key: 'closed', label: t('fClosed'), children: when(c.closedAt) },
        { key: 'rework', label: t('fRework'), children: c.reworkCount },
        { key: 'public', label: t('fPublic'), children: t(c.isPublic ? 'yes' : 'no') },
        ...(c.resolution ? [{ key: 'resolution', label: t('fResolution'), span: 2, children: <span style={{ whiteSpace: 'pre-wrap' }}>{c.resolution}</span> }] : []),
      ]}
    />
  );
}
