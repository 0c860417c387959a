import { ApiError } from '../lib/api';
import { useI18n } from '../lib/i18n-provider';

const TITLES: Record<string, [string, string]> = {
  link_expired: ['portal.link.expired_title', 'portal.link.expired'],
  link_invalid: ['portal.link.invalid_title', 'portal.link.invalid'],
  workspace_not_found: ['portal.link.invalid_title', 'portal.link.not_found'],
  route_not_found: ['portal.link.invalid_title', 'portal.link.not_found'],
};

/** The code of an error from the portal's API, for choosing what to tell the requester. */
export function errorCode(error: unknown): string | null {
  return error instanceof ApiError ? error.code : null;
}

/** A refused link or address, explained in the requester's language instead of an error code. */
export function LinkProblem(props: { code: string }) {
  const { t } = useI18n();
  const [title, text] = TITLES[props.code] ?? ['portal.link.invalid_title', 'portal.failed'];
  return (
    <section className="portal-card link-problem" aria-labelledby="problem-title">
      <h1 id="problem-title">{t(title)}</h1>
      <p role="alert">{t(text)}</p>
    </section>
  );
}

/** True for the errors that mean the page's link or address itself is no good. */
export function isLinkProblem(error: unknown): boolean {
  const code = errorCode(error);
  return code !== null && code in TITLES;
}

/** A failed call as one sentence for the requester: rate limits and refusals get their own, the rest a general one. */
export function problemText(t: (key: string) => string, error: unknown): string {
  switch (errorCode(error)) {
    case 'rate_limited': return t('portal.rate_limited');
    case 'challenge_failed': return t('portal.form.refused');
    case 'submitted_too_fast': return t('portal.form.too_fast');
    default: return t('portal.failed');
  }
}
