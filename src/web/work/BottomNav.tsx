import { EnvironmentOutlined, InboxOutlined, PlusCircleOutlined, UserOutlined } from '@ant-design/icons';
import { Badge } from 'antd';
import { NavLink } from 'react-router-dom';
import { useT } from '../shared/i18n/index.tsx';
import { work } from './messages.ts';
import { useWorkData } from './WorkData.tsx';

/** The four places of the app, always at the thumb. */
export function BottomNav() {
  const t = useT(work);
  const { cases } = useWorkData();
  const waiting = cases?.filter((c) => c.abilities.includes('accept')).length ?? 0;
  const items = [
    { to: '/', end: true, label: t('navInbox'), icon: <Badge count={waiting} size="small" offset={[6, 0]}><InboxOutlined /></Badge> },
    { to: '/map', label: t('navMap'), icon: <EnvironmentOutlined /> },
    { to: '/new', label: t('navNew'), icon: <PlusCircleOutlined /> },
    { to: '/me', label: t('navMe'), icon: <UserOutlined /> },
  ];
  return (
    <nav className="lx-bottom-nav" aria-label={t('mainNav')}>
      {items.map((i) => (
        <NavLink key={i.to} to={i.to} end={i.end} className={({ isActive }) => `lx-nav-item${isActive ? ' is-active' : ''}`}>
          <span className="lx-nav-icon" aria-hidden>
            {i.icon}
          </span>
          <span>{i.label}</span>
        </NavLink>
      ))}
    </nav>
  );
}
