import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api } from './api.ts';

export interface Me {
  id: string;
  username: string;
  displayName: string;
  roles: Array<{ role: string; nodeId: string }>;
  residentId: string | null;
  householdId: string | null;
  staffId: string | null;
}

interface SessionState {
  /** `undefined` while asking the server, `null` when nobody is signed in. */
  me: Me | null | undefined;
  signIn: (username: string, password: string) => Promise<Me>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState>({ me: undefined, signIn: async () => { throw new Error('no session provider'); }, signOut: async () => {} });

/** Who is signed in, from the session cookie the server set at login. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  useEffect(() => {
    // /auth/session answers 200 for nobody too, so an anonymous resident's console stays clean.
    api<{ me: Me | null }>('/api/v1/auth/session')
      .then((r) => setMe(r.me))
      .catch(() => setMe(null));
  }, []);
  const signIn = useCallback(async (username: string, password: string) => {
    const r = await api<{ me: Me }>('/api/v1/auth/login', { method: 'POST', body: { username, password } });
    setMe(r.me);
    return r.me;
  }, []);
  const signOut = useCallback(async () => {
    await api('/api/v1/auth/logout', { method: 'POST' }).catch(() => {});
    setMe(null);
  }, []);
  return <SessionContext.Provider value={{ me, signIn, signOut }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  return useContext(SessionContext);
}

export function hasRole(me: Me | null | undefined, ...roles: string[]): boolean {
  return !!me && me.roles.some((r) => roles.includes(r.role));
}
