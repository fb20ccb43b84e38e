import { Alert, Button, Empty, Input, Segmented, Select, Spin, Tag } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../shared/api.ts';
import { formatDate } from '../../shared/format.ts';
import { useLocale, useT } from '../../shared/i18n/index.tsx';
import { useSession } from '../../shared/session.tsx';
import { type NeedsList, type Offer, type Page, type SharedResource, STATUS_COLOUR, WISH_TYPES, type Wish, type WishType } from '../../shared/wishes/types.ts';
import { useApi } from '../useApi.ts';
import { type WishKey, wishMessages } from './messages.ts';
import './wishes.css';

type Filter = 'all' | 'open' | 'claimed' | 'done';

/**
 * 微心愿: a resident posts a wish and follows it; anyone reads the community's needs list (what is still
 * open), its service list, and the resources partner units share, with their opening hours.
 */
export function WishesPage() {
  const t = useT(wishMessages);
  const { me } = useSession();
  if (me === undefined) {
    return (
      <div className="lx-center" role="status">
        <Spin />
      </div>
    );
  }
  // A signed-in resident's grid stands for their community (the server widens it); others see every community.
  const home = me?.roles.find((r) => r.role === 'resident')?.nodeId;
  return (
    <div>
      <h1 className="lx-page-title">{t('title')}</h1>
      <p className="lx-muted">{t('intro')}</p>
      {me?.residentId ? <PostWish /> : <Alert type="info" showIcon title={t('signInToPost')} style={{ marginBottom: 16 }} />}
      <NeedsSection community={home} />
      <OffersSection community={home} />
      <ResourcesSection community={home} />
    </div>
  );
}

