import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../shared/api.ts';
import type { Me } from '../shared/session.tsx';
import type { Category, Page, StaffMember, Taxonomy, TreeNode } from './types.ts';

/** What every page of the console looks names up in: the org tree, the taxonomy and the staff in scope. */
export interface AdminData {
  /** The subtrees the signed-in account reaches (the whole tree for an admin). */
  scope: TreeNode[];
  nodes: Map<string, TreeNode>;
  categories: Category[];
  staff: StaffMember[];
  staffById: Map<string, StaffMember>;
  /** False until the first reads have answered. */
  ready: boolean;
}

const Context = createContext<AdminData>({ scope: [], nodes: new Map(), categories: [], staff: [], staffById: new Map(), ready: false });

function index(tree: TreeNode[], into = new Map<string, TreeNode>()): Map<string, TreeNode> {
  for (const n of tree) {
    into.set(n.id, n);
    index(n.children, into);
  }
  return into;
}

/** The nodes an account's roles sit on, without those already under another of them. */
function scopeOf(me: Me, tree: TreeNode[], nodes: Map<string, TreeNode>): TreeNode[] {
  const roles = me.roles.filter((r) => r.role !== 'resident');
  if (roles.some((r) => r.role === 'admin' || r.nodeId === null)) return tree;
  const roots = roles.map((r) => nodes.get(r.nodeId!)).filter((n): n is TreeNode => !!n);
  const under = (n: TreeNode, id: string): boolean => n.children.some((c) => c.id === id || under(c, id));
  return roots.filter((n, i) => roots.findIndex((m) => m.id === n.id) === i && !roots.some((m) => m.id !== n.id && under(m, n.id)));
}

// Enough for a street's staff; the pickers narrow by node for anything larger.
const STAFF_PAGES = 5;

async function allStaff(): Promise<StaffMember[]> {
  const out: StaffMember[] = [];
  for (let page = 1; page <= STAFF_PAGES; page++) {
    const p = await api<Page<StaffMember>>('/api/v1/staff', { query: { page, pageSize: 200 } });
    out.push(...p.items);
    if (out.length >= p.total) break;
  }
  return out;
}

export function AdminDataProvider({ me, children }: { me: Me; children: ReactNode }) {
  const [tree, setTree] = useState<TreeNode[]>([]);
  const [categories, setCategories] = useState<Category[]>([]);
  const [staff, setStaff] = useState<StaffMember[]>([]);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    Promise.allSettled([api<TreeNode[]>('/api/v1/org/tree'), api<Taxonomy>('/api/v1/taxonomy'), allStaff()]).then(([t, x, s]) => {
      if (!live) return;
      if (t.status === 'fulfilled') setTree(t.value);
      if (x.status === 'fulfilled') setCategories(x.value.categories);
      if (s.status === 'fulfilled') setStaff(s.value);
      setReady(true);
    });
    return () => {
      live = false;
    };
  }, [me.id]);
  const value = useMemo(() => {
    const nodes = index(tree);
    return { scope: scopeOf(me, tree, nodes), nodes, categories, staff, staffById: new Map(staff.map((s) => [s.id, s])), ready };
  }, [tree, categories, staff, ready, me]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useAdminData(): AdminData {
  return useContext(Context);
}

/** A node or staff member named by id (as timelines and handlers carry them). */
export function useNameOf(): (id: string | null | undefined) => string | null {
  const { nodes, staffById } = useAdminData();
  return (id) => (id ? nodes.get(id)?.name ?? staffById.get(id)?.name ?? null : null);
}
