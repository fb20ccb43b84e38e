import { Card, Flex, Typography } from 'antd';
import { useT } from '../shared/i18n/index.tsx';
import { LocaleSwitch } from '../shared/LocaleSwitch.tsx';
import { LoginForm } from '../shared/LoginForm.tsx';
import { common } from '../shared/messages.ts';
import { Brand } from './Brand.tsx';
import { m } from './messages.ts';

/** Shown to a signed-out visitor: the shared sign-in form; the session then opens the console. */
export function SignInPage() {
  const t = useT(m);
  const c = useT(common);
  return (
    <main style={{ minHeight: '100vh', background: 'linear-gradient(135deg, #001529 0%, #0d2f55 100%)', display: 'grid', placeItems: 'center', position: 'relative' }}>
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LocaleSwitch ghost />
      </div>
      <Card style={{ width: 400 }}>
        <Flex vertical gap={8} style={{ marginBottom: 24 }}>
          <Brand name={c('appName')} subtitle={t('consoleTitle')} />
          <Typography.Title level={4} style={{ margin: '12px 0 0' }}>
            {t('staffSignIn')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('signInNote')}</Typography.Text>
        </Flex>
        <LoginForm />
      </Card>
    </main>
  );
}
