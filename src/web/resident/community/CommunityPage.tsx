import { CalendarOutlined, HeartOutlined, RightOutlined, StarOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useT } from '../../shared/i18n/index.tsx';
import { communityMessages } from './messages.ts';
import './community.css';

/**
 * 邻里: one tab for what neighbours do for each other (service orders, micro-wishes, activities), so the tab bar
 * keeps the few things a resident comes for and stays readable in 大字 mode.
 */
export function CommunityPage() {
  const t = useT(communityMessages);
  const cards = [
    { to: '/orders', icon: <HeartOutlined aria-hidden />, title: t('ordersTitle'), text: t('ordersText') },
    { to: '/wishes', icon: <StarOutlined aria-hidden />, title: t('wishesTitle'), text: t('wishesText') },
    { to: '/activities', icon: <CalendarOutlined aria-hidden />, title: t('activitiesTitle'), text: t('activitiesText') },
  ];
  return (
    <div>
      <h1 className="lx-page-title">{t('title')}</h1>
      <p className="lx-community-lead">{t('lead')}</p>
      <ul className="lx-community-cards">
        {cards.map((c) => (
          <li key={c.to}>
            <Link to={c.to} className="lx-community-card">
              <span className="lx-community-icon">{c.icon}</span>
              <span className="lx-community-body">
                <strong>{c.title}</strong>
                <span>{c.text}</span>
              </span>
              <RightOutlined aria-hidden className="lx-community-go" />
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
