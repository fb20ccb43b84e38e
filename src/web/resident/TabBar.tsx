import { CalendarOutlined, EnvironmentOutlined, FileTextOutlined, FormOutlined, GiftOutlined, StarOutlined } from '@ant-design/icons';
import { NavLink } from 'react-router-dom';
import { useT } from '../shared/i18n/index.tsx';
import { useSession } from '../shared/session.tsx';
import { activityMessages } from './activities/messages.ts';
import { messages } from './messages.ts';
import { pointsMessages } from './points/messages.ts';
import { wishMessages } from './wishes/messages.ts';

/** The three things a resident comes for, as a bottom tab bar; a fourth, points, once signed in. */
export function TabBar() {
  const t = useT(messages);
  const p = useT(pointsMessages);
  const a = useT(activityMessages);
  const w = useT(wishMessages);
  const { me } = useSession();
  const tabs = [
    { to: '/', end: true, icon: <FormOutlined aria-hidden />, label: t('tabReport') },
    { to: '/cases', end: false, icon: <FileTextOutlined aria-hidden />, label: t('tabMyCases') },
    { to: '/my-grid', end: false, icon: <EnvironmentOutlined aria-hidden />, label: t('tabMyGrid') },
    // Micro-wishes (M6): the needs list and shared resources are for everyone.
    { to: '/wishes', end: false, icon: <StarOutlined aria-hidden />, label: w('tabWishes') },
    // Points (M7) belong to a resident's account: nobody signed in has any, so no tab to crowd the bar.
    ...(me?.residentId ? [{ to: '/points', end: false, icon: <GiftOutlined aria-hidden />, label: p('tabPoints') }] : []),
    // Activities: open to all (the page asks to sign in), as the community's calendar is public.
    { to: '/activities', end: false, icon: <CalendarOutlined aria-hidden />, label: a('tab') },
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
