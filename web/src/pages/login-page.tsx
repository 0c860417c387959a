import { useId, useState, type FormEvent } from 'react';
import { ErrorMessage } from '../components/ui';
import type { ApiClient } from '../lib/api';
import { useI18n } from '../lib/i18n-provider';
import { Link } from '../lib/router';
import { signIn, signInWithPassword } from '../lib/session';
import { SsoButtons } from './sso-buttons';
import type { Me, SignInChallenge } from '../lib/types';
import { SecondStepForm } from './two-factor-step';

type SignedIn = { api: ApiClient; me: Me };

/** One sign-in attempt at a time, with its error, and the second step when the password asks for one. */
function useAttempt(onSignedIn: (session: SignedIn) => void, initialError: unknown) {
  const [error, setError] = useState<unknown>(initialError ?? null);
  const [busy, setBusy] = useState(false);
  const [challenge, setChallenge] = useState<SignInChallenge | null>(null);
  const attempt = async (event: FormEvent, signInWith: () => Promise<SignedIn | SignInChallenge>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer = await signInWith();
      if ('challenge' in answer) setChallenge(answer);
      else onSignedIn(answer);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };
  return { error, busy, attempt, challenge };
}

/**
 * Sign in with e-mail and password (the server keeps the session in an HttpOnly cookie), or with
 * an API token, which is checked against GET /v1/me before anything else is shown. One form: a
 * filled-in token wins, since a password manager may have filled the other fields.
 */
export function LoginPage(props: { onSignedIn(session: SignedIn): void; initialError?: unknown }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [token, setToken] = useState('');
  const { error, busy, attempt, challenge } = useAttempt(props.onSignedIn, props.initialError);
  const id = useId();
  if (challenge) return <main className="login" id="main"><SecondStepForm challenge={challenge} onSignedIn={props.onSignedIn} /></main>;
  const withToken = token.trim() !== '';
  const submit = (event: FormEvent) => attempt(event, () => (withToken ? signIn(token.trim()) : signInWithPassword(email.trim(), password)));
  const ready = withToken || (email.trim() !== '' && password !== '');
  return (
    <main className="login" id="main">
      <form className="login-card" onSubmit={submit} aria-labelledby={`${id}-title`}>
        <div className="brand brand-large">
          <img src="/favicon.svg" alt="" width="40" height="40" />
          <h1 id={`${id}-title`}>Switchboard</h1>
        </div>
        <SsoButtons />
        <p className="muted">{t('account.sign_in.intro')}</p>
        <label htmlFor={`${id}-email`}>{t('account.sign_in.email')}</label>
        <input id={`${id}-email`} name="email" type="email" autoComplete="username" value={email} onChange={(event) => setEmail(event.target.value)} />
        <label htmlFor={`${id}-password`}>{t('account.sign_in.password')}</label>
        <input id={`${id}-password`} name="password" type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} />
        <Link to="/forgot-password" className="login-forgot">{t('account.sign_in.forgot')}</Link>
        <p className="muted login-or">{t('account.sign_in.use_token')}</p>
        <label htmlFor={`${id}-token`}>{t('account.sign_in.token')}</label>
        <input id={`${id}-token`} name="token" type="password" autoComplete="off" spellCheck={false} aria-describedby={`${id}-token-hint`} value={token} onChange={(event) => setToken(event.target.value)} />
        <div className="hint" id={`${id}-token-hint`}>{t('account.sign_in.token_hint')}</div>
        <ErrorMessage error={error} title={t('account.sign_in.failed')} />
        <button type="submit" className="primary" disabled={busy || !ready}>{busy ? t('account.sign_in.busy') : t('account.sign_in.submit')}</button>
      </form>
    </main>
  );
}
