import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Flex, Form, Input, Select, Spin, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { useT } from '../../shared/i18n/index.tsx';
import { FormDialog } from '../FormDialog.tsx';
import type { Page } from '../types.ts';
import { useApi } from '../useApi.ts';
import { AddTalentModal } from './AddTalentModal.tsx';
import { vm } from './messages.ts';
import { WeeklyHoursField, slotsFromForm, slotsToForm, useCommunityOptions, useSlotText, useTaxonomy } from './parts.tsx';
import type { PartnerUnit, PartnerUnitDetail, SharedResource, Talent } from './types.ts';

interface UnitValues {
  name: string;
  contactName?: string;
  contactPhone?: string;
  address?: string;
  note?: string;
  communities: string[];
}

function UnitModal({ unit, onClose, onDone }: { unit: PartnerUnit | null; onClose: () => void; onDone: () => void }) {
  const t = useT(vm);
  const communities = useCommunityOptions();
  const blank = (s: string | undefined) => s?.trim() || null;
  return (
    <FormDialog<UnitValues>
      title={unit ? t('editUnit') : t('addUnit')}
      doneText={t('unitSaved')}
      initialValues={unit ? { name: unit.name, contactName: unit.contactName ?? undefined, contactPhone: unit.contactPhone ?? undefined, address: unit.address ?? undefined, note: unit.note ?? undefined, communities: unit.communities.map((c) => c.code) } : { communities: [] }}
      submit={(v) => {
        const body = { name: v.name.trim(), contactName: blank(v.contactName), contactPhone: blank(v.contactPhone), address: blank(v.address), note: blank(v.note), communities: v.communities };
        return unit ? api(`/api/v1/partner-units/${encodeURIComponent(unit.id)}`, { method: 'PATCH', body }) : api('/api/v1/partner-units', { method: 'POST', body });
      }}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item name="name" label={t('unitName')} rules={[{ required: true, whitespace: true, message: t('nameRequired') }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="communities" label={t('unitCommunities')} rules={[{ required: true, message: t('communityRequired') }]}>
        <Select aria-label={t('unitCommunities')} mode="multiple" options={communities} />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item name="contactName" label={t('contactName')} style={{ flex: 1 }}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('contactPhone')} style={{ flex: 1 }}>
          <Input maxLength={20} />
        </Form.Item>
      </Flex>
      <Form.Item name="address" label={t('address')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="note" label={t('unitNote')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormDialog>
  );
}

interface ResourceValues {
  kind: string;
  name: string;
  description?: string;
  address?: string;
  community?: string;
  openingHours?: Parameters<typeof slotsFromForm>[0];
  hoursNote?: string;
  active?: boolean;
}

/** A shared resource with its weekly opening hours: parking, a gym, toilets, a meeting room… */
function ResourceModal({ unit, resource, onClose, onDone }: { unit: PartnerUnitDetail; resource: SharedResource | null; onClose: () => void; onDone: () => void }) {
  const t = useT(vm);
  const taxonomy = useTaxonomy();
  const blank = (s: string | undefined) => s?.trim() || null;
  return (
    <FormDialog<ResourceValues>
      title={resource ? t('editResource') : t('addResource')}
      doneText={t('resourceSaved')}
      width={720}
      initialValues={
        resource
          ? { kind: resource.kind, name: resource.name, description: resource.description ?? undefined, address: resource.address ?? undefined, openingHours: slotsToForm(resource.openingHours), hoursNote: resource.hoursNote ?? undefined, active: resource.active }
          : { community: unit.communities[0]?.code, openingHours: [{ weekdays: [1, 2, 3, 4, 5] }], active: true }
      }
      submit={(v) => {
        const body = { kind: v.kind, name: v.name.trim(), description: blank(v.description), address: blank(v.address), openingHours: slotsFromForm(v.openingHours), hoursNote: blank(v.hoursNote) };
        return resource
          ? api(`/api/v1/shared-resources/${encodeURIComponent(resource.id)}`, { method: 'PATCH', body: { ...body, active: v.active ?? true } })
          : api(`/api/v1/partner-units/${encodeURIComponent(unit.id)}/shared-resources`, { method: 'POST', body: { ...body, community: v.community } });
      }}
      onClose={onClose}
      onDone={onDone}
    >
      <Flex gap={12}>
        <Form.Item name="kind" label={t('resourceKind')} rules={[{ required: true, message: t('resourceKind') }]} style={{ width: 200 }}>
          <Select aria-label={t('resourceKind')} options={(taxonomy?.sharedResourceKinds ?? []).map((k) => ({ value: k.code, label: k.label }))} />
        </Form.Item>
        <Form.Item name="name" label={t('resourceName')} rules={[{ required: true, whitespace: true, message: t('nameRequired') }]} style={{ flex: 1 }}>
          <Input maxLength={100} />
        </Form.Item>
      </Flex>
      {!resource && (
        <Form.Item name="community" label={t('resourceCommunity')} rules={[{ required: true, message: t('communityRequired') }]}>
          <Select aria-label={t('resourceCommunity')} options={unit.communities.map((c) => ({ value: c.code, label: c.name }))} />
        </Form.Item>
      )}
      <Form.Item name="address" label={t('address')}>
        <Input maxLength={200} />
      </Form.Item>
      <WeeklyHoursField name="openingHours" label={t('openingHours')} />
      <Form.Item name="hoursNote" label={t('hoursNote')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="description" label={t('resourceDescription')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      {resource && (
        <Form.Item name="active" label={t('active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      )}
    </FormDialog>
  );
}

/** A unit: who it pairs with, its in-service party members (双报到) and the resources it opens to residents. */
function UnitDrawer({ id, onClose, onChanged }: { id: string; onClose: () => void; onChanged: () => void }) {
  const t = useT(vm);
  const slotText = useSlotText();
  const unit = useApi<PartnerUnitDetail>(`/api/v1/partner-units/${encodeURIComponent(id)}`);
  const members = useApi<Page<Talent>>('/api/v1/talents', { origin: 'in_service', pageSize: 200 });
  const [editing, setEditing] = useState(false);
  const [resource, setResource] = useState<SharedResource | 'new' | null>(null);
  const [registering, setRegistering] = useState(false);
  const d = unit.data;
  const manage = !!d?.abilities.includes('volunteers.manage');
  const done = () => {
    unit.reload();
    onChanged();
  };
  const mine = (members.data?.items ?? []).filter((x) => x.partnerUnit?.id === id);
  return (
    <Drawer open width={760} title={d?.name ?? ''} onClose={onClose} destroyOnHidden extra={manage && <Button onClick={() => setEditing(true)}>{t('edit')}</Button>}>
      {unit.error && <Alert type="error" showIcon title={unit.error} role="alert" />}
      {!d ? (
        !unit.error && <Spin />
      ) : (
        <Flex vertical gap={16}>
          <Descriptions bordered size="small" styles={{ label: { whiteSpace: 'nowrap' } }} column={2}>
            <Descriptions.Item label={t('contactName')}>{d.contactName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('contactPhone')}>{d.contactPhone ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('address')} span={2}>
              {d.address ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('unitCommunities')} span={2}>
              {d.communities.map((c) => c.name).join('、')}
            </Descriptions.Item>
            <Descriptions.Item label={t('unitNote')} span={2}>
              {d.note ?? '—'}
            </Descriptions.Item>
          </Descriptions>
          <Flex justify="space-between" align="center">
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('inServiceMembers')}（{d.inServiceMembers}）
            </Typography.Title>
            {manage && (
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => setRegistering(true)}>
                {t('addInService')}
              </Button>
            )}
          </Flex>
          <Table<Talent>
            rowKey="id"
            size="small"
            pagination={false}
            loading={members.loading}
            dataSource={mine}
            locale={{ emptyText: t('noInService') }}
            columns={[
              { key: 'name', title: t('colName'), width: 120, render: (_, x) => x.name },
              { key: 'community', title: t('colPlace'), width: 160, render: (_, x) => [x.community.name, x.grid?.name].filter(Boolean).join(' / ') },
              { key: 'skills', title: t('colSkills'), render: (_, x) => x.skills.map((s) => s.label).join('、') },
              { key: 'status', title: t('colStatus'), width: 90, render: (_, x) => x.statusLabel },
            ]}
          />
          <Flex justify="space-between" align="center">
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('resources')}
            </Typography.Title>
            {manage && (
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => setResource('new')}>
                {t('addResource')}
              </Button>
            )}
          </Flex>
          <Table<SharedResource>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.sharedResources}
            locale={{ emptyText: t('noResources') }}
            columns={[
              { key: 'name', title: t('colResource'), width: 180, render: (_, r) => `${r.kindLabel} · ${r.name}` },
              { key: 'hours', title: t('colHours'), render: (_, r) => [slotText(r.openingHours), r.hoursNote].filter(Boolean).join('；') },
              { key: 'state', title: t('colState'), width: 90, render: (_, r) => (!r.active ? <Tag>{t('hidden')}</Tag> : r.openNow ? <Tag color="green">{t('openNow')}</Tag> : <Tag>{t('closedNow')}</Tag>) },
              {
                key: 'edit',
                title: '',
                width: 70,
                render: (_, r) =>
                  manage ? (
                    <Button size="small" type="link" aria-label={`${t('editResource')} ${r.name}`} onClick={() => setResource(r)}>
                      {t('edit')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        </Flex>
      )}
      {registering && d && (
        <AddTalentModal
          partnerUnit={{ id: d.id, name: d.name }}
          onClose={() => setRegistering(false)}
          onDone={() => {
            setRegistering(false);
            members.reload();
            done();
          }}
        />
      )}
      {editing && d && <UnitModal unit={d} onClose={() => setEditing(false)} onDone={() => (setEditing(false), done())} />}
      {resource && d && <ResourceModal unit={d} resource={resource === 'new' ? null : resource} onClose={() => setResource(null)} onDone={() => (setResource(null), done())} />}
    </Drawer>
  );
}

/** 共建单位: the units paired with communities in reach; a row opens its members and shared resources. */
export function PartnerUnitsTab() {
  const t = useT(vm);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useApi<Page<PartnerUnit>>('/api/v1/partner-units', page);
  const [opened, setOpened] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  return (
    <>
      <Flex gap={12} align="center" style={{ marginBottom: 16 }}>
        {list.data && <Typography.Text type="secondary">{t('totalUnits', { n: list.data.total })}</Typography.Text>}
        <div style={{ flex: 1 }} />
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
          {t('addUnit')}
        </Button>
      </Flex>
      {list.error && <Alert type="error" showIcon title={list.error} role="alert" style={{ marginBottom: 16 }} />}
      <Table<PartnerUnit>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('noUnits') }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        onRow={(x) => ({ onClick: () => setOpened(x.id), style: { cursor: 'pointer' } })}
        columns={[
          { key: 'name', title: t('colUnit'), render: (_, x) => <Button type="link" style={{ padding: 0 }}>{x.name}</Button> },
          { key: 'contact', title: t('colContact'), width: 200, render: (_, x) => [x.contactName, x.contactPhone].filter(Boolean).join(' ') || '—' },
          { key: 'communities', title: t('colCommunities'), width: 220, render: (_, x) => x.communities.map((c) => c.name).join('、') },
          { key: 'members', title: t('colInService'), width: 110, render: (_, x) => x.inServiceMembers },
        ]}
      />
      {opened && <UnitDrawer id={opened} onClose={() => setOpened(null)} onChanged={list.reload} />}
      {adding && <UnitModal unit={null} onClose={() => setAdding(false)} onDone={() => (setAdding(false), list.reload())} />}
    </>
  );
}
