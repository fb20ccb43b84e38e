import { Empty } from 'antd';
import { useLocale, useT } from '../../shared/i18n/index.tsx';
import { formatDateTime } from '../../shared/format.ts';
import type { Transfer } from '../../shared/points/types.ts';
import { pointsMessages, type PointsKey } from './messages.ts';

type T = (key: PointsKey, params?: Record<string, string | number>) => string;

/** One line of history in plain words: what it was for, not the ledger's vocabulary. */
export function describeTransfer(x: Transfer, t: T): string {
  switch (x.kind) {
    case 'earn':
      return x.reason ? t('earnedFor', { rule: x.ruleLabel ?? x.kindLabel, reason: x.reason }) : (x.ruleLabel ?? x.kindLabel);
    case 'redeem':
      return t('redeemedAt', { merchant: x.merchantName ?? '', reward: x.reason ?? '' });
    case 'expire':
      return t('expiredPoints');
    case 'reversal':
      return t('reversedBecause', { reason: x.reason ?? '' });
    default:
      return x.reason ?? x.kindLabel;
  }
}

/** My transfers, newest first, with + for points in and − for points out. */
export function PointsHistory({ items }: { items: Transfer[] }) {
  const t = useT(pointsMessages);
  const { locale } = useLocale();
  if (items.length === 0) return <Empty description={t('historyEmpty')} />;
  return (
    <ul className="lx-history" aria-label={t('historyTitle')}>
      {items.map((x) => {
        const change = x.change ?? x.amount;
        return (
          <li key={x.id} className="lx-history-item">
            <div className="lx-history-main">
              <div>{describeTransfer(x, t)}</div>
              <div className="lx-muted">
                {formatDateTime(x.at, locale)}
                {x.reversedBy ? ` · ${t('reversedLater')}` : ''}
              </div>
            </div>
            <div className={change >= 0 ? 'lx-history-in' : 'lx-history-out'}>{change >= 0 ? `+${change}` : `−${-change}`}</div>
          </li>
        );
      })}
    </ul>
  );
}
