import { Spin } from 'antd';
import { Navigate, Route, Routes } from 'react-router-dom';
import { useT } from '../shared/i18n/index.tsx';
import { common } from '../shared/messages.ts';
import { hasRole, useSession } from '../shared/session.tsx';
import { NotAllowed } from '../shared/NotAllowed.tsx';
import { CasePage } from './pages/CasePage.tsx';
import { FollowUpsPage } from './pages/FollowUpsPage.tsx';
import { InboxPage } from './pages/InboxPage.tsx';
import { MapPage } from './pages/MapPage.tsx';
import { MePage } from './pages/MePage.tsx';
import { NewCasePage } from './pages/NewCasePage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { WORK_ROLES } from './roles.ts';
import { Shell } from './Shell.tsx';
import { WorkDataProvider } from './WorkData.tsx';

/** The grid worker's phone app: sign in, then the inbox, the map, filing cases and the case page. */
export function App() {
  const { me } = useSession();
  const tc = useT(common);
  if (me === undefined) {
    return (
      <main className="lx-center">
        <Spin aria-label={tc('loading')} />
      </main>
    );
  }
  if (me === null) return <SignInPage />;
  if (!hasRole(me, ...WORK_ROLES)) return <NotAllowed />;
  return (
    <WorkDataProvider me={me}>
      <Routes>
        <Route element={<Shell />}>
          <Route index element={<InboxPage />} />
          <Route path="map" element={<MapPage />} />
          <Route path="new" element={<NewCasePage />} />
          <Route path="me" element={<MePage />} />
          <Route path="cases/:id" element={<CasePage />} />
          <Route path="follow-ups" element={<FollowUpsPage />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Route>
      </Routes>
    </WorkDataProvider>
  );
}
