import { useId, useState, type FormEvent } from 'react';
import { ErrorMessage } from '../components/ui';
import { ApiClient } from '../lib/api';
import { useI18n } from '../lib/i18n-provider';
import { navigate, type Route } from '../lib/router';
import { sessionOrChallenge } from '../lib/session';
import type { PasswordAnswer, SignInChallenge } from '../lib/types';
import type { Me } from '../lib/types';
import { SecondStepForm } from './two-factor-step';

/** What each kind of link does: the API it calls and the words of its page. */
const KINDS = {
  'accept-invitation': { url: '/v1/auth/accept-invitation', words: 'account.invitation' },
  'reset-password': { url: '/v1/auth/reset-password', words: 'account.reset' },
} as const;

export type AccountLinkKind = keyof typeof KINDS;

export function isAccountLinkPage(section: string | undefined): section is AccountLinkKind {
  return section === 'accept-invitation' || section === 'reset-password';
}

/** The page an invitation or reset link opens: the person sets a password and is signed in. */
export function AccountLinkPage(props: { kind: AccountLinkKind; route: Route; onSignedIn(session: { api: ApiClient; me: Me }): void }) {
  const { t } = useI18n();
  const { url, words } = KINDS[props.kind];
  const id = useId();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [challenge, setChallenge] = useState<SignInChallenge | null>(null);
  const signedIn = (session: { api: ApiClient; me: Me }) => {
    navigate('/');
    props.onSignedIn(session);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = { workspace: props.route.query.get('workspace') ?? '', token: props.route.query.get('token') ?? '', password };
      const answer = await sessionOrChallenge(await new ApiClient('').post<PasswordAnswer>(url, body));
      if ('challenge' in answer) setChallenge(answer);
      else signedIn(answer);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };
  if (challenge) return <main className="login" id="main"><SecondStepForm challenge={challenge} onSignedIn={signedIn} /></main>;
  return (
    <main className="login" id="main">
      <form className="login-card" onSubmit={submit} aria-labelledby={`${id}-title`}>
        <h1 id={`${id}-title`}>{t(`${words}.title`)}</h1>
        <p className="muted">{t(`${words}.intro`)}</p>
        <label htmlFor={`${id}-password`}>{t('account.sign_in.password')}</label>
        <input id={`${id}-password`} type="password" autoComplete="new-password" minLength={12} required value={password} onChange={(event) => setPassword(event.target.value)} />
        <ErrorMessage error={error} title={t(`${words}.failed`)} />
        <button type="submit" className="primary" disabled={busy || password.length < 12}>{t(`${words}.submit`)}</button>
      </form>
    </main>
  );
}
