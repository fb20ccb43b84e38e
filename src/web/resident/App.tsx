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
// Service orders (issue 6): 服务点单, 我的接单 and 我的档案, for signed-in residents only.
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
            <Route path="/orders" element={<OrdersPage />} />
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </Suspense>
      </Shell>
    </BrowserRouter>
  );
}
