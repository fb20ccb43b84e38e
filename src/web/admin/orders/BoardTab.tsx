import { Alert, App as AntApp, Button, Card, Descriptions, Empty, Flex, List, Radio, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useLocale, useT } from '../../shared/i18n/index.tsx';
import { useApi } from '../useApi.ts';
import { type OrderMessageKey, om } from './messages.ts';
import type { BoardOrder, Candidate } from './types.ts';

const STATES = ['waiting', 'serving', 'to_verify', 'closed', 'open'] as const;
interface Page<T> {
  items: T[];
  total: number;
}

/** 派单看板: open orders with their ranked candidates and the reasons, one click to dispatch; done orders to verify. */
export function BoardTab() {
  const t = useT(om);
  const [state, setState] = useState<(typeof STATES)[number]>('waiting');
  const list = useApi<Page<BoardOrder>>('/api/v1/orders', { state, pageSize: 50 });
  return (
    <Flex vertical gap={16}>
      <Flex align="center" justify="space-between" wrap gap={8}>
        <Radio.Group aria-label={t('filterState')} optionType="button" value={state} onChange={(e) => setState(e.target.value)} options={STATES.map((s) => ({ value: s, label: t(`state_${s}` as OrderMessageKey) }))} />
        {list.data && <Typography.Text type="secondary">{t('total', { n: list.data.total })}</Typography.Text>}
      </Flex>
      {list.error && <Alert type="error" showIcon title={list.error} role="alert" />}
      {list.loading && !list.data ? (
        <Spin />
      ) : list.data?.items.length ? (
        <List grid={{ gutter: 16, column: 2 }} dataSource={list.data.items} renderItem={(o) => <List.Item><OrderCard order={o} onChanged={list.reload} /></List.Item>} />
      ) : (
        <Empty description={t('empty')} />
      )}
    </Flex>
  );
}

function OrderCard({ order: o, onChanged }: { order: BoardOrder; onChanged: () => void }) {
  const t = useT(om);
  const { locale } = useLocale();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (key: string, path: string, body: object, done: (r: BoardOrder) => string) => {
    setBusy(key);
    setError(null);
    try {
      const r = await api<BoardOrder>(`/api/v1/orders/${encodeURIComponent(o.id)}/${path}`, { method: 'POST', body });
      message.success(done(r));
      onChanged();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };
  const dispatch = (c: Candidate) => run(c.id, 'dispatch', { talentId: c.id }, () => t('dispatched', { name: c.name }));
  return (
    <Card
      size="small"
      data-testid="board-order"
      title={
        <Space>
          <span>{o.skillLabel}</span>
          <Typography.Text type="secondary">{o.number}</Typography.Text>
        </Space>
      }
      extra={
        <Space>
          {o.overdue && <Tag color="red">{t('overdue')}</Tag>}
          <Tag color="blue">{o.stateLabel}</Tag>
        </Space>
      }
    >
      <Typography.Paragraph style={{ marginBottom: 8 }}>{o.description}</Typography.Paragraph>
      <Descriptions size="small" column={1}>
        {o.requester?.name && <Descriptions.Item label={t('requester')}>{`${o.requester.name}${o.requester.phone ? `  ${o.requester.phone}` : ''}`}</Descriptions.Item>}
        <Descriptions.Item label={t('where')}>{[o.grid?.name, o.address].filter(Boolean).join(' · ')}</Descriptions.Item>
        {o.wantedAt && <Descriptions.Item label={t('wanted')}>{formatDateTime(o.wantedAt, locale)}</Descriptions.Item>}
        <Descriptions.Item label={t('orderedAt')}>{formatDateTime(o.reportedAt, locale)}</Descriptions.Item>
        {o.talent && <Descriptions.Item label={t('talent')}>{`${o.talent.name}${o.team ? `（${o.team.name}）` : ''}`}</Descriptions.Item>}
        {o.result && <Descriptions.Item label={t('result')}>{o.result}</Descriptions.Item>}
        {o.hours !== null && <Descriptions.Item label={t('hours')}>{t('hoursValue', { n: o.hours })}</Descriptions.Item>}
        {o.points && <Descriptions.Item label={t('points')}>{`${o.points.amount}（${o.points.outcomeLabel}）`}</Descriptions.Item>}
        {o.state === 'closed' && (
          <Descriptions.Item label={t('ratings')}>
            {o.ratings.revealed
              ? [o.ratings.requester && t('requesterRating', { n: o.ratings.requester.score }), o.ratings.talent && t('talentRating', { n: o.ratings.talent.score })].filter(Boolean).join('，')
              : t('ratingsHidden')}
          </Descriptions.Item>
        )}
      </Descriptions>
      {o.declinedCount > 0 && <Typography.Text type="warning">{t('declinedBefore', { n: o.declinedCount })}</Typography.Text>}
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ margin: '8px 0' }} />}
      {o.suggestions && (
        <>
          <Typography.Text strong style={{ display: 'block', marginTop: 8 }}>
            {t('candidates')}
          </Typography.Text>
          {o.suggestions.length === 0 ? (
            <Typography.Text type="secondary">{t('noCandidates')}</Typography.Text>
          ) : (
            <List
              size="small"
              dataSource={o.suggestions}
              renderItem={(c) => (
                <List.Item
                  data-testid="candidate"
                  actions={o.abilities.includes('dispatch') ? [<Button key="go" type={c.rank === 1 ? 'primary' : 'default'} size="small" loading={busy === c.id} onClick={() => void dispatch(c)}>{t('dispatchTo', { name: c.name })}</Button>] : []}
                >
                  <List.Item.Meta
                    title={
                      <Space>
                        <span>{`${c.rank}. ${c.name}`}</span>
                        <Tag color="geekblue">{t('score', { n: c.score })}</Tag>
                      </Space>
                    }
                    description={c.reasons.map((r) => r.text).join('；')}
                  />
                </List.Item>
              )}
            />
          )}
        </>
      )}
      {o.abilities.includes('verify') && (
        <Space style={{ marginTop: 8 }}>
          <Button type="primary" loading={busy === 'pass'} onClick={() => void run('pass', 'verify', { pass: true }, (r) => t('verified', { outcome: r.points?.outcomeLabel ?? '' }))}>
            {t('verifyPass')}
          </Button>
          <Button danger loading={busy === 'fail'} onClick={() => void run('fail', 'verify', { pass: false }, () => t('returned'))}>
            {t('verifyFail')}
          </Button>
        </Space>
      )}
    </Card>
  );
}
