import { Alert, Button, Flex, Input, Table, Tag } from 'antd';
import { useState } from 'react';
import { useT } from '../../shared/i18n/index.tsx';
import { NodePicker } from '../actions/NodePicker.tsx';
import { m } from '../messages.ts';
import type { Page, Resident } from '../types.ts';
import { useApi } from '../useApi.ts';
import { PersonalDataModal } from './PersonalDataModal.tsx';

/** Residents by name and node; "查看完整信息" only where the record's abilities allow it (each read is audited). */
export function ResidentsTable() {
  const t = useT(m);
  const [node, setNode] = useState<string | undefined>();
  const [q, setQ] = useState<string | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [reveal, setReveal] = useState<Resident | null>(null);
  const list = useApi<Page<Resident>>('/api/v1/residents', { node, q, ...page });
  return (
    <>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Input.Search aria-label={t('searchResidents')} placeholder={t('searchResidents')} allowClear style={{ width: 260 }} onSearch={(v) => { setQ(v.trim() || undefined); setPage((p) => ({ ...p, page: 1 })); }} />
        <div style={{ width: 240 }}>
          <NodePicker ariaLabel={t('nodeFilter')} placeholder={t('nodeFilter')} value={node} onChange={(v) => { setNode(v); setPage((p) => ({ ...p, page: 1 })); }} />
        </div>
      </Flex>
      {list.error && <Alert type="error" showIcon title={list.error} role="alert" style={{ marginBottom: 16 }} />}
      <Table<Resident>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        columns={[
          { key: 'name', title: t('residentName'), width: 120, render: (_, r) => r.name },
          { key: 'gender', title: t('gender'), width: 70, render: (_, r) => (r.gender ? t(r.gender) : t('noValue')) },
          { key: 'phone', title: t('phone'), width: 140, render: (_, r) => r.phone ?? t('noValue') },
          { key: 'id', title: t('idNumber'), width: 200, render: (_, r) => r.idNumber ?? t('noValue') },
          { key: 'address', title: t('address'), render: (_, r) => r.address },
          {
            key: 'tags',
            title: '',
            width: 160,
            render: (_, r) => (
              <>
                {r.isPartyMember && <Tag color="red">{t('partyMember')}</Tag>}
                {r.linkedHouseholdCount > 0 && <Tag>{`${t('liaison')} ${r.linkedHouseholdCount}`}</Tag>}
              </>
            ),
          },
          {
            key: 'reveal',
            title: t('colActions'),
            width: 130,
            render: (_, r) =>
              r.abilities.includes('people.reveal') ? (
                <Button size="small" type="link" onClick={() => setReveal(r)} aria-label={`${t('revealFull')} ${r.name}`}>
                  {t('revealFull')}
                </Button>
              ) : null,
          },
        ]}
      />
      {reveal && <PersonalDataModal resident={reveal} onClose={() => setReveal(null)} />}
    </>
  );
}
