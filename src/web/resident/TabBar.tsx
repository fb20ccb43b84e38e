import { HeartOutlined, EnvironmentOutlined, FileTextOutlined, FormOutlined, GiftOutlined } from '@ant-design/icons';
import { NavLink } from 'react-router-dom';
import { useT } from '../shared/i18n/index.tsx';
import { useSession } from '../shared/session.tsx';
import { messages } from './messages.ts';
import { orderMessages } from './orders/messages.ts';
import { pointsMessages } from './points/messages.ts';

/** The three things a resident comes for, as a bottom tab bar; a fourth, points, once signed in. */
export function TabBar() {
  const t = useT(messages);
  const p = useT(pointsMessages);
  const o = useT(orderMessages);
  const { me } = useSession();
  const tabs = [
    { to: '/', end: true, icon: <FormOutlined aria-hidden />, label: t('tabReport') },
    { to: '/cases', end: false, icon: <FileTextOutlined aria-hidden />, label: t('tabMyCases') },
    { to: '/my-grid', end: false, icon: <EnvironmentOutlined aria-hidden />, label: t('tabMyGrid') },
    // Points (M7) belong to a resident's account: nobody signed in has any, so no tab to crowd the bar.
    ...(me?.residentId
      ? [
          // Service orders (issue 6): order a service, and for a talent the orders to serve.
          { to: '/orders', end: false, icon: <HeartOutlined aria-hidden />, label: o('tabOrders') },
          { to: '/points', end: false, icon: <GiftOutlined aria-hidden />, label: p('tabPoints') },
        ]
      : []),
  ];
  return (
    <nav className="lx-tabbar" aria-label={t('navLabel')}>
      {tabs.map((tab) => (
        <NavLink key={tab.to} to={tab.to} end={tab.end} className={({ isActive }) => (isActive ? 'lx-tab lx-tab-active' : 'lx-tab')}>
          {tab.icon}
          <span>{tab.label}</span>
        </NavLink>
      ))}
    </nav>
  );
}
