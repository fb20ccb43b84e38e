import { Button } from 'antd';
import { LocaleSwitch } from '../shared/LocaleSwitch.tsx';
import { useT } from '../shared/i18n/index.tsx';
import { common } from '../shared/messages.ts';
import { useSession } from '../shared/session.tsx';
import { merchantMessages } from './messages.ts';

/** The shop's name, the language and signing out. */
export function MerchantHeader({ name }: { name?: string }) {
  const t = useT(merchantMessages);
  const c = useT(common);
  const { signOut } = useSession();
  return (
    <header className="lx-merchant-head">
      <span className="lx-logo" aria-hidden>
        连
      </span>
      <div className="lx-merchant-title">
        <div className="lx-merchant-name">{name ?? t('areaName')}</div>
        <div className="lx-merchant-sub">{t('areaName')}</div>
      </div>
      <LocaleSwitch ghost />
      <Button size="small" ghost onClick={() => void signOut()}>
        {c('signOut')}
      </Button>
    </header>
  );
}
