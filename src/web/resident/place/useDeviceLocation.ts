import { useCallback, useState } from 'react';
import { useT } from '../../shared/i18n/index.tsx';
import { messages } from '../messages.ts';

/** Asks the phone where it is, once per tap; a refusal or timeout comes back as a sentence to show. */
export function useDeviceLocation(onFound: (p: { lng: number; lat: number }) => void) {
  const t = useT(messages);
  const [locating, setLocating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const locate = useCallback(() => {
    if (!('geolocation' in navigator)) {
      setError(t('locationUnsupported'));
      return;
    }
    setLocating(true);
    setError(null);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        onFound({ lng: pos.coords.longitude, lat: pos.coords.latitude });
      },
      (err) => {
        setLocating(false);
        setError(err.code === err.PERMISSION_DENIED ? t('locationDenied') : t('locationFailed'));
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }, [onFound, t]);
  return { locate, locating, error };
}
