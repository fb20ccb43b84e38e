import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { useT } from '../shared/i18n/index.tsx';
import { work } from './messages.ts';
import { useWorkData } from './WorkData.tsx';

/** The bar at the top of a page: an optional back button, the title, and whether live updates are flowing. */
export function PageHeader({ title, back, extra }: { title: ReactNode; back?: boolean; extra?: ReactNode }) {
  const t = useT(work);
  const navigate = useNavigate();
  const { connected } = useWorkData();
  return (
    <header className="lx-header">
      {back && (
        <Button type="text" className="lx-header-back" icon={<ArrowLeftOutlined />} aria-label={t('back')} onClick={() => (window.history.length > 1 ? navigate(-1) : navigate('/'))} />
      )}
      <h1 className="lx-header-title">{title}</h1>
      {extra}
      <span className={`lx-live${connected ? ' is-on' : ''}`} role="status" aria-label={connected ? t('liveOn') : t('liveOff')} title={connected ? t('liveOn') : t('liveOff')} />
    </header>
  );
}
