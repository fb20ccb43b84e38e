import { Alert } from 'antd';
import { useT } from '../../shared/i18n/index.tsx';
import { messages } from '../messages.ts';
import type { Place, RouteReply } from '../types.ts';
import { useApi } from '../useApi.ts';

/** Says which community and grid a chosen point belongs to, so the resident sees where the report will go. */
export function PlaceInfo({ place }: { place: Place }) {
  const t = useT(messages);
  const { data, error } = useApi<RouteReply>('/api/v1/route', { query: { lng: round6(place.lng), lat: round6(place.lat) } });
  if (error) return <Alert type="error" showIcon title={error} />;
  if (!data) return null;
  if (!data.grid) return <Alert type="warning" showIcon title={t('outsideGrids')} />;
  return (
    <Alert
      type="success"
      showIcon
      title={t('placeIn', { place: [data.community?.name, data.grid.name].filter(Boolean).join(' · ') })}
      description={place.label}
    />
  );
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
