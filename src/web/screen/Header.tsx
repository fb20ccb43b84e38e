import { Button, Segmented } from 'antd';
import { LocaleSwitch } from '../shared/LocaleSwitch.tsx';
import { useT } from '../shared/i18n/index.tsx';
import { common } from '../shared/messages.ts';
import { useSession } from '../shared/session.tsx';
import { Clock } from './Clock.tsx';
import { screen } from './messages.ts';
import { NodePicker } from './NodePicker.tsx';
import type { PeriodKind, ScreenData } from './types.ts';

interface Props {
  data: ScreenData | null;
  node: string | undefined;
  period: PeriodKind;
  connected: boolean;
  onNode: (code: string) => void;
  onPeriod: (p: PeriodKind) => void;
}

/** Title, the node and period being shown, whether the screen is live, the time, language and sign-out. */
export function Header({ data, node, period, connected, onNode, onPeriod }: Props) {
  const t = useT(screen);
  const c = useT(common);
  const { signOut } = useSession();
  return (
    <header className="sc-header">
      <div className="sc-header-side">
        <NodePicker value={node ?? data?.node.code ?? ''} onChange={onNode} />
        <Segmented<PeriodKind>
          aria-label={t('period')}
          value={period}
          onChange={onPeriod}
          options={[
            { value: 'day', label: t('periodDay') },
            { value: 'week', label: t('periodWeek') },
            { value: 'month', label: t('periodMonth') },
            { value: 'year', label: t('periodYear') },
          ]}
        />
      </div>
      <div className="sc-header-title">
        <h1>
          {data ? `${data.node.name} · ` : ''}
          {t('title')}
        </h1>
        {data && <div className="sc-header-sub">{t('periodRange', { from: data.period.from, to: data.period.to })}</div>}
      </div>
      <div className="sc-header-side is-right">
        <span className={`sc-live ${connected ? 'is-on' : 'is-off'}`} role="status">
          <span className="sc-live-dot" aria-hidden="true" />
          {connected ? t('liveOn') : t('liveOff')}
        </span>
        <Clock />
        <LocaleSwitch size="small" />
        <Button size="small" onClick={() => void signOut()}>
          {c('signOut')}
        </Button>
      </div>
    </header>
  );
}
