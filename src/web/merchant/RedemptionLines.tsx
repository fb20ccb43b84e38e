import { Tag } from 'antd';
import { formatDateTime } from '../shared/format.ts';
import { useLocale, useT } from '../shared/i18n/index.tsx';
import type { RedemptionLine } from '../shared/points/types.ts';
import { merchantMessages } from './messages.ts';

/** Redemptions as a plain list: what, for whom (masked), when, how many points. */
export function RedemptionLines({ items, label }: { items: RedemptionLine[]; label: string }) {
  const t = useT(merchantMessages);
  const { locale } = useLocale();
  return (
    <ul className="lx-m-lines" aria-label={label}>
      {items.map((r) => (
        <li key={r.id}>
          <div className="lx-m-line-main">
            <div>{r.rewardName}</div>
            <div className="lx-m-muted">
              {r.residentName} · {formatDateTime(r.redeemedAt, locale)} · {t('codeTail', { code: r.code })}
            </div>
          </div>
          <div className="lx-m-line-points">
            {r.reversed ? <Tag>{t('reversed')}</Tag> : t('points', { n: r.points })}
          </div>
        </li>
      ))}
    </ul>
  );
}
