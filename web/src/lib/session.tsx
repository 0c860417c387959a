import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiClient } from './api';
import { useI18n } from './i18n-provider';
import type { Me, PasswordAnswer, SignInChallenge } from './types';

const STORAGE_KEY = 'switchboard.token';

export interface Session {
  api: ApiClient;
  me: Me;
  /** True when the token's role carries the permission (the server checks again). */
  can(permission: string): boolean;
  /** Takes the caller's record as the server now has it (after PATCH /v1/me). */
  updateMe(me: Me): void;
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

/**
 * Signs in with e-mail and password: the server sets the HttpOnly session cookie (the page never
 * sees it) and answers with the CSRF token the client sends with every change, or, with two-factor,
 * the challenge of the second step.
 */
export async function signInWithPassword(email: string, password: string): Promise<{ api: ApiClient; me: Me } | SignInChallenge> {
  return sessionOrChallenge(await new ApiClient('').post<PasswordAnswer>('/v1/auth/sign-in', { email, password }));
}

/** The session a password answer opened, or its second step still to do. */
export async function sessionOrChallenge(answer: PasswordAnswer): Promise<{ api: ApiClient; me: Me } | SignInChallenge> {
  return 'challenge' in answer ? answer : cookieSession(answer.csrf_token);
}

/** The session the browser's cookie opens (after sign-in, or on reload); throws `unauthorized` when there is none. */
export async function cookieSession(csrfToken?: string): Promise<{ api: ApiClient; me: Me }> {
  const csrf = csrfToken ?? (await new ApiClient('').get<{ csrf_token: string }>('/v1/auth/csrf')).csrf_token;
  const api = new ApiClient('', csrf);
  return { api, me: await api.get<Me>('/v1/me') };
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
  const [state, setState] = useState(initial);
  const { prefer } = useI18n();
  // The person's own language and time zone, once signed in and whenever they change them.
  useEffect(() => prefer(state.me), [prefer, state.me]);
  const updateMe = useCallback((me: Me) => setState((current) => ({ ...current, me })), []);
  const logout = useCallback(() => {
    sessionStorage.removeItem(STORAGE_KEY);
    // A cookie session ends on the server too; a token stays valid (it is the machine's, not the tab's).
    const ended = state.me.signed_in_with === 'session' ? state.api.post('/v1/auth/sign-out').catch(() => undefined) : Promise.resolve();
    void ended.then(onLogout);
  }, [onLogout, state]);
  const value = useMemo<Session>(() => ({
    api: state.api,
    me: state.me,
    can: (permission) => state.me.permissions.includes(permission),
    updateMe,
    logout,
  }), [state, updateMe, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
