import { Alert, App as AntApp, Card, Flex, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../shared/api.ts';
import { useT } from '../../shared/i18n/index.tsx';
import { NodePicker } from '../actions/NodePicker.tsx';
import { type MessageKey, m } from '../messages.ts';
import type { Assignment, Page, StaffMember } from '../types.ts';
import { useApi } from '../useApi.ts';

const ROLES = ['grid_leader', 'grid_worker', 'part_time_grid_worker', 'community_worker', 'police_officer'];

/** 人员: staff in scope with their roles at grids and communities; those who manage staff set who is on duty. */
export function StaffPage() {
  const t = useT(m);
  const { message } = AntApp.useApp();
  const [node, setNode] = useState<string | undefined>();
  const [role, setRole] = useState<string | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useApi<Page<StaffMember>>('/api/v1/staff', { node, role, ...page });
  const [busy, setBusy] = useState<string | null>(null);

  const setDuty = async (s: StaffMember, a: Assignment, onDuty: boolean) => {
    setBusy(a.id);
    try {
      await api(`/api/v1/staff/${s.id}/assignments/${a.id}`, { method: 'PATCH', body: { onDuty } });
      message.success(t('dutyChanged'));
      list.reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('staffTitle')}
      </Typography.Title>
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <div style={{ width: 240 }}>
            <NodePicker ariaLabel={t('staffFilterNode')} placeholder={t('staffFilterNode')} value={node} onChange={(v) => { setNode(v); setPage((p) => ({ ...p, page: 1 })); }} />
          </div>
          <Select aria-label={t('staffFilterRole')} placeholder={t('staffFilterRole')} allowClear value={role} style={{ width: 180 }} onChange={(v) => { setRole(v); setPage((p) => ({ ...p, page: 1 })); }} options={ROLES.map((r) => ({ value: r, label: t(`srole_${r}` as MessageKey) }))} />
        </Flex>
        {list.error && <Alert type="error" showIcon title={list.error} role="alert" style={{ marginBottom: 16 }} />}
        <Table<StaffMember>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
          columns={[
            { key: 'name', title: t('staffName'), width: 140, render: (_, s) => s.name },
            { key: 'phone', title: t('staffPhone'), width: 160, render: (_, s) => s.workPhone ?? t('noValue') },
            {
              key: 'roles',
              title: t('staffRoles'),
              render: (_, s) => (
                <Flex vertical gap={6}>
                  {s.assignments.map((a) => (
                    <Space key={a.id} size={8} wrap>
                      <Tag color="blue" style={{ width: 84, textAlign: 'center' }}>
                        {a.roleLabel}
                      </Tag>
                      <span style={{ display: 'inline-block', width: 180 }}>
                        {a.nodeName} <Typography.Text type="secondary">{a.nodeCode}</Typography.Text>
                      </span>
                      <Switch
                        size="small"
                        checked={a.onDuty}
                        loading={busy === a.id}
                        disabled={!s.abilities.includes('staff.manage')}
                        onChange={(v) => setDuty(s, a, v)}
                        aria-label={t('dutySwitch', { name: s.name, node: a.nodeName })}
                      />
                      <Typography.Text type={a.onDuty ? 'success' : 'secondary'}>{a.onDuty ? t('onDuty') : t('offDuty')}</Typography.Text>
                    </Space>
                  ))}
                </Flex>
              ),
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
