import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, InputNumber, Modal, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { useT } from '../../shared/i18n/index.tsx';
import { type Offer, type Page, WISH_TYPES } from '../../shared/wishes/types.ts';
import { NodePicker } from '../actions/NodePicker.tsx';
import { useApi } from '../useApi.ts';
import { type WishKey, wm } from './messages.ts';
import { useAction } from './useAction.ts';

const KINDS = ['goods', 'service', 'fund', 'other'] as const;
const MODES = ['one_to_one', 'one_to_many', 'many_to_one'] as const;

/** 服务清单: what partner units offer each community, with places taken; add, stop or resume an offer. */
export function OffersTab() {
  const t = useT(wm);
  const [node, setNode] = useState<string | undefined>();
  const [adding, setAdding] = useState(false);
  const list = useApi<Page<Offer>>('/api/v1/service-offers', { community: node, includeInactive: true, pageSize: 200 });
  const { busy, run } = useAction();
  return (
    <>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <div style={{ width: 240 }}>
          <NodePicker ariaLabel={t('filterNode')} placeholder={t('filterNode')} value={node} onChange={setNode} />
        </div>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
          {t('addOffer')}
        </Button>
        {list.data && <Typography.Text type="secondary">{t('offersTotal', { n: list.data.total })}</Typography.Text>}
      </Flex>
      <Table<Offer>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          { key: 'title', title: t('colOffer'), render: (_, o) => <>{o.title} <Tag>{o.kindLabel}</Tag></> },
          { key: 'provider', title: t('colProvider'), width: 200, render: (_, o) => o.provider.name },
          { key: 'community', title: t('community'), width: 110, render: (_, o) => o.community.name },
          { key: 'mode', title: t('colMode'), width: 90, render: (_, o) => <Tag color="geekblue">{o.modeLabel}</Tag> },
          { key: 'type', title: t('colType'), width: 110, render: (_, o) => o.wishTypeLabel },
          { key: 'capacity', title: t('colCapacity'), width: 120, align: 'right', render: (_, o) => `${o.claimsTaken} / ${o.capacity}` },
          { key: 'active', title: t('colActive'), width: 90, render: (_, o) => <Tag color={o.active ? 'green' : 'default'}>{o.active ? t('active') : t('stopped')}</Tag> },
          {
            key: 'actions',
            width: 90,
            render: (_, o) =>
              o.abilities.includes('edit') && (
                <Button size="small" loading={busy} onClick={() => void run(() => api(`/api/v1/service-offers/${o.id}`, { method: 'PATCH', body: { active: !o.active } }), o.active ? t('stopped') : t('active')).then((ok) => ok && list.reload())}>
                  {o.active ? t('stop') : t('resume')}
                </Button>
              ),
          },
        ]}
      />
      {adding && <OfferModal onClose={(ok) => { setAdding(false); if (ok) list.reload(); }} />}
    </>
  );
}

interface Draft {
  community?: string;
  partnerUnitId?: string;
  title: string;
  kind: (typeof KINDS)[number];
  wishType: (typeof WISH_TYPES)[number];
  mode: (typeof MODES)[number];
  capacity: number;
}

function OfferModal({ onClose }: { onClose: (ok: boolean) => void }) {
  const t = useT(wm);
  const { busy, run } = useAction();
  const [d, setD] = useState<Draft>({ title: '', kind: 'service', wishType: 'goods', mode: 'one_to_many', capacity: 3 });
  const units = useApi<Page<{ id: string; name: string }>>(d.community ? '/api/v1/partner-units' : null, { node: d.community, pageSize: 100 });
  const set = (patch: Partial<Draft>) => setD((old) => ({ ...old, ...patch }));
  const ready = d.community && d.partnerUnitId && d.title.trim();
  const body = { ...d, title: d.title.trim(), capacity: d.mode === 'one_to_one' ? 1 : d.capacity };
  return (
    <Modal open title={t('offerTitle')} okText={t('save')} cancelText={t('cancel')} confirmLoading={busy} okButtonProps={{ disabled: !ready }} onCancel={() => onClose(false)} onOk={() => void run(() => api('/api/v1/service-offers', { method: 'POST', body }), t('save')).then((ok) => ok && onClose(true))}>
      <Form layout="vertical">
        <Form.Item label={t('community')}>
          <NodePicker ariaLabel={t('community')} value={d.community} onChange={(v) => set({ community: v, partnerUnitId: undefined })} />
        </Form.Item>
        <Form.Item label={t('unitLabel')} htmlFor="offer-unit">
          <Select id="offer-unit" value={d.partnerUnitId} onChange={(v) => set({ partnerUnitId: v })} loading={units.loading} options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
        <Form.Item label={t('offerName')} htmlFor="offer-title">
          <Input id="offer-title" value={d.title} maxLength={100} onChange={(e) => set({ title: e.target.value })} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item label={t('offerKind')} htmlFor="offer-kind" style={{ flex: 1 }}>
            <Select id="offer-kind" value={d.kind} onChange={(v) => set({ kind: v })} options={KINDS.map((k) => ({ value: k, label: t(`kind_${k}` as WishKey) }))} />
          </Form.Item>
          <Form.Item label={t('colType')} htmlFor="offer-type" style={{ flex: 1 }}>
            <Select id="offer-type" value={d.wishType} onChange={(v) => set({ wishType: v })} options={WISH_TYPES.map((k) => ({ value: k, label: t(`type_${k}` as WishKey) }))} />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item label={t('colMode')} htmlFor="offer-mode" style={{ flex: 1 }}>
            <Select id="offer-mode" value={d.mode} onChange={(v) => set({ mode: v })} options={MODES.map((k) => ({ value: k, label: t(`mode_${k}` as WishKey) }))} />
          </Form.Item>
          <Form.Item label={t('capacity')} htmlFor="offer-capacity" style={{ flex: 1 }}>
            <InputNumber id="offer-capacity" min={1} max={1000} precision={0} disabled={d.mode === 'one_to_one'} value={d.mode === 'one_to_one' ? 1 : d.capacity} onChange={(v) => set({ capacity: v ?? 1 })} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}
