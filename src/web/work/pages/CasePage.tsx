import { Alert, Button, Image, Skeleton } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { api, ApiError } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useLocale, useT } from '../../shared/i18n/index.tsx';
import { GridMap } from '../../shared/map/LazyGridMap.tsx';
import { common } from '../../shared/messages.ts';
import { ActionPanel } from '../actions/ActionPanel.tsx';
import { CaseTags } from '../case/CaseTags.tsx';
import { CaseTimeline } from '../case/CaseTimeline.tsx';
import { Countdown } from '../case/Countdown.tsx';
import { ReporterSection } from '../case/ReporterSection.tsx';
import { work, type WorkKey } from '../messages.ts';
import { PageHeader } from '../PageHeader.tsx';
import type { CaseDetail, WorkCase } from '../types.ts';
import { useWorkData } from '../WorkData.tsx';

const TIERS: Record<number, WorkKey> = { 1: 'tier1', 2: 'tier2', 3: 'tier3' };

/** One case: what, where, who reported it, its deadlines and history, and what I may do with it now. */
export function CasePage() {
  const { id = '' } = useParams();
  const t = useT(work);
  const tc = useT(common);
  const { locale } = useLocale();
  const { grids, lastChange, markSeen, reload: reloadInbox } = useWorkData();
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setDetail(await api<CaseDetail>(`/api/v1/cases/${encodeURIComponent(id)}`));
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }, [id]);

  useEffect(() => {
    load();
    markSeen(id);
  }, [load, markSeen, id]);

  // Someone else acted on this case (a leader dispatched, the resident rated): show it as it is now.
  useEffect(() => {
    if (lastChange && (lastChange.id === id || lastChange.number === id)) load();
  }, [lastChange, id, load]);

  const onDone = (updated: WorkCase) => {
    setDetail((d) => (d ? { ...d, case: updated } : d));
    load();
    reloadInbox();
  };

  const c = detail?.case;
  return (
    <>
      <PageHeader back title={c?.number ?? t('caseTitle')} />
      <main className="lx-page">
        {error && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={error}
            action={
              <Button size="small" onClick={load}>
                {tc('retry')}
              </Button>
            }
          />
        )}
        {!detail && !error && <Skeleton active />}
        {c && detail && (
          <>
            <section className="lx-section" aria-labelledby="lx-case-title">
              <CaseTags c={c} />
              <h2 id="lx-case-title" className="lx-case-title">
                {c.title}
              </h2>
              {c.family === 'open' && <Countdown c={c} />}
              <dl className="lx-facts" style={{ marginTop: 10 }}>
                <dt>{t('kind')}</dt>
                <dd>
                  {c.kindLabel} · {c.channelLabel}
                </dd>
                {c.categoryLabel && (
                  <>
                    <dt>{t('category')}</dt>
                    <dd>{c.categoryLabel}</dd>
                  </>
                )}
                <dt>{t('handler')}</dt>
                <dd>
                  {[c.handler.name, c.handler.roleLabel, c.handler.node?.name].filter(Boolean).join(' · ')}
                  {c.tier > 1 && ` (${t(TIERS[c.tier] ?? 'tier1')})`}
                </dd>
                {c.reworkCount > 0 && (
                  <>
                    <dt />
                    <dd>{t('rework', { count: c.reworkCount })}</dd>
                  </>
                )}
              </dl>
            </section>

            <section className="lx-section" aria-labelledby="lx-actions">
              <h2 id="lx-actions">{t('actions')}</h2>
              <ActionPanel c={c} onDone={onDone} />
            </section>

            <section className="lx-section" aria-labelledby="lx-description">
              <h2 id="lx-description">{t('description')}</h2>
              <p className="lx-prewrap">{c.description}</p>
              {detail.photos.length > 0 && (
                <div className="lx-photos" style={{ marginTop: 10 }} aria-label={t('photos')} role="group">
                  <Image.PreviewGroup>
                    {detail.photos.map((p, i) => (
                      <Image key={p.id} src={p.thumbnailUrl} preview={{ src: p.url }} alt={`${t('photos')} ${i + 1}`} width={96} height={96} />
                    ))}
                  </Image.PreviewGroup>
                </div>
              )}
              {c.resolution && (
                <>
                  <h2 style={{ marginTop: 12 }}>{t('resolution')}</h2>
                  <p className="lx-prewrap">{c.resolution}</p>
                </>
              )}
            </section>

            <section className="lx-section" aria-labelledby="lx-deadlines">
              <h2 id="lx-deadlines">{t('deadlines')}</h2>
              <dl className="lx-facts">
                <dt>{t('reportedAt')}</dt>
                <dd>{formatDateTime(c.reportedAt, locale)}</dd>
                <dt>{t('respondBy')}</dt>
                <dd>{formatDateTime(c.respondBy, locale)}</dd>
                {c.acceptedAt && (
                  <>
                    <dt>{t('acceptedAt')}</dt>
                    <dd>{formatDateTime(c.acceptedAt, locale)}</dd>
                  </>
                )}
                <dt>{t('resolveBy')}</dt>
                <dd>{formatDateTime(c.resolveBy, locale)}</dd>
                {c.resolvedAt && (
                  <>
                    <dt>{t('resolvedAt')}</dt>
                    <dd>{formatDateTime(c.resolvedAt, locale)}</dd>
                  </>
                )}
              </dl>
            </section>

            <ReporterSection c={c} />

            <section className="lx-section" aria-labelledby="lx-place">
              <h2 id="lx-place">{t('place')}</h2>
              <p style={{ margin: '0 0 8px' }}>
                {[c.location.address, c.grid?.name ?? t('outsideGrid'), c.community?.name].filter(Boolean).join(' · ')}
              </p>
              {c.location.lng !== null && c.location.lat !== null ? (
                <GridMap ariaLabel={t('placeMap')} grids={grids} pin={{ lng: c.location.lng, lat: c.location.lat }} fit="pin" height={200} />
              ) : (
                <span className="lx-muted">{t('noLocation')}</span>
              )}
            </section>

            <section className="lx-section" aria-labelledby="lx-timeline">
              <h2 id="lx-timeline">{t('timeline')}</h2>
              <CaseTimeline entries={detail.timeline} />
            </section>
          </>
        )}
      </main>
    </>
  );
}
