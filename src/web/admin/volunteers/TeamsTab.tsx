import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Flex, Form, Input, Popconfirm, Select, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { useT } from '../../shared/i18n/index.tsx';
import { NodePicker } from '../actions/NodePicker.tsx';
import { FormDialog, useWrite } from '../FormDialog.tsx';
import type { Page } from '../types.ts';
import { useApi } from '../useApi.ts';
import { vm } from './messages.ts';
import { skillOptions, useCommunityOptions, useTaxonomy } from './parts.tsx';
import type { Talent, Team, TeamDetail } from './types.ts';

interface TeamValues {
  name: string;
  kind: string;
  purpose?: string;
  services?: string[];
  community: string;
  leader?: string | null;
}

/** Forms a team or changes one; the leader is chosen among the community's talents. */
function TeamModal({ team, onClose, onDone }: { team: TeamDetail | null; onClose: () => void; onDone: () => void }) {
  const t = useT(vm);
  const taxonomy = useTaxonomy();
  const communities = useCommunityOptions();
  const [form] = Form.useForm<TeamValues>();
  const community = Form.useWatch('community', form) ?? team?.community.code;
  const talents = useApi<Page<Talent>>(community ? '/api/v1/talents' : null, { node: community, status: 'confirmed', pageSize: 200 });
  return (
    <FormDialog<TeamValues>
      form={form}
      title={team ? t('editTeam') : t('addTeam')}
      doneText={t('teamSaved')}
      initialValues={team ? { name: team.name, kind: team.kind, purpose: team.purpose ?? undefined, services: team.services.map((s) => s.skill), community: team.community.code, leader: team.leader?.id ?? null } : { services: [] }}
      submit={(v) => {
        const body = { name: v.name.trim(), kind: v.kind, purpose: v.purpose?.trim() || (team ? null : undefined), services: v.services ?? [], leader: v.leader ?? (team ? null : undefined) };
        return team ? api(`/api/v1/teams/${encodeURIComponent(team.id)}`, { method: 'PATCH', body }) : api('/api/v1/teams', { method: 'POST', body: { ...body, community: v.community } });
      }}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item name="community" label={t('teamCommunity')} rules={[{ required: true, message: t('communityRequired') }]}>
        <Select aria-label={t('teamCommunity')} options={communities} disabled={!!team} />
      </Form.Item>
      <Form.Item name="name" label={t('teamName')} rules={[{ required: true, whitespace: true, message: t('nameRequired') }]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="kind" label={t('teamKind')} rules={[{ required: true, message: t('teamKind') }]}>
        <Select aria-label={t('teamKind')} options={(taxonomy?.teamKinds ?? []).map((k) => ({ value: k.code, label: k.label }))} />
      </Form.Item>
      <Form.Item name="services" label={t('teamServices')}>
        <Select aria-label={t('teamServices')} mode="multiple" options={skillOptions(taxonomy)} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <Form.Item name="leader" label={t('teamLeader')}>
        <Select aria-label={t('teamLeader')} allowClear showSearch={{ optionFilterProp: 'label' }} options={(talents.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))} />
      </Form.Item>
      <Form.Item name="purpose" label={t('teamPurpose')}>
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormDialog>
  );
}

