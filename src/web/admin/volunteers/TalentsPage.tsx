import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Select, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../shared/i18n/index.tsx';
import { NodePicker } from '../actions/NodePicker.tsx';
import type { Page } from '../types.ts';
import { useApi } from '../useApi.ts';
import { AddTalentModal } from './AddTalentModal.tsx';
import { type VolunteersKey, vm } from './messages.ts';
import { skillOptions, useTaxonomy } from './parts.tsx';
import { TalentDrawer } from './TalentDrawer.tsx';
import type { Talent, TalentStatus } from './types.ts';

const STATUS_COLOR: Record<TalentStatus, string> = { proposed: 'gold', confirmed: 'green', declined: 'default', retired: 'default' };

interface Filters {
  node?: string;
  skill?: string;
  status?: TalentStatus;
  reserve?: boolean;
  q?: string;
}

function TalentTable({ filters, empty, onOpen }: { filters: Filters; empty: string; onOpen: (t: Talent) => void }) {
  const t = useT(vm);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useApi<Page<Talent>>('/api/v1/talents', { ...filters, ...page });
  return (
    <>
      {list.error && <Alert type="error" showIcon title={list.error} role="alert" style={{ marginBottom: 16 }} />}
      <Table<Talent>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: empty }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, showTotal: (n) => t('total', { n }), onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        onRow={(x) => ({ onClick: () => onOpen(x), style: { cursor: 'pointer' } })}
        columns={[
          {
            key: 'name',
            title: t('colName'),
            width: 160,
            render: (_, x) => (
              <Button type="link" style={{ padding: 0 }} onClick={(e) => (e.stopPropagation(), onOpen(x))}>
                {x.name}
              </Button>
            ),
          },
          { key: 'skills', title: t('colSkills'), render: (_, x) => x.skills.map((s) => <Tag key={s.skill}>{`${s.label} · ${s.levelLabel}`}</Tag>) },
          { key: 'place', title: t('colPlace'), width: 200, render: (_, x) => [x.community.name, x.grid?.name].filter(Boolean).join(' / ') },
          { key: 'origin', title: t('colOrigin'), width: 110, render: (_, x) => x.originLabel },
          {
            key: 'status',
            title: t('colStatus'),
            width: 150,
            render: (_, x) => (
              <>
                <Tag color={STATUS_COLOR[x.status]}>{x.statusLabel}</Tag>
                {x.reserveCandidate && <Tag color="purple">{t('reserveTag')}</Tag>}
              </>
            ),
          },
          { key: 'teams', title: t('colTeams'), width: 160, render: (_, x) => x.teams.map((m) => m.name).join('、') || '—' },
        ]}
      />
    </>
  );
}

/** 能人库: proposed talents to confirm first, then the whole pool with its filters; a row opens the talent. */
export function TalentsPage() {
  const t = useT(vm);
  const taxonomy = useTaxonomy();
  const [filters, setFilters] = useState<Filters>({});
  const [tab, setTab] = useState('proposed');
  const [opened, setOpened] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [generation, setGeneration] = useState(0);
  const proposed = useApi<Page<Talent>>('/api/v1/talents', { status: 'proposed', pageSize: 1 });
  const set = (f: Partial<Filters>) => setFilters((old) => ({ ...old, ...f }));
  const changed = () => {
    setGeneration((g) => g + 1);
    proposed.reload();
  };
  const statuses: TalentStatus[] = ['proposed', 'confirmed', 'declined', 'retired'];
  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('talentsTitle')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
          {t('addTalent')}
        </Button>
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'proposed',
            label: t('tabProposed', { n: proposed.data?.total ?? 0 }),
            children: <TalentTable filters={{ status: 'proposed' }} empty={t('noProposed')} key={generation} onOpen={(x) => setOpened(x.id)} />,
          },
          {
            key: 'pool',
            label: t('tabPool'),
            children: (
              <>
                <Flex gap={12} wrap align="center" role="search" aria-label={t('filters')} style={{ marginBottom: 16 }}>
                  <div style={{ width: 220 }}>
                    <NodePicker ariaLabel={t('filterNode')} placeholder={t('filterNode')} value={filters.node} onChange={(v) => set({ node: v })} />
                  </div>
                  <Select aria-label={t('filterSkill')} placeholder={t('filterSkill')} allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 180 }} value={filters.skill} onChange={(v) => set({ skill: v })} options={skillOptions(taxonomy)} />
                  <Select aria-label={t('filterStatus')} placeholder={t('filterStatus')} allowClear style={{ width: 130 }} value={filters.status} onChange={(v) => set({ status: v })} options={statuses.map((s) => ({ value: s, label: t(`status_${s}` as VolunteersKey) }))} />
                  <Select
                    aria-label={t('filterReserve')}
                    placeholder={t('filterReserve')}
                    allowClear
                    style={{ width: 160 }}
                    value={filters.reserve === undefined ? undefined : String(filters.reserve)}
                    onChange={(v) => set({ reserve: v === undefined ? undefined : v === 'true' })}
                    options={[
                      { value: 'true', label: t('reserveOnly') },
                      { value: 'false', label: t('reserveNot') },
                    ]}
                  />
                  <Input.Search aria-label={t('filterName')} placeholder={t('filterName')} allowClear style={{ width: 180 }} onSearch={(v) => set({ q: v.trim() || undefined })} />
                  <Button onClick={() => setFilters({})}>{t('reset')}</Button>
                </Flex>
                <TalentTable filters={filters} empty={t('noTalents')} key={generation} onOpen={(x) => setOpened(x.id)} />
              </>
            ),
          },
        ]}
      />
      {opened && <TalentDrawer id={opened} onClose={() => setOpened(null)} onChanged={changed} />}
      {adding && (
        <AddTalentModal
          onClose={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            setTab('proposed');
            changed();
          }}
        />
      )}
    </>
  );
}
