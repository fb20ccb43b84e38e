import { useEffect, useState } from 'react';

/** Milliseconds left until `iso`, ticking every second; 0 once it has passed. */
export function useCountdown(iso: string | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!iso) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [iso]);
  return iso ? Math.max(0, Date.parse(iso) - now) : 0;
}
