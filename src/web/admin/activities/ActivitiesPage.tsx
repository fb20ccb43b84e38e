import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { ACTIVITY_STATES, type Activity, type ActivityList, type ActivityState } from '../../shared/activities/types.ts';
import { useT } from '../../shared/i18n/index.tsx';
import { NodePicker } from '../actions/NodePicker.tsx';
import { FormDialog, useWrite } from '../FormDialog.tsx';
import { useApi } from '../useApi.ts';
import { ActivityModal } from './ActivityModal.tsx';
import { type ActivitiesKey, am } from './messages.ts';
import { RoleModelsTab } from './RoleModelsTab.tsx';
import { RosterDrawer } from './RosterDrawer.tsx';
import { SectionTabs } from '../SectionTabs.tsx';

const STATE_COLOR: Record<ActivityState, string> = { draft: 'default', published: 'blue', cancelled: 'red', finished: 'green' };

function CancelModal({ activity, onClose, onDone }: { activity: Activity; onClose: () => void; onDone: () => void }) {
  const t = useT(am);
  return (
    <FormDialog<{ reason: string }>
      title={t('cancelTitle', { title: activity.title })}
      submitLabel={t('cancel')}
      danger
      doneText={t('cancelled')}
      submit={(v) => api(`/api/v1/activities/${encodeURIComponent(activity.id)}/cancel`, { method: 'POST', body: { reason: v.reason.trim() } })}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item name="reason" label={t('cancelReason')} rules={[{ required: true, whitespace: true, message: t('reasonRequired') }]}>
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </FormDialog>
  );
}

/** 社区活动: every activity in reach, drafts included; publish, change, cancel, finish, and the sign-up list. */
function ActivitiesTab() {
  const t = useT(am);
  const [filters, setFilters] = useState<{ node?: string; state?: ActivityState }>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useApi<ActivityList>('/api/v1/activities', { ...filters, ...page });
  const [editing, setEditing] = useState<Activity | 'new' | null>(null);
  const [cancelling, setCancelling] = useState<Activity | null>(null);
  const [roster, setRoster] = useState<string | null>(null);
  const { busy, run } = useWrite();
  const act = (a: Activity, verb: 'publish' | 'finish') => run(() => api(`/api/v1/activities/${encodeURIComponent(a.id)}/${verb}`, { method: 'POST' }), t(verb === 'publish' ? 'published' : 'finished'), list.reload);
  const set = (f: Partial<typeof filters>) => {
    setFilters((old) => ({ ...old, ...f }));
    setPage((p) => ({ ...p, page: 1 }));
  };
  const started = (a: Activity) => Date.parse(a.startsAt) <= Date.now();
  return (
    <>
      <Flex gap={12} wrap align="center" role="search" aria-label={t('filters')} style={{ marginBottom: 16 }}>
        <div style={{ width: 240 }}>
          <NodePicker ariaLabel={t('filterNode')} placeholder={t('filterNode')} value={filters.node} onChange={(v) => set({ node: v })} />
        </div>
        <Select aria-label={t('filterState')} placeholder={t('filterState')} allowClear style={{ width: 140 }} value={filters.state} onChange={(v) => set({ state: v })} options={ACTIVITY_STATES.map((s) => ({ value: s, label: t(`state_${s}` as ActivitiesKey) }))} />
        <Button onClick={() => set({ node: undefined, state: undefined })}>{t('reset')}</Button>
        {list.data && <Typography.Text type="secondary">{t('total', { n: list.data.total })}</Typography.Text>}
        <div style={{ flex: 1 }} />
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
          {t('addActivity')}
        </Button>
      </Flex>
      {list.error && <Alert type="error" showIcon title={list.error} role="alert" style={{ marginBottom: 16 }} />}
      <Table<Activity>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('noActivities') }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        columns={[
          {
            key: 'title',
            title: t('colTitle'),
            render: (_, a) => (
              <>
                <Typography.Text strong>{a.title}</Typography.Text>
                <div>
                  <Typography.Text type="secondary">
                    {a.kindLabel} · {a.address}
                    {a.organiser.team ? ` · ${a.organiser.team.name}` : ''}
                  </Typography.Text>
                </div>
              </>
            ),
          },
          { key: 'community', title: t('colCommunity'), width: 120, render: (_, a) => a.community.name },
          { key: 'when', title: t('colWhen'), width: 170, render: (_, a) => `${a.localDay} ${a.localTime}` },
          { key: 'state', title: t('colState'), width: 90, render: (_, a) => <Tag color={STATE_COLOR[a.state]}>{a.stateLabel}</Tag> },
          { key: 'signedUp', title: t('colSignedUp'), width: 110, render: (_, a) => `${a.signedUp} / ${a.capacity ?? t('unlimited')}` },
          { key: 'attended', title: t('colAttended'), width: 70, render: (_, a) => a.attended },
          {
            key: 'actions',
            title: t('colActions'),
            width: 330,
            render: (_, a) =>
              a.abilities.includes('activities.manage') && (
                <Space size={0} wrap>
                  {a.state !== 'draft' && (
                    <Button size="small" type="link" aria-label={`${t('roster')} ${a.title}`} onClick={() => setRoster(a.id)}>
                      {t('roster')}
                    </Button>
                  )}
                  {(a.state === 'draft' || a.state === 'published') && (
                    <Button size="small" type="link" aria-label={`${t('edit')} ${a.title}`} onClick={() => setEditing(a)}>
                      {t('edit')}
                    </Button>
                  )}
                  {a.state === 'draft' && (
                    <Button size="small" type="link" aria-label={`${t('publish')} ${a.title}`} loading={busy} onClick={() => act(a, 'publish')}>
                      {t('publish')}
                    </Button>
                  )}
                  {a.state === 'published' && started(a) && (
                    <Button size="small" type="link" loading={busy} onClick={() => act(a, 'finish')}>
                      {t('finish')}
                    </Button>
                  )}
                  {a.state === 'published' && a.attended === 0 && (
                    <Button size="small" type="link" danger onClick={() => setCancelling(a)}>
                      {t('cancel')}
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
      {editing && <ActivityModal activity={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onDone={() => (setEditing(null), list.reload())} />}
      {cancelling && <CancelModal activity={cancelling} onClose={() => setCancelling(null)} onDone={() => (setCancelling(null), list.reload())} />}
      {roster && <RosterDrawer id={roster} onClose={() => setRoster(null)} onChanged={list.reload} />}
    </>
  );
}

/** The console's 活动 section: the activities the office runs, and the role-model stories it publishes. */
export function ActivitiesPage() {
  const t = useT(am);
  return (
    <SectionTabs
      title={t('title')}
      tabs={[
        { key: 'activities', label: t('tabActivities'), children: <ActivitiesTab /> },
        { key: 'role-models', label: t('tabRoleModels'), children: <RoleModelsTab /> },
      ]}
    />
  );
}
