import { useEffect, useRef, useState } from 'react';

export interface CaseChangeEvent {
  id: string;
  number: string;
  action: string;
  state: string;
  at: string;
}

/**
 * Subscribes to the server's live stream of case changes the signed-in account may see. The browser's
 * EventSource reconnects by itself; `connected` tells the page whether to show it is live.
 */
export function useCaseStream(onChange: (e: CaseChangeEvent) => void, enabled = true): { connected: boolean } {
  const [connected, setConnected] = useState(false);
  const handler = useRef(onChange);
  handler.current = onChange;
  useEffect(() => {
    if (!enabled) return;
    const source = new EventSource('/api/v1/cases/stream', { withCredentials: true });
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    source.addEventListener('case', (m) => {
      try {
        handler.current(JSON.parse((m as MessageEvent).data));
      } catch {
        /* a malformed event is skipped, the stream goes on */
      }
    });
    return () => source.close();
  }, [enabled]);
  return { connected };
}
