import { Alert, Spin } from 'antd';
import { Navigate, Route, Routes } from 'react-router-dom';
import { useT } from '../shared/i18n/index.tsx';
import { common } from '../shared/messages.ts';
import type { Merchant, Page } from '../shared/points/types.ts';
import { hasRole, useSession } from '../shared/session.tsx';
import { MerchantHeader } from './MerchantHeader.tsx';
import { merchantMessages } from './messages.ts';
import { NotAllowed } from '../shared/NotAllowed.tsx';
import { RedeemPage } from './RedeemPage.tsx';
import { SignInPage } from './SignInPage.tsx';
import { useApi } from './useApi.ts';

/** The merchant's phone app at /merchant: sign in, then redeem codes and read the shop's redemptions. */
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
  if (!hasRole(me, 'merchant')) return <NotAllowed />;
  return <MerchantHome />;
}

/** A merchant account sees exactly its own merchant in the list. */
function MerchantHome() {
  const t = useT(merchantMessages);
  const tc = useT(common);
  const list = useApi<Page<Merchant>>('/api/v1/merchants');
  const merchant = list.data?.items[0];
  return (
    <div className="lx-merchant">
      <MerchantHeader name={merchant?.name} />
      <main className="lx-merchant-body">
        {list.error && <Alert type="error" showIcon title={list.error} role="alert" />}
        {list.loading && !list.data ? (
          <div className="lx-center">
            <Spin aria-label={tc('loading')} />
          </div>
        ) : !merchant ? (
          !list.error && <Alert type="warning" showIcon title={t('noMerchant')} />
        ) : (
          <Routes>
            <Route index element={<RedeemPage merchant={merchant} />} />
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        )}
      </main>
    </div>
  );
}
