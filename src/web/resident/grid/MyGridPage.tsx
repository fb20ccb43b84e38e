import { AimOutlined } from '@ant-design/icons';
import { Alert, Button, Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useT } from '../../shared/i18n/index.tsx';
import { rememberPlace } from '../device.ts';
import { messages } from '../messages.ts';
import { CompoundSelect } from '../place/CompoundSelect.tsx';
import { useDeviceLocation } from '../place/useDeviceLocation.ts';
import type { Place, RouteReply } from '../types.ts';
import { useApi } from '../useApi.ts';
import { ContactCard } from './ContactCard.tsx';
import { NearbyBoard } from './NearbyBoard.tsx';
import { useHomePlace } from './useHomePlace.ts';

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** 我的网格: who to call in my grid, and what is being fixed around me. */
export function MyGridPage() {
  const t = useT(messages);
  const home = useHomePlace();
  const [chosen, setChosen] = useState<Place | null>(null);
  const [changing, setChanging] = useState(false);
  const place = chosen ?? home ?? null;
  const choose = useCallback((p: Place) => {
    setChosen(p);
    setChanging(false);
    rememberPlace(p);
  }, []);
  const onFound = useCallback((p: { lng: number; lat: number }) => choose({ ...p, source: 'device' }), [choose]);
  const { locate, locating, error: locateError } = useDeviceLocation(onFound);
  const { data: route, error } = useApi<RouteReply>(place ? '/api/v1/route' : null, { query: place ? { lng: round6(place.lng), lat: round6(place.lat) } : undefined });
  useEffect(() => {
    if (home === null) setChanging(true);
  }, [home]);

  const chooser = (
    <div className="lx-card">
      <p>{t('whereAreYou')}</p>
      <Button type="primary" size="large" block icon={<AimOutlined />} loading={locating} onClick={locate}>
        {t('useMyLocation')}
      </Button>
      {locateError && <Alert type="warning" showIcon title={locateError} style={{ marginTop: 8 }} />}
      <div className="lx-field">
        <label className="lx-label" htmlFor="grid-compound">
          {t('orPickCompound')}
        </label>
        <CompoundSelect id="grid-compound" value={place?.compoundId} onPick={(c) => c.location && choose({ lng: c.location[0], lat: c.location[1], compoundId: c.id, label: c.name, source: 'compound' })} />
      </div>
    </div>
  );

  return (
    <div>
      <div className="lx-title-row">
        <h1 className="lx-page-title">{t('myGridTitle')}</h1>
        {place && !changing && (
          <Button onClick={() => setChanging(true)}>
            {t('changePlace')}
          </Button>
        )}
      </div>
      {home === undefined && !chosen ? (
        <div className="lx-center" role="status">
          <Spin />
        </div>
      ) : (
        <>
          {changing && chooser}
          {error && <Alert type="error" showIcon title={error} />}
          {route && !route.grid && <Alert type="warning" showIcon title={t('outsideGrids')} style={{ marginBottom: 12 }} />}
          {route?.grid && <ContactCard route={route} />}
          {route?.community && <NearbyBoard node={route.community.code} />}
        </>
      )}
    </div>
  );
}
