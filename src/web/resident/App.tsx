import { Spin } from 'antd';
import { Suspense, lazy } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { ReportPage } from './report/ReportPage.tsx';
import { Shell } from './Shell.tsx';

// The report form is what a resident opens the page for; the other tabs load when first visited.
const MyCasesPage = lazy(() => import('./cases/MyCasesPage.tsx').then((m) => ({ default: m.MyCasesPage })));
const CasePage = lazy(() => import('./cases/CasePage.tsx').then((m) => ({ default: m.CasePage })));
const MyGridPage = lazy(() => import('./grid/MyGridPage.tsx').then((m) => ({ default: m.MyGridPage })));
// Points and merchants (M7): 我的积分, for signed-in residents only.
const PointsPage = lazy(() => import('./points/PointsPage.tsx').then((m) => ({ default: m.PointsPage })));
// 活动: the community's activities, sign-up and check-in, role models.
const ActivitiesPage = lazy(() => import('./activities/ActivitiesPage.tsx').then((m) => ({ default: m.ActivitiesPage })));
// Micro-wishes (M6): 微心愿, the needs list, the service list and shared resources.
const WishesPage = lazy(() => import('./wishes/WishesPage.tsx').then((m) => ({ default: m.WishesPage })));
// Service orders (issue 6): 服务点单, 我的接单 and 我的档案, for signed-in residents only.
// 邻里: the hub of service orders, micro-wishes and activities.
const CommunityPage = lazy(() => import('./community/CommunityPage.tsx').then((m) => ({ default: m.CommunityPage })));
const OrdersPage = lazy(() => import('./orders/OrdersPage.tsx').then((m) => ({ default: m.OrdersPage })));

/** The resident area at `/`: report a problem, follow my cases, find my grid's people. */
export function App() {
  return (
    <BrowserRouter>
      <Shell>
        <Suspense
          fallback={
            <div className="lx-center" role="status">
              <Spin />
            </div>
          }
        >
          <Routes>
            <Route path="/" element={<ReportPage />} />
            <Route path="/cases" element={<MyCasesPage />} />
            <Route path="/cases/:id" element={<CasePage />} />
            <Route path="/my-grid" element={<MyGridPage />} />
            <Route path="/points" element={<PointsPage />} />
            <Route path="/community" element={<CommunityPage />} />
            <Route path="/activities" element={<ActivitiesPage />} />
            <Route path="/wishes" element={<WishesPage />} />
            <Route path="/orders" element={<OrdersPage />} />
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </Suspense>
      </Shell>
    </BrowserRouter>
  );
}
