import { Spin } from 'antd';
import { BrowserRouter } from 'react-router-dom';
import { useT } from '../shared/i18n/index.tsx';
import { common } from '../shared/messages.ts';
import { hasRole, useSession } from '../shared/session.tsx';
import { AdminDataProvider } from './AdminData.tsx';
import { LiveProvider } from './live.tsx';
import { NotAllowed } from './NotAllowed.tsx';
import { Shell } from './Shell.tsx';
import { SignInPage } from './SignInPage.tsx';

const STAFF_ROLES = ['admin', 'street_admin', 'community_worker', 'grid_leader', 'grid_worker', 'police_officer'];

/** The staff console: signed-out visitors sign in, residents are sent to their own app, staff get the console. */
export function App() {
  const { me } = useSession();
  const t = useT(common);
  return me === undefined ? (
    <div style={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
      <Spin size="large" description={t('loading')} />
    </div>
  ) : me === null ? (
    <SignInPage />
  ) : !hasRole(me, ...STAFF_ROLES) ? (
    <NotAllowed />
  ) : (
    <BrowserRouter basename="/admin">
      <AdminDataProvider me={me}>
        <LiveProvider>
          <Shell me={me} />
        </LiveProvider>
      </AdminDataProvider>
    </BrowserRouter>
  );
}
