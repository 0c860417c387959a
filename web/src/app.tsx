import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { Layout, sectionTitleKey } from './components/layout';
import { useI18n } from './lib/i18n-provider';
import { Loading } from './components/ui';
import type { ApiClient } from './lib/api';
import { LiveProvider } from './lib/live';
import { useRoute, type Route } from './lib/router';
import { SessionProvider, cookieSession, signIn, storedToken } from './lib/session';
import type { Me } from './lib/types';
import { ConsolePage } from './pages/console-page';
import { LoginPage } from './pages/login-page';
import { OverviewPage } from './pages/overview-page';
import { PolicyPage } from './pages/policy-page';
import { SettingsPage } from './pages/settings-page';
import { TemplatesPage } from './pages/templates-page';
import { TicketPage } from './pages/ticket-page';
import { TicketsPage } from './pages/tickets-page';
import { AccountLinkPage, isAccountLinkPage } from './pages/account-link-page';
import { ForgotPasswordPage } from './pages/forgot-password-page';
import { ProfilePage } from './pages/profile-page';
import { UsersPage } from './pages/users-page';

// The charts library is large: the reports page loads it when it is first opened.
const ReportsPage = lazy(() => import('./pages/reports-page').then((module) => ({ default: module.ReportsPage })));
const SimulatorPage = lazy(() => import('./pages/simulator-page').then((module) => ({ default: module.SimulatorPage })));

function NoSuchPage() {
  const { t } = useI18n();
  return <p>{t('dashboard.no_page')} <a href="#/">{t('dashboard.to_overview')}</a></p>;
}

function Page(props: { route: Route }) {
  const [section, id] = props.route.path;
  switch (section) {
    case undefined: return <OverviewPage />;
    case 'tickets': return id ? <TicketPage key={id} id={id} /> : <TicketsPage route={props.route} />;
    case 'console': return <ConsolePage route={props.route} />;
    case 'policy': return <PolicyPage />;
    case 'reports': return <Suspense fallback={<Loading />}><ReportsPage /></Suspense>;
    case 'simulator': return <Suspense fallback={<Loading />}><SimulatorPage route={props.route} /></Suspense>;
    case 'settings': return <SettingsPage tab={id ?? 'agents'} />;
    case 'templates': return <TemplatesPage />;
    case 'users': return <UsersPage />;
    case 'profile': return <ProfilePage />;
    default: return <NoSuchPage />;
  }
}

type Auth = { state: 'checking' } | { state: 'signed-out'; error?: unknown } | { state: 'signed-in'; session: { api: ApiClient; me: Me } };

/**
 * Signs in (a token kept for this tab is checked again first, else the session cookie the browser
 * may hold), then shows the page the address names.
 */
export function App() {
  const route = useRoute();
  const [auth, setAuth] = useState<Auth>({ state: 'checking' });
  useEffect(() => {
    if (auth.state !== 'checking') return;
    const token = storedToken();
    if (token) {
      signIn(token).then((session) => setAuth({ state: 'signed-in', session }), (error: unknown) => setAuth({ state: 'signed-out', error }));
    } else {
      // No cookie session is the usual case before signing in, not an error to show.
      cookieSession().then((session) => setAuth({ state: 'signed-in', session }), () => setAuth({ state: 'signed-out' }));
    }
  }, [auth.state]);
  const onLogout = useCallback(() => setAuth({ state: 'signed-out' }), []);
  const { t } = useI18n();
  useEffect(() => {
    document.title = `Switchboard · ${t(sectionTitleKey(route.path[0] ?? ''))}`;
  }, [route.path, t]);
  useEffect(() => {
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [route.path]);

  if (auth.state === 'checking') return <Loading />;
  const signedIn = (session: { api: ApiClient; me: Me }) => setAuth({ state: 'signed-in', session });
  const section = route.path[0];
  // A link's page works whether or not someone is signed in on this browser: it is the link's person who sets a password.
  if (isAccountLinkPage(section)) return <AccountLinkPage kind={section} route={route} onSignedIn={signedIn} />;
  if (auth.state === 'signed-out' && section === 'forgot-password') return <ForgotPasswordPage />;
  if (auth.state === 'signed-out') return <LoginPage initialError={auth.error} onSignedIn={signedIn} />;
  return (
    <SessionProvider initial={auth.session} onLogout={onLogout}>
      <LiveProvider token={auth.session.api.token}>
        <Layout route={route}>
          <Page route={route} />
        </Layout>
      </LiveProvider>
    </SessionProvider>
  );
}
