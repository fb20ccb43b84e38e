import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import type { RoleModel, RoleModelList } from '../../shared/activities/types.ts';
import { formatDate } from '../../shared/format.ts';
import { useLocale, useT } from '../../shared/i18n/index.tsx';
import { FormDialog, useWrite } from '../FormDialog.tsx';
import { useApi } from '../useApi.ts';
import { useCommunityOptions } from '../volunteers/parts.tsx';
import { am } from './messages.ts';

interface Values {
  community: string;
  title: string;
  shownName: string;
  story: string;
}

function StoryModal({ story, community, onClose, onDone }: { story: RoleModel | null; community?: string; onClose: () => void; onDone: () => void }) {
  const t = useT(am);
  const communities = useCommunityOptions();
  return (
    <FormDialog<Values>
      title={story ? t('editStory') : t('addStory')}
      doneText={t('storySaved')}
      width={680}
      initialValues={story ? { community: story.community.code, title: story.title, shownName: story.shownName, story: story.story } : { community }}
      submit={(v) => {
        const body = { title: v.title.trim(), shownName: v.shownName.trim(), story: v.story.trim() };
        return story ? api(`/api/v1/role-models/${encodeURIComponent(story.id)}`, { method: 'PATCH', body }) : api('/api/v1/role-models', { method: 'POST', body: { ...body, community: v.community } });
      }}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item name="community" label={t('community')} rules={[{ required: true, message: t('communityRequired') }]}>
        <Select aria-label={t('community')} options={communities} disabled={!!story} />
      </Form.Item>
      <Form.Item name="title" label={t('storyTitle')} rules={[{ required: true, whitespace: true, message: t('titleRequired') }]}>
        <Input maxLength={80} />
      </Form.Item>
      <Form.Item name="shownName" label={t('shownName')} extra={t('shownNameHint')} rules={[{ required: true, whitespace: true, message: t('shownName') }]}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="story" label={t('story')} rules={[{ required: true, whitespace: true, message: t('storyRequired') }]}>
        <Input.TextArea rows={8} maxLength={5000} showCount />
      </Form.Item>
    </FormDialog>
  );
}

/** 身边榜样: the stories the office writes about people of the community; unpublished until published. */
export function RoleModelsTab() {
  const t = useT(am);
  const { locale } = useLocale();
  const communities = useCommunityOptions();
  const [chosen, setChosen] = useState<string | undefined>();
  const community = chosen ?? communities[0]?.value;
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useApi<RoleModelList>(community ? '/api/v1/role-models' : null, { community, ...page });
  const [editing, setEditing] = useState<RoleModel | 'new' | null>(null);
  const { busy, run } = useWrite();
  const toggle = (s: RoleModel) =>
    run(() => api(`/api/v1/role-models/${encodeURIComponent(s.id)}/${s.published ? 'unpublish' : 'publish'}`, { method: 'POST' }), s.published ? t('storyUnpublishedDone') : t('storyPublishedDone'), list.reload);
  return (
    <>
      <Flex gap={12} align="center" style={{ marginBottom: 16 }}>
        <Select aria-label={t('community')} placeholder={t('pickCommunity')} value={community} onChange={setChosen} style={{ width: 220 }} options={communities} />
        <div style={{ flex: 1 }} />
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
          {t('addStory')}
        </Button>
      </Flex>
      {list.error && <Alert type="error" showIcon title={list.error} role="alert" style={{ marginBottom: 16 }} />}
      <Table<RoleModel>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('noStories') }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        columns={[
          {
            key: 'story',
            title: t('colStory'),
            render: (_, s) => (
              <>
                <Typography.Text strong>{s.title}</Typography.Text>
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                  {s.story}
                </Typography.Paragraph>
              </>
            ),
          },
          { key: 'name', title: t('colShownName'), width: 140, render: (_, s) => s.shownName },
          { key: 'state', title: t('colPublished'), width: 150, render: (_, s) => (s.published ? <Tag color="green">{`${t('storyPublished')} ${formatDate(s.publishedAt, locale)}`}</Tag> : <Tag>{t('storyUnpublished')}</Tag>) },
          {
            key: 'actions',
            title: t('colActions'),
            width: 150,
            render: (_, s) =>
              s.abilities.includes('activities.manage') && (
                <Space size={0}>
                  <Button size="small" type="link" onClick={() => setEditing(s)}>
                    {t('edit')}
                  </Button>
                  <Button size="small" type="link" loading={busy} onClick={() => toggle(s)}>
                    {s.published ? t('unpublishStory') : t('publishStory')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      {editing && <StoryModal story={editing === 'new' ? null : editing} community={community} onClose={() => setEditing(null)} onDone={() => (setEditing(null), list.reload())} />}
    </>
  );
}
