import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { ApiError } from './api.ts';
import { useT } from './i18n/index.tsx';
import { common } from './messages.ts';
import { type Me, useSession } from './session.tsx';

/** The sign-in form; the server's refusal (wrong password, too many tries) is shown in its own words. */
export function LoginForm({ onSignedIn, size = 'large' }: { onSignedIn?: (me: Me) => void; size?: 'middle' | 'large' }) {
  const t = useT(common);
  const { signIn } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Form
      layout="vertical"
      size={size}
      aria-label={t('signInTitle')}
      onFinish={async (v: { username: string; password: string }) => {
        setBusy(true);
        setError(null);
        try {
          const me = await signIn(v.username.trim(), v.password);
          onSignedIn?.(me);
        } catch (e) {
          setError(e instanceof ApiError ? e.message : String(e));
        } finally {
          setBusy(false);
        }
      }}
    >
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Form.Item name="username" label={t('username')} rules={[{ required: true, message: t('usernameRequired') }]}>
        <Input autoComplete="username" autoCapitalize="none" />
      </Form.Item>
      <Form.Item name="password" label={t('password')} rules={[{ required: true, message: t('passwordRequired') }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy}>
        {t('signIn')}
      </Button>
    </Form>
  );
}
