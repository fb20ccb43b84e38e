import { Button, Result } from 'antd';
import { useT } from '../shared/i18n/index.tsx';
import { LocaleSwitch } from '../shared/LocaleSwitch.tsx';
import { common } from '../shared/messages.ts';
import { useSession } from '../shared/session.tsx';
import { m } from './messages.ts';

/** A resident who signed in here: this console is not theirs; point them to their own app. */
export function NotAllowed() {
  const t = useT(m);
  const c = useT(common);
  const { signOut } = useSession();
  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
      <Result
        status="403"
        title={c('notAllowedHere')}
        subTitle={t('notAllowedNote')}
        extra={[
          <Button key="home" type="primary" href="/">
            {t('residentGoHome')}
          </Button>,
          <Button key="out" onClick={() => void signOut()}>
            {c('signOut')}
          </Button>,
          <LocaleSwitch key="lang" size="middle" />,
        ]}
      />
    </main>
  );
}
