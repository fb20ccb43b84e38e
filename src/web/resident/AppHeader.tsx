import { Button, Modal } from 'antd';
import { useState } from 'react';
import { LocaleSwitch } from '../shared/LocaleSwitch.tsx';
import { LoginForm } from '../shared/LoginForm.tsx';
import { useT } from '../shared/i18n/index.tsx';
import { common } from '../shared/messages.ts';
import { useSession } from '../shared/session.tsx';
import { useElder } from './elder.tsx';
import { messages } from './messages.ts';

/** The name of the app, the large-type switch, the language and signing in or out. */
export function AppHeader() {
  const t = useT(messages);
  const c = useT(common);
  const { me, signOut } = useSession();
  const { elder, setElder } = useElder();
  const [signingIn, setSigningIn] = useState(false);
  return (
    <header className="lx-header">
      <div className="lx-brand">
        <span className="lx-logo" aria-hidden>
          连
        </span>
        <span className="lx-brand-name">{c('appName')}</span>
      </div>
      <div className="lx-header-actions">
        <Button type={elder ? 'primary' : 'default'} size="small" aria-pressed={elder} onClick={() => setElder(!elder)}>
          {t('elderMode')}
        </Button>
        <LocaleSwitch />
        {me ? (
          <Button size="small" type="text" onClick={() => signOut()}>
            {c('signOut')}
          </Button>
        ) : (
          <Button size="small" type="primary" ghost onClick={() => setSigningIn(true)} disabled={me === undefined}>
            {c('signIn')}
          </Button>
        )}
      </div>
      <Modal open={signingIn} title={c('signInTitle')} footer={null} onCancel={() => setSigningIn(false)} destroyOnHidden width={360}>
        <p className="lx-muted">{t('signInWhy')}</p>
        <LoginForm onSignedIn={() => setSigningIn(false)} />
      </Modal>
    </header>
  );
}
