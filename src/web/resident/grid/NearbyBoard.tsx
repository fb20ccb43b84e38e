import { Empty, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { formatDate } from '../../shared/format.ts';
import { useLocale, useT } from '../../shared/i18n/index.tsx';
import { GridMap } from '../../shared/map/LazyGridMap.tsx';
import { StateTag } from '../cases/StateTag.tsx';
import { useElder } from '../elder.tsx';
import { messages } from '../messages.ts';
import { useGridShapes } from '../place/useGridShapes.ts';
import type { Page, PublicCase } from '../types.ts';
import { useApi } from '../useApi.ts';

const COLOR = { open: '#d46b08', closed: '#389e0d' };

/** 附近动态: the public board for my community, on a map and as a list. */
export function NearbyBoard({ node }: { node: string }) {
  const t = useT(messages);
  const { locale } = useLocale();
  const { elder } = useElder();
  const [selected, setSelected] = useState<string | null>(null);
  const { data, error, loading } = useApi<Page<PublicCase>>('/api/v1/public/cases', { query: { node, pageSize: 30 } });
  const grids = useGridShapes(elder ? null : node);
  const items = data?.items ?? [];
  const markers = useMemo(
    () => items.map((c) => ({ id: c.number, lng: c.location.lng, lat: c.location.lat, color: COLOR[c.state], label: `${c.categoryLabel ?? ''} · ${c.stateLabel}`, highlight: c.number === selected })),
    [items, selected],
  );
  const show = (number: string) => {
    setSelected(number);
    document.getElementById(`board-${number}`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  };
  return (
    <section className="lx-section" aria-labelledby="nearby-title">
      <h2 id="nearby-title" className="lx-section-title">
        {t('nearbyTitle')}
      </h2>
      <p className="lx-muted">{t('nearbyHint')}</p>
      {!elder && <GridMap ariaLabel={t('nearbyMapLabel')} grids={grids} markers={markers} fit={items.length ? 'markers' : 'grids'} onMarkerClick={show} height={220} />}
      {error && <p className="lx-error">{error}</p>}
      {loading && !data ? (
        <div className="lx-center" role="status">
          <Spin />
        </div>
      ) : items.length === 0 ? (
        <Empty description={t('nearbyEmpty')} />
      ) : (
        <ul className="lx-board" aria-label={t('nearbyTitle')}>
          {items.map((c) => (
            <li key={c.number} id={`board-${c.number}`} className={c.number === selected ? 'lx-board-item lx-board-selected' : 'lx-board-item'}>
              <div className="lx-case-card-top">
                <span className="lx-case-card-title">{c.categoryLabel ?? t('caseTitle')}</span>
                <StateTag family={c.state} label={c.stateLabel} />
              </div>
              <div className="lx-case-card-meta">
                <span>{c.grid ?? c.community ?? ''}</span>
                <span>{formatDate(c.reportedAt, locale)}</span>
                {c.reporterCount > 1 && <span>{t('reportedByN', { n: c.reporterCount })}</span>}
              </div>
              {c.result && <p className="lx-board-result">{t('resultPrefix', { result: c.result })}</p>}
              {c.photos.length > 0 && (
                <div className="lx-photo-grid">
                  {c.photos.slice(0, 3).map((p, i) => (
                    <img key={p.url} src={p.thumbnailUrl} alt={t('boardPhoto', { n: i + 1 })} width={72} height={72} loading="lazy" />
                  ))}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
