import { AimOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useT } from '../../shared/i18n/index.tsx';
import { GridMap, type MapGrid } from '../../shared/map/LazyGridMap.tsx';
import { work } from '../messages.ts';

export interface PickedLocation {
  lng: number;
  lat: number;
  /** Where it came from: the map is tapped where the worker looks, the others move the view to the point. */
  source: 'gps' | 'photo' | 'map';
}

/** Where the problem is: the phone's position, a photo's, or a tap on the map of my grid. */
export function LocationField({ id, value, onChange, grids }: { id?: string; value?: PickedLocation; onChange?: (v: PickedLocation) => void; grids: MapGrid[] }) {
  const t = useT(work);
  const [locating, setLocating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const locate = () => {
    if (!('geolocation' in navigator)) return setError(t('locationUnsupported'));
    setLocating(true);
    setError(null);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        onChange?.({ lng: pos.coords.longitude, lat: pos.coords.latitude, source: 'gps' });
      },
      (e) => {
        setLocating(false);
        setError(t('locationFailed', { message: e.message }));
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };
  return (
    <div id={id} className="lx-location">
      <Button icon={<AimOutlined />} onClick={locate} loading={locating} block>
        {locating ? t('locating') : t('useMyLocation')}
      </Button>
      {error && <Alert type="warning" showIcon role="alert" title={error} style={{ marginTop: 8 }} />}
      <div className="lx-muted" style={{ margin: '8px 0 4px', fontSize: 13 }}>
        {value ? t('pickedAt', { lng: value.lng.toFixed(5), lat: value.lat.toFixed(5) }) : t('pickOnMap')}
        {value?.source === 'photo' && ` · ${t('fromPhoto')}`}
      </div>
      <GridMap
        ariaLabel={t('pickOnMap')}
        grids={grids}
        pin={value ? { lng: value.lng, lat: value.lat } : null}
        onPick={(p) => onChange?.({ ...p, source: 'map' })}
        fit={value && value.source !== 'map' ? 'pin' : 'grids'}
        height={220}
      />
    </div>
  );
}
