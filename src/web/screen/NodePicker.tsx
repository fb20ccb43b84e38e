import { TreeSelect } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../shared/api.ts';
import { useT } from '../shared/i18n/index.tsx';
import { useSession } from '../shared/session.tsx';
import { screen } from './messages.ts';

interface TreeNode {
  id: string;
  kind: string;
  code: string;
  name: string;
  children: TreeNode[];
}

interface Option {
  value: string;
  title: string;
  children: Option[];
}

const toOption = (n: TreeNode): Option => ({ value: n.code, title: n.name, children: n.children.map(toOption) });

/** The org nodes the account works at and everything below them (the server still checks each read). */
function useScopeTree(): Option[] {
  const { me } = useSession();
  const [tree, setTree] = useState<Option[]>([]);
  useEffect(() => {
    if (!me) return;
    const staff = me.roles.filter((r) => r.role !== 'resident');
    const everywhere = staff.some((r) => !r.nodeId);
    const roots = everywhere ? [undefined] : [...new Set(staff.map((r) => r.nodeId))];
    let live = true;
    Promise.all(roots.map((node) => api<TreeNode[]>('/api/v1/org/tree', { query: { node } })))
      .then((lists) => live && setTree(lists.flat().map(toOption)))
      .catch(() => live && setTree([]));
    return () => {
      live = false;
    };
  }, [me]);
  return tree;
}

/** Chooses which node the whole screen shows. */
export function NodePicker({ value, onChange }: { value: string; onChange: (code: string) => void }) {
  const t = useT(screen);
  const tree = useScopeTree();
  return (
    <TreeSelect
      aria-label={t('node')}
      className="sc-node-picker"
      value={tree.length ? value : undefined}
      placeholder={t('node')}
      treeData={tree}
      treeDefaultExpandAll
      showSearch
      treeNodeFilterProp="title"
      onChange={(v) => v && onChange(v)}
      popupMatchSelectWidth={280}
      style={{ width: 220 }}
    />
  );
}
