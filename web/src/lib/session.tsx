import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { ApiClient } from './api';
import type { Me } from './types';

const STORAGE_KEY = 'switchboard.token';

export interface Session {
  api: ApiClient;
  me: Me;
  /** True when the token's role carries the permission (the server checks again). */
  can(permission: string): boolean;
  logout(): void;
}

const SessionContext = createContext<Session | null>(null);

/** The signed-in session; only used below <SessionProvider> once a token was accepted. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in session');
  return session;
}

/** The token is kept for this tab only (sessionStorage), never in a cookie or the URL. */
export function storedToken(): string | null {
  return sessionStorage.getItem(STORAGE_KEY);
}

/** Checks a token against GET /v1/me; resolves to who it is, or throws the API's error. */
export async function signIn(token: string): Promise<{ api: ApiClient; me: Me }> {
  const api = new ApiClient(token);
  const me = await api.get<Me>('/v1/me');
  sessionStorage.setItem(STORAGE_KEY, token);
  return { api, me };
}

export function SessionProvider(props: { initial: { api: ApiClient; me: Me }; onLogout(): void; children: ReactNode }) {
  const { initial, onLogout, children } = props;
  const [state] = useState(initial);
  const logout = useCallback(() => {
    sessionStorage.removeItem(STORAGE_KEY);
    onLogout();
  }, [onLogout]);
  const value = useMemo<Session>(() => ({
    api: state.api,
    me: state.me,
    can: (permission) => state.me.permissions.includes(permission),
    logout,
  }), [state, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
