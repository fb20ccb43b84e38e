import { Button, Result } from 'antd';
import { LocaleSwitch } from '../shared/LocaleSwitch.tsx';
import { useT } from '../shared/i18n/index.tsx';
import { common } from '../shared/messages.ts';
import { useSession } from '../shared/session.tsx';

/** A signed-in account that is not a merchant's (a resident, staff) is told so and may sign out. */
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
