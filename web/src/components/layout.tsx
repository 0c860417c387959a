import type { ReactNode } from 'react';
import { useLiveStatus } from '../lib/live';
import { Link, type Route } from '../lib/router';
import { useSession } from '../lib/session';
import { LanguagePicker, useI18n } from '../lib/i18n-provider';
import { labelOf } from '../lib/labels';

interface NavItem {
  to: string;
  section: string;
  permission: string;
}

const NAV: NavItem[] = [
  { to: '/', section: '', permission: 'tickets:read' },
  { to: '/tickets', section: 'tickets', permission: 'tickets:read' },
  { to: '/console', section: 'console', permission: 'agents:presence' },
  { to: '/policy', section: 'policy', permission: 'routing:read' },
  { to: '/reports', section: 'reports', permission: 'tickets:read' },
  { to: '/simulator', section: 'simulator', permission: 'simulations:run' },
  { to: '/settings', section: 'settings', permission: 'sla:read' },
  { to: '/templates', section: 'templates', permission: 'workflows:read' },
  { to: '/users', section: 'users', permission: 'users:manage' },
  { to: '/profile', section: 'profile', permission: 'tickets:read' },
];

/** Sections whose names live with the rest of the account pages' words. */
const ACCOUNT_SECTIONS = new Set(['users', 'profile']);

/** A section's name in the catalogue (`dashboard.nav.*`): the navigation and the page titles use it. */
export function sectionTitleKey(section: string): string {
  if (ACCOUNT_SECTIONS.has(section)) return `account.nav.${section}`;
  return `dashboard.nav.${section || 'overview'}`;
}

/** The frame of every page: a skip link, the navigation, who is signed in, and the live-updates state. */
export function Layout(props: { route: Route; children: ReactNode }) {
  const { me, can, logout } = useSession();
  const { t } = useI18n();
  const status = useLiveStatus();
  const section = props.route.path[0] ?? '';
  return (
    <div className="shell">
      <a className="skip-link" href="#main">{t('dashboard.skip')}</a>
      <header className="topbar">
        <div className="brand">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span>Switchboard</span>
        </div>
        <nav aria-label={t('dashboard.main_nav')}>
          <ul>
            {NAV.filter((item) => can(item.permission)).map((item) => (
              <li key={item.to}>
                <Link to={item.to} className="nav-link" aria-current={section === item.section ? 'page' : undefined}>{t(sectionTitleKey(item.section))}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="whoami">
          <span className={`live live-${status}`} role="status" aria-live="polite">{t(`dashboard.live.${status}`)}</span>
          <span className="role" title={me.token_name}>{labelOf(t, 'dashboard.roles.', me.role)}</span>
          <LanguagePicker label={t('dashboard.language')} />
          <button type="button" className="link-button" onClick={logout}>{t('dashboard.sign_out')}</button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>{props.children}</main>
    </div>
  );
}

/** A page's heading: its section's name from the catalogue, in the chosen language. */
export function SectionTitle(props: { section: string }) {
  const { t } = useI18n();
  return <h1>{t(sectionTitleKey(props.section))}</h1>;
}
