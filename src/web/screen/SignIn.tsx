import { LoginForm } from '../shared/LoginForm.tsx';
import { LocaleSwitch } from '../shared/LocaleSwitch.tsx';
import { useT } from '../shared/i18n/index.tsx';
import { common } from '../shared/messages.ts';
import { screen } from './messages.ts';

/** Signed out: the screen's own sign-in, on the screen's dark background. */
export function SignIn() {
  const t = useT(screen);
  const c = useT(common);
  return (
    <main className="sc-signin">
      <div className="sc-signin-card">
        <div className="sc-signin-locale">
          <LocaleSwitch />
        </div>
        <h1>
          {c('appName')} · {t('title')}
        </h1>
        <p>{t('signInHint')}</p>
        <LoginForm />
      </div>
    </main>
  );
}
