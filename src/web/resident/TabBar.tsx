import { EnvironmentOutlined, FileTextOutlined, FormOutlined, GiftOutlined, TeamOutlined } from '@ant-design/icons';
import { NavLink, useLocation } from 'react-router-dom';
import { useT } from '../shared/i18n/index.tsx';
import { useSession } from '../shared/session.tsx';
import { communityMessages } from './community/messages.ts';
import { messages } from './messages.ts';
import { pointsMessages } from './points/messages.ts';

/** The pages the 邻里 tab stands for: its hub and the three it opens. */
const COMMUNITY_PATHS = ['/community', '/orders', '/wishes', '/activities'];

/**
 * The things a resident comes for, as a bottom tab bar: report, my cases, my grid, 邻里 (service orders,
 * micro-wishes, activities) and, once signed in, points. Five at most, so each stays a thumb's width in 大字 mode.
 */
export function TabBar() {
  const t = useT(messages);
  const p = useT(pointsMessages);
  const c = useT(communityMessages);
  const { me } = useSession();
  const { pathname } = useLocation();
  const inCommunity = COMMUNITY_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`));
  const tabs = [
    { to: '/', end: true, icon: <FormOutlined aria-hidden />, label: t('tabReport') },
    { to: '/cases', end: false, icon: <FileTextOutlined aria-hidden />, label: t('tabMyCases') },
    { to: '/my-grid', end: false, icon: <EnvironmentOutlined aria-hidden />, label: t('tabMyGrid') },
    { to: '/community', end: false, icon: <TeamOutlined aria-hidden />, label: c('tab'), active: inCommunity },
    // Points (M7) belong to a resident's account: nobody signed in has any, so no tab to crowd the bar.
    ...(me?.residentId ? [{ to: '/points', end: false, icon: <GiftOutlined aria-hidden />, label: p('tabPoints') }] : []),
  ];
  return (
    <nav className="lx-tabbar" aria-label={t('navLabel')}>
      {tabs.map((tab) => (
        <NavLink key={tab.to} to={tab.to} end={tab.end} className={({ isActive }) => (isActive || ('active' in tab && tab.active) ? 'lx-tab lx-tab-active' : 'lx-tab')}>
          {tab.icon}
          <span>{tab.label}</span>
        </NavLink>
      ))}
    </nav>
  );
}
