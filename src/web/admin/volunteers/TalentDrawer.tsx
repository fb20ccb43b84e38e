import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Empty, Flex, Select, Spin, Switch, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { useLocale, useT } from '../../shared/i18n/index.tsx';
import { useWrite } from '../FormDialog.tsx';
import { useApi } from '../useApi.ts';
import { ConfirmTalentModal, EditTalentModal, ReasonModal } from './TalentModals.tsx';
import { vm } from './messages.ts';
import { levelOptions, skillOptions, useSlotText, useTaxonomy } from './parts.tsx';
import type { TalentFile, TalentSkill } from './types.ts';

/** One talent: profile, confirmed skills, hours, teams, the reserve mark, and the personal file (一人一档). */
export function TalentDrawer({ id, onClose, onChanged }: { id: string; onClose: () => void; onChanged: () => void }) {
  const t = useT(vm);
  const { locale } = useLocale();
  const taxonomy = useTaxonomy();
  const slotText = useSlotText();
  const path = `/api/v1/talents/${encodeURIComponent(id)}`;
  const file = useApi<TalentFile>(`${path}/file`);
  const { busy, run } = useWrite();
  const [dialog, setDialog] = useState<'confirm' | 'decline' | 'retire' | 'edit' | null>(null);
  const [newSkill, setNewSkill] = useState<string | undefined>();
  const talent = file.data?.profile;
  const manage = !!talent?.abilities.includes('volunteers.manage');
  const done = () => {
    file.reload();
    onChanged();
  };
  const write = (method: 'PUT' | 'DELETE', sub: string, body: unknown, text: string) => run(() => api(`${path}${sub}`, { method, body }), text, done);
  return (
    <Drawer open width={760} title={talent ? `${talent.name} · ${t('fileTitle')}` : t('fileTitle')} onClose={onClose} destroyOnHidden>
      {file.error && <Alert type="error" showIcon title={file.error} role="alert" />}
      {!talent ? (
        !file.error && <Spin />
      ) : (
        <Flex vertical gap={20}>
          <Flex gap={8} wrap>
            {manage && talent.status === 'proposed' && (
              <>
                <Button type="primary" onClick={() => setDialog('confirm')}>
                  {t('confirm')}
                </Button>
                <Button danger onClick={() => setDialog('decline')}>
                  {t('decline')}
                </Button>
              </>
            )}
            {manage && talent.status === 'confirmed' && (
              <Button danger onClick={() => setDialog('retire')}>
                {t('retire')}
              </Button>
            )}
            {manage && (talent.status === 'proposed' || talent.status === 'confirmed') && <Button onClick={() => setDialog('edit')}>{t('editTalent')}</Button>}
            <Button icon={<DownloadOutlined aria-hidden />} href={`${path}/file.xlsx`}>
              {t('downloadFile')}
            </Button>
          </Flex>
          <section aria-label={t('profile')}>
            <Descriptions bordered size="small" styles={{ label: { whiteSpace: 'nowrap' } }} column={2} title={t('profile')}>
              <Descriptions.Item label={t('status')}>
                <Tag color={talent.status === 'confirmed' ? 'green' : talent.status === 'proposed' ? 'gold' : 'default'}>{talent.statusLabel}</Tag>
                {talent.statusReason && <Typography.Text type="secondary">{talent.statusReason}</Typography.Text>}
              </Descriptions.Item>
              <Descriptions.Item label={t('origin')}>{talent.originLabel}</Descriptions.Item>
              <Descriptions.Item label={t('community')}>{talent.community.name}</Descriptions.Item>
              <Descriptions.Item label={t('gridLabel')}>{talent.grid?.name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('phone')}>{talent.phone ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('contactPreference')}>{talent.contactPreferenceLabel}</Descriptions.Item>
              <Descriptions.Item label={t('partnerUnit')}>{talent.partnerUnit?.name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('reserve')}>
                <Switch
                  size="small"
                  aria-label={t('reserve')}
                  checked={talent.reserveCandidate}
                  disabled={!manage || busy || (talent.status !== 'confirmed' && !talent.reserveCandidate)}
                  onChange={(candidate) => write('PUT', '/reserve-candidate', { candidate }, candidate ? t('reserveMarked') : t('reserveUnmarked'))}
                />
              </Descriptions.Item>
              <Descriptions.Item label={t('availability')} span={2}>
                {slotText(talent.availability)}
              </Descriptions.Item>
              <Descriptions.Item label={t('serviceAreas')} span={2}>
                {talent.serviceAreas.map((n) => n.name).join('、') || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('teams')} span={2}>
                {talent.teams.length === 0
                  ? t('none')
                  : talent.teams.map((m) => (
                      <Tag key={m.id}>
                        {m.name}
                        {m.leader ? ` · ${t('leader')}` : ''} · {t('joinedOn', { day: m.joinedOn })}
                      </Tag>
                    ))}
              </Descriptions.Item>
              {talent.note && (
                <Descriptions.Item label={t('note')} span={2}>
                  {talent.note}
                </Descriptions.Item>
              )}
            </Descriptions>
          </section>
          <section aria-label={t('skillsSection')}>
            <Typography.Title level={5}>{t('skillsSection')}</Typography.Title>
            <Table<TalentSkill>
              rowKey="skill"
              size="small"
              pagination={false}
              dataSource={talent.skills}
              columns={[
                { key: 'skill', title: t('skill'), render: (_, s) => s.label },
                {
                  key: 'level',
                  title: t('level'),
                  width: 130,
                  render: (_, s) =>
                    manage ? (
                      <Select aria-label={`${s.label} ${t('level')}`} size="small" value={s.level} style={{ width: 110 }} options={levelOptions(taxonomy)} onChange={(level) => write('PUT', `/skills/${s.skill}`, { level }, t('skillSaved'))} />
                    ) : (
                      s.levelLabel
                    ),
                },
                { key: 'by', title: t('status'), render: (_, s) => (s.confirmed ? t('skillConfirmedBy', { by: s.confirmedBy ?? '', at: formatDate(s.confirmedAt, locale) }) : <Tag color="gold">{t('skillUnconfirmed')}</Tag>) },
                {
                  key: 'remove',
                  title: '',
                  width: 70,
                  render: (_, s) =>
                    manage && talent.skills.length > 1 ? (
                      <Button size="small" type="link" danger onClick={() => write('DELETE', `/skills/${s.skill}`, undefined, t('skillRemoved'))}>
                        {t('removeSkill')}
                      </Button>
                    ) : null,
                },
              ]}
            />
            {manage && talent.status === 'confirmed' && (
              <Flex gap={8} style={{ marginTop: 8 }}>
                <Select aria-label={t('addSkill')} placeholder={t('addSkill')} showSearch={{ optionFilterProp: 'label' }} style={{ width: 220 }} value={newSkill} onChange={setNewSkill} options={skillOptions(taxonomy)} />
                <Button disabled={!newSkill} loading={busy} onClick={() => newSkill && write('PUT', `/skills/${newSkill}`, { level: 1 }, t('skillSaved')).then(() => setNewSkill(undefined))}>
                  {t('addSkill')}
                </Button>
              </Flex>
            )}
          </section>
          <section aria-label={t('recommendations')}>
            <Typography.Title level={5}>{t('recommendations')}</Typography.Title>
            {file.data!.recommendations.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noHistory')} />
            ) : (
              <ul style={{ paddingLeft: 20, margin: 0 }}>
                {file.data!.recommendations.map((r, i) => (
                  <li key={i}>
                    {formatDateTime(r.at, locale)} · {r.originLabel} · {t('recommendedBy', { by: r.by })}
                    {r.recommenderName ? ` · ${t('recommender', { name: r.recommenderName })}` : ''} · {r.skills.join('、')}
                    {r.note ? ` · ${r.note}` : ''}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-label={t('history')}>
            <Typography.Title level={5}>{t('history')}</Typography.Title>
            <Timeline
              items={file.data!.history.map((h, i) => ({
                key: i,
                content: (
                  <>
                    <Typography.Text strong>{h.actionLabel}</Typography.Text> · {h.actor} · <Typography.Text type="secondary">{formatDateTime(h.at, locale)}</Typography.Text>
                    {h.note && <div>{h.note}</div>}
                  </>
                ),
              }))}
            />
          </section>
        </Flex>
      )}
      {talent && dialog === 'edit' && <EditTalentModal talent={talent} onClose={() => setDialog(null)} onDone={() => (setDialog(null), done())} />}
      {talent && dialog === 'confirm' && <ConfirmTalentModal talent={talent} onClose={() => setDialog(null)} onDone={() => (setDialog(null), done())} />}
      {talent && (dialog === 'decline' || dialog === 'retire') && (
        <ReasonModal
          title={t(dialog === 'decline' ? 'declineTitle' : 'retireTitle', { name: talent.name })}
          submitLabel={t(dialog)}
          doneText={t(dialog === 'decline' ? 'declineDone' : 'retireDone')}
          path={`${path}/${dialog}`}
          onClose={() => setDialog(null)}
          onDone={() => (setDialog(null), done())}
        />
      )}
    </Drawer>
  );
}

