import { Button, Result, Spin } from 'antd';
import { useT } from '../shared/i18n/index.tsx';
import { common } from '../shared/messages.ts';
import { useSession } from '../shared/session.tsx';
import { Screen } from './Screen.tsx';
import { SignIn } from './SignIn.tsx';
import { Stage } from './Stage.tsx';

/** Signed out: sign in. A resident's account: not for them. Staff: the screen for their own reach. */
export function App() {
  const c = useT(common);
  const { me, signOut } = useSession();
  if (me === undefined) return <Spin size="large" fullscreen description={c('loading')} />;
  if (me === null) return <SignIn />;
  if (!me.roles.some((r) => r.role !== 'resident')) {
    return (
      <main className="sc-signin">
        <Result status="403" title={c('notAllowedHere')} extra={<Button onClick={() => void signOut()}>{c('signOut')}</Button>} />
      </main>
    );
  }
  return (
    <Stage>
      <Screen />
    </Stage>
  );
}
