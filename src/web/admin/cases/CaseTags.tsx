import { Space, Tag } from 'antd';
import { useT } from '../../shared/i18n/index.tsx';
import { m } from '../messages.ts';
import type { StaffCase } from '../types.ts';

const STATE_COLOURS: Record<string, string> = {
  new: 'orange',
  dispatched: 'gold',
  in_progress: 'blue',
  suspended: 'default',
  resolved: 'cyan',
  closed: 'green',
  merged: 'default',
  rejected: 'default',
};

/** The state as the server names it, coloured by how much it still needs someone. */
export function StateTag({ c }: { c: Pick<StaffCase, 'state' | 'stateLabel'> }) {
  return <Tag color={STATE_COLOURS[c.state] ?? 'default'}>{c.stateLabel}</Tag>;
}

/** Flags a desk worker scans for: overdue, urgent, waiting for a category, possibly a duplicate, outside the grids. */
export function CaseFlags({ c }: { c: StaffCase }) {
  const t = useT(m);
  return (
    <Space size={4} wrap>
      {c.overdue && <Tag color="red">{t('overdueTag')}</Tag>}
      {c.grade === 'urgent' && <Tag color="volcano">{t('urgentTag')}</Tag>}
      {c.needsReview && <Tag color="purple">{t('reviewTag')}</Tag>}
      {c.duplicateCandidateId && c.family === 'open' && <Tag color="magenta">{t('duplicateTag')}</Tag>}
      {c.outsideGrid && <Tag color="orange">{t('outsideGrid')}</Tag>}
    </Space>
  );
}
