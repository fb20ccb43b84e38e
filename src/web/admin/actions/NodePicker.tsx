import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../shared/i18n/index.tsx';
import { useAdminData } from '../AdminData.tsx';
import { type MessageKey, m } from '../messages.ts';
import type { TreeNode } from '../types.ts';

interface Option {
  value: string;
  title: string;
  label: string;
  children: Option[];
}

/** An org node inside the signed-in account's scope, chosen from the tree; the value is the node's code. */
export function NodePicker({ value, onChange, id, ariaLabel, placeholder, style, allowClear = true }: { value?: string; onChange?: (v: string | undefined) => void; id?: string; ariaLabel?: string; placeholder?: string; style?: React.CSSProperties; allowClear?: boolean }) {
  const { scope } = useAdminData();
  const t = useT(m);
  const treeData = useMemo(() => {
    const map = (n: TreeNode): Option => ({ value: n.code, title: `${n.name} · ${t(`kind_${n.kind}` as MessageKey)}`, label: n.name, children: n.children.map(map) });
    return scope.map(map);
  }, [scope, t]);
  return (
    <TreeSelect
      id={id}
      aria-label={ariaLabel}
      value={value}
      onChange={onChange}
      treeData={treeData}
      treeNodeLabelProp="label"
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear={allowClear}
      placeholder={placeholder}
      treeDefaultExpandedKeys={scope.map((n) => n.code)}
      style={{ width: '100%', ...style }}
      listHeight={360}
    />
  );
}