function PostWish() {
  const t = useT(wishMessages);
  const { locale } = useLocale();
  const [wishType, setWishType] = useState<WishType>('goods');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const mine = useApi<Page<Wish>>('/api/v1/wishes', { query: { pageSize: 20 } });
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const w = await api<Wish>('/api/v1/wishes', { method: 'POST', body: { wishType, description: text.trim() } });
      setDone(w.number);
      setText('');
      mine.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <section className="lx-card" aria-labelledby="wish-post">
        <h2 id="wish-post" className="lx-section-title">
          {t('postTitle')}
        </h2>
        <label className="lx-label" htmlFor="wish-type">
          {t('typeLabel')}
        </label>
        <Select id="wish-type" value={wishType} onChange={setWishType} style={{ width: '100%', marginBottom: 12 }} options={WISH_TYPES.map((w) => ({ value: w, label: t(`type_${w}` as WishKey) }))} />
        <label className="lx-label" htmlFor="wish-text">
          {t('textLabel')}
        </label>
        <Input.TextArea id="wish-text" value={text} onChange={(e) => setText(e.target.value)} maxLength={1000} rows={3} placeholder={t('textPlaceholder')} />
        <p className="lx-muted lx-wish-hint">{t('textHint')}</p>
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
        {done && <Alert type="success" showIcon title={t('posted', { number: done })} role="status" style={{ marginBottom: 12 }} />}
        <Button type="primary" block size="large" loading={busy} disabled={!text.trim()} onClick={() => void submit()}>
          {t('post')}
        </Button>
      </section>
      <section className="lx-section" aria-labelledby="wish-mine">
        <h2 id="wish-mine" className="lx-section-title">
          {t('mineTitle')}
        </h2>
        {mine.data && mine.data.items.length === 0 && <p className="lx-muted">{t('mineEmpty')}</p>}
        <ul className="lx-wish-list">
          {mine.data?.items.map((w) => {
            const live = w.claims.filter((c) => c.status !== 'withdrawn');
            const done = live.filter((c) => c.note);
            return (
              <li key={w.id} className="lx-card lx-wish">
                <div className="lx-wish-head">
                  <Tag color={STATUS_COLOUR[w.status]}>{w.statusLabel}</Tag>
                  <span className="lx-muted">{w.wishTypeLabel} · {formatDate(w.postedAt, locale)}</span>
                </div>
                <p className="lx-wish-text">{w.description}</p>
                {live.length > 0 && <p className="lx-muted">{t('claimedBy', { names: live.map((c) => c.claimant.name).join('、') })}</p>}
                {done.map((c) => (
                  <div key={c.id}>
                    <p>{t('fulfilledNote', { note: c.note! })}</p>
                    <div className="lx-wish-photos">
                      {c.photos.map((p) => (
                        <img key={p.id} src={p.thumbnailUrl} alt={t('fulfilmentPhoto')} width={72} height={54} />
                      ))}
                    </div>
                  </div>
                ))}
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}

function NeedsSection({ community }: { community: string | undefined }) {
  const t = useT(wishMessages);
  const { locale } = useLocale();
  const [filter, setFilter] = useState<Filter>('open');
  const [size, setSize] = useState(10);
  const needs = useApi<NeedsList>('/api/v1/wishes/public', { query: { community, status: filter === 'all' ? undefined : filter, pageSize: size } });
  const c = needs.data?.counts;
  return (
    <section className="lx-section" aria-labelledby="wish-needs">
      <h2 id="wish-needs" className="lx-section-title">
        {needs.data?.community ? t('needsOf', { community: needs.data.community.name }) : t('needsTitle')}
      </h2>
      {c && <p className="lx-wish-counts">{t('needsCounts', { posted: c.posted, open: c.open, claimed: c.claimed, fulfilled: c.fulfilled })}</p>}
      <Segmented<Filter>
        block
        value={filter}
        onChange={(v) => {
          setFilter(v);
          setSize(10);
        }}
        options={[
          { value: 'open', label: t('filterOpen') },
          { value: 'claimed', label: t('filterClaimed') },
          { value: 'done', label: t('filterDone') },
          { value: 'all', label: t('filterAll') },
        ]}
        style={{ marginBottom: 12 }}
      />
      {needs.error && <Alert type="error" showIcon title={needs.error} role="alert" />}
      {needs.data && needs.data.items.length === 0 && <Empty description={t('needsEmpty')} />}
      <ul className="lx-wish-list">
        {needs.data?.items.map((w) => (
          <li key={w.number} className="lx-wish-row">
            <Tag color={STATUS_COLOUR[w.status]}>{w.statusLabel}</Tag>
            <div className="lx-wish-row-main">
              <div>{w.summary ?? w.wishTypeLabel}</div>
              <div className="lx-muted">
                {[w.wishTypeLabel, w.grid, formatDate(w.postedAt, locale), w.claimedBy.length ? t('claimedBy', { names: w.claimedBy.join('、') }) : null].filter(Boolean).join(' · ')}
              </div>
            </div>
          </li>
        ))}
      </ul>
      {needs.data && needs.data.total > needs.data.items.length && (
        <Button block onClick={() => setSize((s) => s + 10)}>
          {t('loadMore')}
        </Button>
      )}
    </section>
  );
}

function OffersSection({ community }: { community: string | undefined }) {
  const t = useT(wishMessages);
  const offers = useApi<Page<Offer>>('/api/v1/service-offers', { query: { community, pageSize: 50 } });
  return (
    <section className="lx-section" aria-labelledby="wish-offers">
      <h2 id="wish-offers" className="lx-section-title">
        {t('offersTitle')}
      </h2>
      <p className="lx-muted">{t('offersHint')}</p>
      {offers.data && offers.data.items.length === 0 && <Empty description={t('offersEmpty')} />}
      <ul className="lx-wish-list">
        {offers.data?.items.map((o) => (
          <li key={o.id} className="lx-wish-row">
            <Tag color="geekblue">{o.modeLabel}</Tag>
            <div className="lx-wish-row-main">
              <div>{o.title}</div>
              <div className="lx-muted">
                {o.provider.name} · {o.wishTypeLabel} · {o.placesLeft > 0 ? t('placesLeft', { n: o.placesLeft }) : t('full')}
              </div>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ResourcesSection({ community }: { community: string | undefined }) {
  const t = useT(wishMessages);
  const needs = useApi<NeedsList>(community ? '/api/v1/wishes/public' : null, { query: { community, pageSize: 1 } });
  const node = community ? needs.data?.community?.code : undefined;
  const resources = useApi<Page<SharedResource>>(community && !node ? null : '/api/v1/shared-resources', { query: { node, pageSize: 50 } });
  const days = t('weekdays').split(',');
  const hours = (r: SharedResource) =>
    r.openingHours
      .map((s) => `${s.weekdays.length === 7 ? t('everyDay') : s.weekdays.map((d) => days[d - 1]).join('、')} ${s.from}–${s.to}`)
      .join('；');
  return (
    <section className="lx-section" aria-labelledby="wish-resources">
      <h2 id="wish-resources" className="lx-section-title">
        {t('resourcesTitle')}
      </h2>
      <p className="lx-muted">{t('resourcesHint')}</p>
      {resources.data && resources.data.items.length === 0 && <Empty description={t('resourcesEmpty')} />}
      <ul className="lx-wish-list">
        {resources.data?.items.map((r) => (
          <li key={r.id} className="lx-card lx-wish">
            <div className="lx-wish-head">
              <Tag color="purple">{r.kindLabel}</Tag>
              <Tag color={r.openNow ? 'green' : 'default'}>{r.openNow ? t('openNow') : t('closedNow')}</Tag>
            </div>
            <div className="lx-wish-text">{r.name}</div>
            <div className="lx-muted">
              {r.partnerUnit.name}
              {r.address ? ` · ${r.address}` : ''}
            </div>
            <div>{t('hours', { hours: hours(r) })}</div>
            {r.hoursNote && <div className="lx-muted">{r.hoursNote}</div>}
          </li>
        ))}
      </ul>
    </section>
  );
}
