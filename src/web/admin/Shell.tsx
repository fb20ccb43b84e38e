import { ApartmentOutlined, BarChartOutlined, CalendarOutlined, FileSearchOutlined, GiftOutlined, HeartOutlined, HomeOutlined, InboxOutlined, SolutionOutlined, StarOutlined, TeamOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import { Badge, Button, Flex, Layout, Menu, Typography } from 'antd';
import { Suspense, lazy } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useT } from '../shared/i18n/index.tsx';
import { LocaleSwitch } from '../shared/LocaleSwitch.tsx';
import { common } from '../shared/messages.ts';
import { type Me, useSession } from '../shared/session.tsx';
import { Brand } from './Brand.tsx';
import { CaseDrawer } from './cases/CaseDrawer.tsx';
import { CaseListPage } from './cases/CaseListPage.tsx';
import { DispatchCentre } from './cases/DispatchCentre.tsx';
import { FiguresPage } from './figures/FiguresPage.tsx';
import { useLiveConnected } from './live.tsx';
import { type MessageKey, m } from './messages.ts';
import { OrgPage } from './org/OrgPage.tsx';
import { PeoplePage } from './people/PeoplePage.tsx';
import { StaffPage } from './people/StaffPage.tsx';

// Points and merchants (M7): loaded when the section is first opened.
const PointsPage = lazy(() => import('./points/PointsPage.tsx').then((x) => ({ default: x.PointsPage })));
// Talent pool, teams and partner units, activities and role models: each loaded when first opened.
const TalentsPage = lazy(() => import('./volunteers/TalentsPage.tsx').then((x) => ({ default: x.TalentsPage })));
const TeamsPage = lazy(() => import('./volunteers/TeamsPage.tsx').then((x) => ({ default: x.TeamsPage })));
const ActivitiesPage = lazy(() => import('./activities/ActivitiesPage.tsx').then((x) => ({ default: x.ActivitiesPage })));
// Micro-wishes (M6): loaded when the section is first opened.
const WishesPage = lazy(() => import('./wishes/WishesPage.tsx').then((x) => ({ default: x.WishesPage })));
// Service orders (issue 6): the matching board and the figures.
const OrdersPage = lazy(() => import('./orders/OrdersPage.tsx').then((x) => ({ default: x.OrdersPage })));

const SECTIONS: { path: string; label: MessageKey; icon: React.ReactNode }[] = [
  { path: '/', label: 'menuDispatch', icon: <InboxOutlined aria-hidden /> },
  { path: '/cases', label: 'menuCases', icon: <FileSearchOutlined aria-hidden /> },
  { path: '/org', label: 'menuOrg', icon: <ApartmentOutlined aria-hidden /> },
  { path: '/staff', label: 'menuStaff', icon: <TeamOutlined aria-hidden /> },
  { path: '/people', label: 'menuPeople', icon: <HomeOutlined aria-hidden /> },
  { path: '/figures', label: 'menuFigures', icon: <BarChartOutlined aria-hidden /> },
  // Points and merchants (M7).
  { path: '/points', label: 'menuPoints', icon: <GiftOutlined aria-hidden /> },
  // Talent pool, teams and activities.
  { path: '/talents', label: 'menuTalents', icon: <SolutionOutlined aria-hidden /> },
  { path: '/teams', label: 'menuTeams', icon: <UsergroupAddOutlined aria-hidden /> },
  { path: '/activities', label: 'menuActivities', icon: <CalendarOutlined aria-hidden /> },
  // Micro-wishes (M6).
  { path: '/wishes', label: 'menuWishes', icon: <StarOutlined aria-hidden /> },
  // Service orders (issue 6).
  { path: '/orders', label: 'menuOrders', icon: <HeartOutlined aria-hidden /> },
];

function sectionOf(pathname: string): string {
  const match = SECTIONS.filter((s) => s.path !== '/' && pathname.startsWith(s.path));
  return match[0]?.path ?? '/';
}

/** The console's frame: side menu, header with the account, the page, and the case drawer over any page. */
export function Shell({ me }: { me: Me }) {
  const t = useT(m);
  const c = useT(common);
  const { signOut } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const live = useLiveConnected();
  const roles = [...new Set(me.roles.map((r) => r.role))].map((r) => t(`role_${r}` as MessageKey)).join('、');
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={224} style={{ position: 'sticky', top: 0, height: '100vh' }}>
        <div style={{ padding: '16px 20px' }}>
          <Brand name={c('appName')} subtitle={t('consoleTitle')} light />
        </div>
        <nav aria-label={t('mainNav')}>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[sectionOf(location.pathname)]}
            items={SECTIONS.map((s) => ({ key: s.path, icon: s.icon, label: t(s.label) }))}
            onClick={({ key }) => navigate(key)}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 24px', borderBottom: '1px solid #f0f0f0', position: 'sticky', top: 0, zIndex: 10 }}>
          <Flex align="center" justify="flex-end" gap={16} style={{ height: '100%' }}>
            <Badge status={live ? 'success' : 'default'} text={live ? c('live') : c('liveLost')} />
            <Typography.Text>
              {me.displayName}
              {roles !== me.displayName && (
                <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                  {roles}
                </Typography.Text>
              )}
            </Typography.Text>
            <LocaleSwitch />
            <Button size="small" onClick={() => void signOut()}>
              {c('signOut')}
            </Button>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Routes>
            <Route path="/" element={<DispatchCentre />} />
            <Route path="/cases" element={<CaseListPage />} />
            <Route path="/org" element={<OrgPage />} />
            <Route path="/staff" element={<StaffPage />} />
            <Route path="/people" element={<PeoplePage />} />
            <Route path="/figures" element={<FiguresPage />} />
            <Route path="/points" element={<Suspense fallback={null}><PointsPage /></Suspense>} />
            <Route path="/talents" element={<Suspense fallback={null}><TalentsPage /></Suspense>} />
            <Route path="/teams" element={<Suspense fallback={null}><TeamsPage /></Suspense>} />
            <Route path="/activities" element={<Suspense fallback={null}><ActivitiesPage /></Suspense>} />
            <Route path="/wishes" element={<Suspense fallback={null}><WishesPage /></Suspense>} />
            <Route path="/orders" element={<Suspense fallback={null}><OrdersPage /></Suspense>} />
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </Layout.Content>
      </Layout>
      <CaseDrawer />
    </Layout>
  );
}
