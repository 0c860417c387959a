import type { ReactNode } from 'react';
import { useLiveStatus } from '../lib/live';
import { Link, type Route } from '../lib/router';
import { useSession } from '../lib/session';

interface NavItem {
  to: string;
  label: string;
  section: string;
  permission: string;
}

const NAV: NavItem[] = [
  { to: '/', label: 'Overview', section: '', permission: 'tickets:read' },
  { to: '/tickets', label: 'Tickets', section: 'tickets', permission: 'tickets:read' },
  { to: '/console', label: 'My work', section: 'console', permission: 'agents:presence' },
  { to: '/policy', label: 'Routing policy', section: 'policy', permission: 'routing:read' },
  { to: '/reports', label: 'Reports', section: 'reports', permission: 'tickets:read' },
  { to: '/simulator', label: 'Simulator', section: 'simulator', permission: 'simulations:run' },
  { to: '/settings', label: 'Settings', section: 'settings', permission: 'sla:read' },
  { to: '/templates', label: 'Templates', section: 'templates', permission: 'workflows:read' },
];

const STATUS_TEXT = { live: 'Live', connecting: 'Connecting…', reconnecting: 'Reconnecting…' } as const;

/** The frame of every page: a skip link, the navigation, who is signed in, and the live-updates state. */
export function Layout(props: { route: Route; children: ReactNode }) {
  const { me, can, logout } = useSession();
  const status = useLiveStatus();
  const section = props.route.path[0] ?? '';
  return (
    <div className="shell">
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="topbar">
        <div className="brand">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span>Switchboard</span>
        </div>
        <nav aria-label="Main">
          <ul>
            {NAV.filter((item) => can(item.permission)).map((item) => (
              <li key={item.to}>
                <Link to={item.to} className="nav-link" aria-current={section === item.section ? 'page' : undefined}>{item.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="whoami">
          <span className={`live live-${status}`} role="status" aria-live="polite">{STATUS_TEXT[status]}</span>
          <span className="role" title={me.token_name}>{me.role}</span>
          <button type="button" className="link-button" onClick={logout}>Sign out</button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>{props.children}</main>
    </div>
  );
}
