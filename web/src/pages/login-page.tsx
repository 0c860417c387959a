import { useId, useState, type FormEvent } from 'react';
import { ErrorMessage } from '../components/ui';
import type { ApiClient } from '../lib/api';
import { signIn } from '../lib/session';
import type { Me } from '../lib/types';

/** Sign in with an API token; it is checked against GET /v1/me before anything else is shown. */
export function LoginPage(props: { onSignedIn(session: { api: ApiClient; me: Me }): void; initialError?: unknown }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<unknown>(props.initialError ?? null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      props.onSignedIn(await signIn(token.trim()));
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };
  return (
    <main className="login" id="main">
      <form className="login-card" onSubmit={submit} aria-labelledby={`${id}-title`}>
        <div className="brand brand-large">
          <img src="/favicon.svg" alt="" width="40" height="40" />
          <h1 id={`${id}-title`}>Switchboard</h1>
        </div>
        <p className="muted">Sign in with an API token. An admin token is printed when the server first starts; <code>switchboard token create</code> makes more.</p>
        <label htmlFor={`${id}-token`}>API token</label>
        <input
          id={`${id}-token`}
          name="token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          required
          value={token}
          onChange={(event) => setToken(event.target.value)}
        />
        <ErrorMessage error={error} title="Could not sign in" />
        <button type="submit" className="primary" disabled={busy || token.trim() === ''}>{busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
    </main>
  );
}
