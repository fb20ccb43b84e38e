import { Button, Empty, Tag } from 'antd';
import { useT } from '../../shared/i18n/index.tsx';
import type { OfferedReward } from '../../shared/points/types.ts';
import { pointsMessages } from './messages.ts';

/** The rewards of my community, cheapest first, each saying whether my points cover it. */
export function RewardList({ rewards, balance, disabled, onRedeem }: { rewards: OfferedReward[]; balance: number; disabled: boolean; onRedeem: (r: OfferedReward) => void }) {
  const t = useT(pointsMessages);
  if (rewards.length === 0) return <Empty description={t('rewardsEmpty')} />;
  const sorted = [...rewards].sort((a, b) => a.price - b.price || a.name.localeCompare(b.name));
  return (
    <ul className="lx-reward-list" aria-label={t('rewardsTitle')}>
      {sorted.map((r) => {
        const short = r.price - balance;
        return (
          <li key={r.id} className="lx-reward">
            <div className="lx-reward-main">
              <div className="lx-reward-name">{r.name}</div>
              <div className="lx-muted">{r.merchant.name}</div>
              {r.description && <div className="lx-reward-text">{r.description}</div>}
              <div className="lx-reward-tags">
                <Tag color="red">{t('price', { n: r.price })}</Tag>
                {r.stock !== null && <Tag>{t('stockLeft', { n: r.stock })}</Tag>}
                {short > 0 ? <Tag>{t('notAffordable', { n: short })}</Tag> : <Tag color="green">{t('affordable')}</Tag>}
              </div>
            </div>
            <Button type="primary" disabled={disabled || short > 0} aria-label={t('redeemReward', { name: r.name })} onClick={() => onRedeem(r)}>
              {t('redeem')}
            </Button>
          </li>
        );
      })}
    </ul>
  );
}
