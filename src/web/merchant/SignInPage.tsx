import { Typography } from 'antd';
import { LocaleSwitch } from '../shared/LocaleSwitch.tsx';
import { LoginForm } from '../shared/LoginForm.tsx';
import { useT } from '../shared/i18n/index.tsx';
import { common } from '../shared/messages.ts';
import { merchantMessages } from './messages.ts';

/** Nobody is signed in on this phone: the shop's sign-in. */
export function SignInPage() {
  const t = useT(merchantMessages);
  const tc = useT(common);
  return (
    <div className="lx-merchant">
      <header className="lx-merchant-head">
        <span className="lx-logo" aria-hidden>
          连
        </span>
        <div className="lx-merchant-title" />
        <LocaleSwitch ghost />
      </header>
      <main className="lx-merchant-body">
        <Typography.Title level={2}>
          {tc('appName')} · {t('areaName')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('signInHint')}</Typography.Paragraph>
        <LoginForm />
      </main>
    </div>
  );
}
