import { AimOutlined, PictureOutlined } from '@ant-design/icons';
import { Alert, Button, Input } from 'antd';
import { useCallback } from 'react';
import { useT } from '../../shared/i18n/index.tsx';
import { GridMap } from '../../shared/map/LazyGridMap.tsx';
import { useElder } from '../elder.tsx';
import { messages } from '../messages.ts';
import { CompoundSelect } from '../place/CompoundSelect.tsx';
import { PlaceInfo } from '../place/PlaceInfo.tsx';
import { useDeviceLocation } from '../place/useDeviceLocation.ts';
import { useGridShapes } from '../place/useGridShapes.ts';
import type { Place } from '../types.ts';

interface Props {
  place: Place | null;
  setPlace: (p: Place | null) => void;
  address: string;
  setAddress: (a: string) => void;
  /** Where a photo says it was taken, offered as the place. */
  photoPoint: { lng: number; lat: number } | null;
}

/** Step 2: where is it? My location, my compound, a tap on the map, or where the photo was taken. */
export function PlaceStep({ place, setPlace, address, setAddress, photoPoint }: Props) {
  const t = useT(messages);
  const { elder } = useElder();
  const grids = useGridShapes();
  const onFound = useCallback((p: { lng: number; lat: number }) => setPlace({ ...p, source: 'device' }), [setPlace]);
  const { locate, locating, error } = useDeviceLocation(onFound);
  const offerPhoto = photoPoint && place?.source !== 'photo';
  return (
    <section aria-labelledby="place-step-title">
      <h2 id="place-step-title" className="lx-step-title">
        {t('placeStepTitle')}
      </h2>
      {place && (
        <div className="lx-place-info" aria-live="polite">
          <PlaceInfo place={place} />
        </div>
      )}
      {offerPhoto && (
        <Alert
          type="info"
          showIcon
          icon={<PictureOutlined />}
          title={t('photoHasPlace')}
          action={
            <Button size="small" type="primary" onClick={() => setPlace({ ...photoPoint, source: 'photo', label: t('photoPlace') })}>
              {t('usePhotoPlace')}
            </Button>
          }
          style={{ marginBottom: 12 }}
        />
      )}
      <Button type="primary" size="large" block icon={<AimOutlined />} loading={locating} onClick={locate}>
        {t('useMyLocation')}
      </Button>
      {error && <Alert type="warning" showIcon title={error} style={{ marginTop: 8 }} />}
      <div className="lx-field">
        <label className="lx-label" htmlFor="report-compound">
          {t('orPickCompound')}
        </label>
        <CompoundSelect
          id="report-compound"
          value={place?.compoundId}
          onPick={(c) => c.location && setPlace({ lng: c.location[0], lat: c.location[1], compoundId: c.id, label: c.name, source: 'compound' })}
        />
      </div>
      <div className="lx-field">
        <span className="lx-label" id="report-map-hint">
          {t('orTapMap')}
        </span>
        <GridMap
          ariaLabel={t('reportMapLabel')}
          grids={grids}
          pin={place}
          fit={place && place.source !== 'map' ? 'pin' : 'grids'}
          onPick={(p) => setPlace({ ...p, source: 'map' })}
          height={elder ? 260 : 300}
        />
      </div>
      {!elder && (
        <div className="lx-field">
          <label className="lx-label" htmlFor="report-address">
            {t('addressLabel')}
          </label>
          <Input id="report-address" value={address} maxLength={200} placeholder={t('addressPlaceholder')} onChange={(e) => setAddress(e.target.value)} />
        </div>
      )}
    </section>
  );
}
