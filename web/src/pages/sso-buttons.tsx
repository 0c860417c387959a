import { useEffect, useState } from 'react';
import type { Static } from 'typebox';
import type { SsoButtonsOutput } from '../../../src/surfaces/wire/users/sso-schemas';
import { ApiClient } from '../lib/api';
import { useI18n } from '../lib/i18n-provider';

type Button = Static<typeof SsoButtonsOutput>['data'][number];

/** The codes single sign-on sends the browser back with, each with its own message. */
const SSO_ERRORS = [
  'sso_domain_not_allowed', 'sso_email_unverified', 'sso_state_mismatch', 'sso_nonce_mismatch', 'sso_not_configured', 'sso_failed', 'rate_limited',
] as const;

/** The refusal single sign-on came back with (`?sso_error=`), taken out of the address so a reload does not show it again. */
function takeSsoError(): string | null {
  const url = new URL(window.location.href);
  const code = url.searchParams.get('sso_error');
  if (code === null) return null;
  url.searchParams.delete('sso_error');
  window.history.replaceState(window.history.state, '', url);
  return (SSO_ERRORS as readonly string[]).includes(code) ? code : 'sso_failed';
}

/** "Sign in with …" for each workspace that signs in through its identity provider, and why the last try failed. */
export function SsoButtons() {
  const { t } = useI18n();
  const [buttons, setButtons] = useState<Button[]>([]);
  const [error] = useState(takeSsoError);
  useEffect(() => {
    new ApiClient('').get<{ data: Button[] }>('/v1/auth/sso').then((answer) => setButtons(answer.data), () => setButtons([]));
  }, []);
  return (
    <>
      {error ? (
        <div className="error" role="alert">
          <strong>{t('account.sso.error_title')}: </strong>{t(`account.sso.errors.${error}`)}<span className="error-code"> ({error})</span>
        </div>
      ) : null}
      {buttons.length > 0 ? (
        <div className="sso-buttons">
          {buttons.map((button) => (
            <a key={button.workspace} className="sso-button" href={button.start_url}>{t('account.sso.button', { name: button.display_name })}</a>
          ))}
        </div>
      ) : null}
    </>
  );
}
