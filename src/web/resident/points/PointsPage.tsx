import { Alert, App as AntApp, Button, Modal, Spin } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../../shared/api.ts';
import { useT } from '../../shared/i18n/index.tsx';
import { useSession } from '../../shared/session.tsx';
import type { MyBalance, OfferedReward, OfferedRewards, Page, RedemptionCode, Transfer } from '../../shared/points/types.ts';
import { useApi } from '../useApi.ts';
import { CodeCard } from './CodeCard.tsx';
import { pointsMessages } from './messages.ts';
import { PointsHistory } from './PointsHistory.tsx';
import { RewardList } from './RewardList.tsx';
import './points.css';

// While a code is on screen the shop may redeem it at any moment: look again this often.
const WATCH_MS = 3000;
const HISTORY_PAGE = 20;

/** 我的积分: my balance, the rewards of my community, the code to show at the shop, and my history. */
export function PointsPage() {
  const t = useT(pointsMessages);
  const { me } = useSession();
  if (me === undefined) {
    return (
      <div className="lx-center" role="status">
        <Spin />
      </div>
    );
  }
  return (
    <div>
      <h1 className="lx-page-title">{t('title')}</h1>
      {me ? <MyPoints /> : <Alert type="info" showIcon title={t('signInFirst')} />}
    </div>
  );
}

function MyPoints() {
  const t = useT(pointsMessages);
  const { message } = AntApp.useApp();
  const [historySize, setHistorySize] = useState(HISTORY_PAGE);
  const balance = useApi<MyBalance>('/api/v1/points/me');
  const rewards = useApi<OfferedRewards>('/api/v1/points/rewards');
  const codes = useApi<{ items: RedemptionCode[] }>('/api/v1/points/me/codes');
  const history = useApi<Page<Transfer>>('/api/v1/points/me/transfers', { query: { pageSize: historySize } });
  const [asking, setAsking] = useState<OfferedReward | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);

  const active = codes.data?.items.find((c) => c.state === 'issued') ?? null;
  const { reload: reloadCodes } = codes;
  const { reload: reloadBalance } = balance;
  const { reload: reloadHistory } = history;

  // Watch the shown code: when the shop redeems it, say so and show the new balance.
  const watched = useRef<string | null>(null);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(reloadCodes, WATCH_MS);
    return () => clearInterval(timer);
  }, [active, reloadCodes]);
  useEffect(() => {
    const id = watched.current;
    if (active) watched.current = active.id;
    if (!id || active?.id === id) return;
    watched.current = active?.id ?? null;
    const done = codes.data?.items.find((c) => c.id === id);
    if (done?.state === 'redeemed') {
      message.success(t('codeRedeemed', { reward: done.rewardName, n: done.points }));
      reloadBalance();
      reloadHistory();
    }
  }, [active, codes.data, message, t, reloadBalance, reloadHistory]);

  const run = useCallback(async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setActionError(null);
    try {
      await fn();
    } catch (e) {
      setActionError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
      reloadCodes();
    }
  }, [reloadCodes]);

  const requestCode = (r: OfferedReward) =>
    run(async () => {
      setAsking(null);
      await api('/api/v1/points/me/codes', { method: 'POST', body: { rewardId: r.id } });
      window.scrollTo({ top: 0, behavior: 'smooth' });
    });
  const cancel = (c: RedemptionCode) =>
    run(async () => {
      await api(`/api/v1/points/me/codes/${encodeURIComponent(c.id)}/cancel`, { method: 'POST' });
      message.info(t('codeCancelled'));
    });

  const offered = rewards.data;
  const here = offered ? (balance.data?.accounts.find((a) => a.communityId === offered.communityId)?.balance ?? 0) : 0;
  const loadError = balance.error ?? rewards.error ?? codes.error ?? history.error;

  return (
    <>
      {loadError && <Alert type="error" showIcon title={loadError} style={{ marginBottom: 12 }} />}
      {actionError && <Alert type="error" showIcon title={actionError} role="alert" closable onClose={() => setActionError(null)} style={{ marginBottom: 12 }} />}
      <section className="lx-card lx-balance" aria-labelledby="balance-label">
        <div id="balance-label" className="lx-muted">
          {t('balanceLabel')}
        </div>
        {balance.loading && !balance.data ? (
          <Spin />
        ) : (
          <div className="lx-balance-number" data-testid="points-balance">
            {balance.data?.total ?? 0}
          </div>
        )}
        {(balance.data?.accounts.length ?? 0) > 1 && (
          <ul className="lx-balance-split">
            {balance.data!.accounts.map((a) => (
              <li key={a.communityId}>{t('balanceIn', { community: a.communityName, n: a.balance })}</li>
            ))}
          </ul>
        )}
        <p className="lx-muted lx-balance-hint">{t('howToEarn')}</p>
      </section>

      {active && <CodeCard code={active} busy={busy} onCancel={() => void cancel(active)} onExpired={reloadCodes} />}

      <section className="lx-section" aria-labelledby="rewards-title">
        <h2 id="rewards-title" className="lx-section-title">
          {t('rewardsTitle')}
        </h2>
        {rewards.loading && !offered ? <Spin /> : offered && <RewardList rewards={offered.items} balance={here} disabled={busy || !!active} onRedeem={setAsking} />}
      </section>

      <section className="lx-section" aria-labelledby="history-title">
        <h2 id="history-title" className="lx-section-title">
          {t('historyTitle')}
        </h2>
        {history.loading && !history.data ? <Spin /> : history.data && <PointsHistory items={history.data.items} />}
        {history.data && history.data.total > history.data.items.length && (
          <Button block onClick={() => setHistorySize((n) => n + HISTORY_PAGE)} style={{ marginTop: 12 }}>
            {t('moreHistory')}
          </Button>
        )}
      </section>

      <Modal
        open={!!asking}
        title={asking ? t('confirmRedeemTitle', { name: asking.name }) : ''}
        okText={t('getCode')}
        onOk={() => asking && void requestCode(asking)}
        onCancel={() => setAsking(null)}
        confirmLoading={busy}
        destroyOnHidden
      >
        {asking && <p>{t('confirmRedeemBody', { merchant: asking.merchant.name, n: asking.price })}</p>}
      </Modal>
    </>
  );
}
