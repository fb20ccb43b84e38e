import { createContext, useCallback, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { type CaseChangeEvent, useCaseStream } from '../shared/live.ts';

type Listener = (e: CaseChangeEvent) => void;

interface Live {
  connected: boolean;
  subscribe: (l: Listener) => () => void;
}

const Context = createContext<Live>({ connected: false, subscribe: () => () => {} });

/** One live stream for the whole console; pages subscribe to it instead of opening their own. */
export function LiveProvider({ children }: { children: ReactNode }) {
  const listeners = useRef(new Set<Listener>());
  const { connected } = useCaseStream((e) => listeners.current.forEach((l) => l(e)));
  const subscribe = useCallback((l: Listener) => {
    listeners.current.add(l);
    return () => {
      listeners.current.delete(l);
    };
  }, []);
  const value = useMemo(() => ({ connected, subscribe }), [connected, subscribe]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useLiveConnected(): boolean {
  return useContext(Context).connected;
}

/**
 * Calls `onChange` once a burst of case changes has settled (a merge or a bulk dispatch sends several),
 * so a page re-reads its list once rather than once per event.
 */
export function useCaseChanges(onChange: (e: CaseChangeEvent) => void, settleMs = 400): void {
  const { subscribe } = useContext(Context);
  const handler = useRef(onChange);
  handler.current = onChange;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = subscribe((e) => {
      clearTimeout(timer);
      timer = setTimeout(() => handler.current(e), settleMs);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [subscribe, settleMs]);
}
