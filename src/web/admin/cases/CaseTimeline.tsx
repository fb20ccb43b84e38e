import { Flex, Space, Tag, Timeline, Typography } from 'antd';
import { formatDateTime, percent } from '../../shared/format.ts';
import { useLocale, useT } from '../../shared/i18n/index.tsx';
import { useAdminData, useNameOf } from '../AdminData.tsx';
import { type MessageKey, m } from '../messages.ts';
import type { TimelineEntry } from '../types.ts';

const COLOURS: Record<string, string> = { submit: 'blue', resolve: 'green', verify: 'green', follow_up: 'green', overdue: 'red', reject: 'gray', merge: 'gray', escalate: 'orange', return: 'orange', reopen: 'orange' };

/** The facts an event carries beyond who and when, in words (the reason is shown on its own). */
function details(e: TimelineEntry, t: (k: MessageKey, p?: Record<string, string | number>) => string, category: (code: unknown) => string): string[] {
  const d = e.data ?? {};
  const out: string[] = [];
  if (e.action === 'submit') {
    if (typeof d.confidence === 'number') out.push(t('evConfidence', { p: percent(d.confidence) }));
    if (d.outsideGrid) out.push(t('evOutside'));
  }
  if (e.action === 'verify' && typeof d.pass === 'boolean') out.push(t(d.pass ? 'evPass' : 'evFail'));
  if (e.action === 'follow_up') {
    if (typeof d.method === 'string') out.push(t('evMethod', { method: t(`method_${d.method}` as MessageKey) }));
    if (typeof d.reached === 'boolean') out.push(t(d.reached ? 'evReached' : 'evNotReached'));
    if (d.contactedInTime === true) out.push(t('evInTime'));
    if (typeof d.solved === 'boolean') out.push(t(d.solved ? 'evSolved' : 'evNotSolved'));
    if (typeof d.satisfaction === 'string') out.push(t(d.satisfaction as MessageKey));
  }
  if ((e.action === 'extend' || e.action === 'decide_extension') && typeof d.workingDays === 'number') out.push(t('evWorkingDays', { n: d.workingDays }));
  if (e.action === 'decide_extension' && typeof d.approved === 'boolean') out.push(t(d.approved ? 'evApproved' : 'evRefused'));
  if (e.action === 'merge' && typeof d.into === 'string') out.push(t('evInto', { number: d.into }));
  if (typeof d.mergedFrom === 'string') out.push(t('evMergedFrom', { number: d.mergedFrom }));
  if (e.action === 'categorize') out.push(t('evCategory', { from: category(d.from), to: category(d.to) }));
  if (e.action === 'publish' && typeof d.public === 'boolean') out.push(t('evPublic', { value: t(d.public ? 'yes' : 'no') }));
  return out;
}

/** Every step of the case for staff: who, when, what, why, and from whom to whom. */
export function CaseTimeline({ events }: { events: TimelineEntry[] }) {
  const t = useT(m);
  const { locale } = useLocale();
  const nameOf = useNameOf();
  const { categories } = useAdminData();
  const category = (code: unknown) => {
    const c = categories.find((x) => x.code === code);
    return c ? (locale === 'en' ? c.en : c.zh) : typeof code === 'string' ? code : t('noValue');
  };
  return (
    <Timeline
      items={events.map((e) => {
        const from = nameOf(e.fromHandler);
        const to = nameOf(e.toHandler);
        return {
          key: e.seq,
          color: COLOURS[e.action] ?? 'blue',
          content: (
            <div>
              <Flex justify="space-between" gap={12}>
                <Space size={6} wrap>
                  <Typography.Text strong>{e.actionLabel}</Typography.Text>
                  {e.actor && <Typography.Text type="secondary">{e.actor}</Typography.Text>}
                  {e.publicNote && <Tag>{t('publicTag')}</Tag>}
                </Space>
                <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(e.at, locale)}
                </Typography.Text>
              </Flex>
              {(from || to) && e.action !== 'submit' && <div>{t('handlerChange', { from: from ?? t('noValue'), to: to ?? t('noValue') })}</div>}
              {e.action === 'submit' && to && <div>→ {to}</div>}
              {e.reason && <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{e.reason}</Typography.Paragraph>}
              {details(e, t, category).length > 0 && (
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {details(e, t, category).join(' · ')}
                  </Typography.Text>
                </div>
              )}
            </div>
          ),
        };
      })}
    />
  );
}
