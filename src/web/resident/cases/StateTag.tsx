import { Tag } from 'antd';

const COLORS: Record<string, string> = { open: 'processing', resolved: 'warning', closed: 'success' };

/** The state in plain words, coloured by its family (open, resolved, closed). */
export function StateTag({ family, label }: { family: string; label: string }) {
  return (
    <Tag color={COLORS[family] ?? 'default'} className="lx-state-tag">
      {label}
    </Tag>
  );
}
