import { Button, Result } from 'antd';
import { LocaleSwitch } from './LocaleSwitch.tsx';
import { useT } from './i18n/index.tsx';
import { common } from './messages.ts';
import { useSession } from './session.tsx';

/** A signed-in account whose roles do not open this area (a resident on the field app, staff on the merchant's) is told so and may sign out. */
export function NotAllowed() {
  const tc = useT(common);
  const { me, signOut } = useSession();
  return (
    <main className="lx-center">
      <Result
        status="403"
        title={tc('notAllowedHere')}
        subTitle={me?.displayName}
        extra={[
          <Button key="out" type="primary" onClick={signOut}>
            {tc('signOut')}
          </Button>,
          <LocaleSwitch key="lang" />,
        ]}
      />
    </main>
  );
}
