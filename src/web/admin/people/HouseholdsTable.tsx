import { Alert, Flex, Table, Tag } from 'antd';
import { useState } from 'react';
import { useT } from '../../shared/i18n/index.tsx';
import { useAdminData } from '../AdminData.tsx';
import { NodePicker } from '../actions/NodePicker.tsx';
import { m } from '../messages.ts';
import type { Household, Page } from '../types.ts';
import { useApi } from '../useApi.ts';

/** Households by node: address, grid, members, and the party hub households with the homes they serve. */
export function HouseholdsTable() {
  const t = useT(m);
  const { nodes } = useAdminData();
  const [node, setNode] = useState<string | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useApi<Page<Household>>('/api/v1/households', { node, ...page });
  return (
    <>
      <Flex gap={12} style={{ marginBottom: 16 }}>
        <div style={{ width: 240 }}>
          <NodePicker ariaLabel={t('nodeFilter')} placeholder={t('nodeFilter')} value={node} onChange={(v) => { setNode(v); setPage((p) => ({ ...p, page: 1 })); }} />
        </div>
      </Flex>
      {list.error && <Alert type="error" showIcon title={list.error} role="alert" style={{ marginBottom: 16 }} />}
      <Table<Household>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        columns={[
          { key: 'address', title: t('address'), render: (_, h) => h.address },
          { key: 'grid', title: t('fGrid'), width: 160, render: (_, h) => nodes.get(h.gridId)?.name ?? t('noValue') },
          { key: 'members', title: t('members'), width: 90, render: (_, h) => h.memberCount },
          { key: 'hub', title: t('partyHub'), width: 200, render: (_, h) => (h.isPartyHub ? <Tag color="red">{`${t('partyHub')} · ${t('linked')} ${h.linkedHouseholdCount}`}</Tag> : null) },
        ]}
      />
    </>
  );
}