/** A team with its members: add a talent of the community, remove one (the leader is replaced first). */
function TeamDrawer({ id, onClose, onChanged }: { id: string; onClose: () => void; onChanged: () => void }) {
  const t = useT(vm);
  const path = `/api/v1/teams/${encodeURIComponent(id)}`;
  const team = useApi<TeamDetail>(path);
  const { busy, run } = useWrite();
  const [editing, setEditing] = useState(false);
  const [pick, setPick] = useState<string | undefined>();
  const d = team.data;
  const talents = useApi<Page<Talent>>(d ? '/api/v1/talents' : null, { node: d?.community.code, pageSize: 200 });
  const manage = !!d?.abilities.includes('volunteers.manage');
  const done = () => {
    team.reload();
    onChanged();
  };
  const candidates = (talents.data?.items ?? []).filter((x) => (x.status === 'confirmed' || x.status === 'proposed') && !d?.members.some((m) => m.talentId === x.id));
  return (
    <Drawer open width={640} title={d?.name ?? ''} onClose={onClose} destroyOnHidden extra={manage && <Button onClick={() => setEditing(true)}>{t('edit')}</Button>}>
      {team.error && <Alert type="error" showIcon title={team.error} role="alert" />}
      {!d ? (
        !team.error && <Spin />
      ) : (
        <Flex vertical gap={16}>
          <Descriptions bordered size="small" styles={{ label: { whiteSpace: 'nowrap' } }} column={1}>
            <Descriptions.Item label={t('teamKind')}>{d.kindLabel}</Descriptions.Item>
            <Descriptions.Item label={t('teamCommunity')}>{d.community.name}</Descriptions.Item>
            <Descriptions.Item label={t('teamLeader')}>{d.leader?.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('teamServices')}>{d.services.map((s) => <Tag key={s.skill}>{s.label}</Tag>)}</Descriptions.Item>
            <Descriptions.Item label={t('teamPurpose')}>{d.purpose ?? '—'}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('members')}（{d.members.length}）
          </Typography.Title>
          {manage && (
            <Flex gap={8}>
              <Select aria-label={t('pickTalent')} placeholder={t('pickTalent')} showSearch={{ optionFilterProp: 'label' }} style={{ flex: 1 }} value={pick} onChange={setPick} options={candidates.map((x) => ({ value: x.id, label: `${x.name}（${x.skills.map((s) => s.label).join('、')}）` }))} />
              <Button type="primary" disabled={!pick} loading={busy} onClick={() => pick && run(() => api(`${path}/members/${encodeURIComponent(pick)}`, { method: 'PUT', body: {} }), t('memberAdded'), () => (setPick(undefined), done()))}>
                {t('addMember')}
              </Button>
            </Flex>
          )}
          <Table
            rowKey="talentId"
            size="small"
            pagination={false}
            dataSource={d.members}
            locale={{ emptyText: t('noMembers') }}
            columns={[
              { key: 'name', title: t('colName'), render: (_, m) => (m.leader ? <>{m.name} <Tag color="red">{t('leader')}</Tag></> : m.name) },
              { key: 'status', title: t('colStatus'), width: 100, render: (_, m) => t(`status_${m.status}`) },
              { key: 'joined', title: t('joinedOn', { day: '' }).trim(), width: 120, render: (_, m) => m.joinedOn },
              {
                key: 'remove',
                title: '',
                width: 80,
                render: (_, m) =>
                  manage && !m.leader ? (
                    <Popconfirm title={t('removeMemberConfirm', { name: m.name })} onConfirm={() => run(() => api(`${path}/members/${encodeURIComponent(m.talentId)}`, { method: 'DELETE' }), t('memberRemoved'), done)}>
                      <Button size="small" type="link" danger>
                        {t('removeMember')}
                      </Button>
                    </Popconfirm>
                  ) : null,
              },
            ]}
          />
        </Flex>
      )}
      {editing && d && <TeamModal team={d} onClose={() => setEditing(false)} onDone={() => (setEditing(false), done())} />}
    </Drawer>
  );
}

/** 志愿队伍: the teams of the communities in reach, by name; a row opens its members. */
export function TeamsTab() {
  const t = useT(vm);
  const [node, setNode] = useState<string | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useApi<Page<Team>>('/api/v1/teams', { node, ...page });
  const [opened, setOpened] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  return (
    <>
      <Flex gap={12} align="center" style={{ marginBottom: 16 }}>
        <div style={{ width: 240 }}>
          <NodePicker ariaLabel={t('filterNode')} placeholder={t('filterNode')} value={node} onChange={(v) => (setNode(v), setPage((p) => ({ ...p, page: 1 })))} />
        </div>
        {list.data && <Typography.Text type="secondary">{t('totalTeams', { n: list.data.total })}</Typography.Text>}
        <div style={{ flex: 1 }} />
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
          {t('addTeam')}
        </Button>
      </Flex>
      {list.error && <Alert type="error" showIcon title={list.error} role="alert" style={{ marginBottom: 16 }} />}
      <Table<Team>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('noTeams') }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        onRow={(x) => ({ onClick: () => setOpened(x.id), style: { cursor: 'pointer' } })}
        columns={[
          { key: 'name', title: t('colTeamName'), width: 180, render: (_, x) => <Button type="link" style={{ padding: 0 }}>{x.name}</Button> },
          { key: 'kind', title: t('colKind'), width: 120, render: (_, x) => x.kindLabel },
          { key: 'community', title: t('colCommunity'), width: 140, render: (_, x) => x.community.name },
          { key: 'leader', title: t('colLeader'), width: 100, render: (_, x) => x.leader?.name ?? '—' },
          { key: 'members', title: t('colMembers'), width: 80, render: (_, x) => x.memberCount },
          { key: 'services', title: t('colServices'), render: (_, x) => x.services.map((s) => <Tag key={s.skill}>{s.label}</Tag>) },
        ]}
      />
      {opened && <TeamDrawer id={opened} onClose={() => setOpened(null)} onChanged={list.reload} />}
      {adding && <TeamModal team={null} onClose={() => setAdding(false)} onDone={() => (setAdding(false), list.reload())} />}
    </>
  );
}
