import { Tree } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../shared/i18n/index.tsx';
import { useAdminData } from '../AdminData.tsx';
import { type MessageKey, m } from '../messages.ts';
import type { TreeNode } from '../types.ts';

interface Item {
  key: string;
  title: string;
  isLeaf: boolean;
  children: Item[];
}

/** The hierarchy district → street → community → sector → grid the account reaches; choosing a grid selects it. */
export function OrgTree({ selected, onSelectGrid }: { selected: string | null; onSelectGrid: (code: string) => void }) {
  const { scope } = useAdminData();
  const t = useT(m);
  const { items, grids, expanded } = useMemo(() => {
    const grids = new Set<string>();
    const expanded: string[] = [];
    const map = (n: TreeNode): Item => {
      if (n.kind === 'grid') grids.add(n.code);
      else expanded.push(n.code);
      return { key: n.code, title: `${n.name}（${t(`kind_${n.kind}` as MessageKey)} ${n.code}）`, isLeaf: n.children.length === 0, children: n.children.map(map) };
    };
    return { items: scope.map(map), grids, expanded };
  }, [scope, t]);
  return (
    <Tree
      key={expanded.join(',')}
      treeData={items}
      defaultExpandedKeys={expanded}
      selectedKeys={selected ? [selected] : []}
      onSelect={(keys) => {
        const k = String(keys[0] ?? '');
        if (grids.has(k)) onSelectGrid(k);
      }}
      blockNode
    />
  );
}
