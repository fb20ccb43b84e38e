import { Tag } from 'antd';
import { useT } from '../../shared/i18n/index.tsx';
import { work } from '../messages.ts';
import type { WorkCase } from '../types.ts';

const STATE_COLORS: Record<string, string> = { new: 'default', dispatched: 'orange', in_progress: 'blue', suspended: 'default', resolved: 'green', closed: 'green' };

/** State, grade and overdue as compact tags. */
export function CaseTags({ c }: { c: WorkCase }) {
  const t = useT(work);
  return (
    <span className="lx-tags">
      <Tag color={STATE_COLORS[c.state] ?? 'default'}>{c.stateLabel}</Tag>
      {c.grade === 'urgent' && <Tag color="red">{t('urgent')}</Tag>}
      {c.overdue && <Tag color="error">{t('overdueTag')}</Tag>}
    </span>
  );
}
