import { Alert, Segmented, Spin } from 'antd';
import { useState } from 'react';
import { useT } from '../../shared/i18n/index.tsx';
import { useSession } from '../../shared/session.tsx';
import { useApi } from '../useApi.ts';
import { MyServiceFile } from './MyServiceFile.tsx';
import { OrderCard } from './OrderCard.tsx';
import { OrderForm } from './OrderForm.tsx';
import { orderMessages } from './messages.ts';
import type { MyOrders } from './types.ts';
import './orders.css';

type Part = 'order' | 'mine' | 'serve' | 'file';

/** 服务点单: order a service, follow my orders; a talent also serves the orders dispatched to them and sees their record. */
export function OrdersPage() {
  const t = useT(orderMessages);
  const { me } = useSession();
  if (me === undefined) {
    return (
      <div className="lx-center" role="status">
        <Spin />
      </div>
    );
  }
  return (
    <div>
      <h1 className="lx-page-title">{t('title')}</h1>
      {me?.residentId ? <Orders /> : <Alert type="info" showIcon title={t('signInFirst')} />}
    </div>
  );
}

function Orders() {
  const t = useT(orderMessages);
  const mine = useApi<MyOrders>('/api/v1/orders/mine');
  const isTalent = !!mine.data?.talent;
  const [part, setPart] = useState<Part>('order');
  const options = [
    { value: 'order', label: t('segOrder') },
    { value: 'mine', label: t('segMine') },
    ...(isTalent ? [{ value: 'serve', label: t('segServe') }, { value: 'file', label: t('segFile') }] : []),
  ];
  return (
    <>
      <Segmented block options={options} value={part} onChange={(v) => setPart(v as Part)} style={{ marginBottom: 12 }} />
      {mine.error && <Alert type="error" showIcon title={mine.error} style={{ marginBottom: 12 }} />}
      {part === 'order' && (
        <OrderForm
          onOrdered={() => {
            mine.reload();
            setPart('mine');
          }}
        />
      )}
      {part === 'mine' && <OrderList orders={mine.data?.requested} loading={mine.loading} empty={t('mineEmpty')} onChanged={mine.reload} />}
      {part === 'serve' && <OrderList orders={mine.data?.assigned} loading={mine.loading} empty={t('serveEmpty')} onChanged={mine.reload} />}
      {part === 'file' && <MyServiceFile />}
    </>
  );
}

function OrderList({ orders, loading, empty, onChanged }: { orders: MyOrders['requested'] | undefined; loading: boolean; empty: string; onChanged: () => void }) {
  if (loading && !orders) return <Spin />;
  if (!orders?.length) return <p className="lx-muted">{empty}</p>;
  return (
    <ul className="lx-order-list">
      {orders.map((o) => (
        <li key={o.id}>
          <OrderCard order={o} onChanged={onChanged} />
        </li>
      ))}
    </ul>
  );
}
