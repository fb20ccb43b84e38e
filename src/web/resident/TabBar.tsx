import { EnvironmentOutlined, FileTextOutlined, FormOutlined } from '@ant-design/icons';
import { NavLink } from 'react-router-dom';
import { useT } from '../shared/i18n/index.tsx';
import { messages } from './messages.ts';

/** The three things a resident comes for, as a bottom tab bar. */
export function TabBar() {
  const t = useT(messages);
  const tabs = [
    { to: '/', end: true, icon: <FormOutlined aria-hidden />, label: t('tabReport') },
    { to: '/cases', end: false, icon: <FileTextOutlined aria-hidden />, label: t('tabMyCases') },
    { to: '/my-grid', end: false, icon: <EnvironmentOutlined aria-hidden />, label: t('tabMyGrid') },
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
