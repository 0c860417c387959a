import type { ReactNode } from 'react';
import { LanguagePicker, useI18n } from '../lib/i18n-provider';
import { LinkProblem } from './link-problem';
import { RequestPage } from './request-page';
import { StatusPage } from './status-page';
import { UnsubscribePage } from './unsubscribe-page';

/** The page the address names: `/portal/:workspace`, `/portal/:workspace/status/:token` or `/portal/:workspace/unsubscribe/:token`. */
function pageOf(pathname: string): ReactNode {
  const [root, first, second, third, ...rest] = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (root !== 'portal' || !first || rest.length > 0) return <LinkProblem code="route_not_found" />;
  if (second === 'status' && third) return <StatusPage workspace={first} token={third} />;
  if (second === 'unsubscribe' && third) return <UnsubscribePage workspace={first} token={third} />;
  if (!second) return <RequestPage workspace={first} />;
  return <LinkProblem code="route_not_found" />;
}

/** The requester's frame: a heading slot, the language picker and the page. */
export function PortalApp() {
  const { t } = useI18n();
  return (
    <div className="portal">
      <header className="portal-top">
        <div className="brand">
          <img src="/favicon.svg" alt="" width="28" height="28" />
        </div>
        <LanguagePicker label={t('portal.language')} />
      </header>
      <main id="main" className="portal-main">{pageOf(window.location.pathname)}</main>
    </div>
  );
}
