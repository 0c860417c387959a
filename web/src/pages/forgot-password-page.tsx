import { useId, useState, type FormEvent } from 'react';
import { ErrorMessage } from '../components/ui';
import { ApiClient } from '../lib/api';
import { useI18n } from '../lib/i18n-provider';
import { Link } from '../lib/router';

/**
 * "Forgot password?": asks for a reset link by mail. The server answers the same whether or not
 * the address has an account, so the page says the same too.
 */
export function ForgotPasswordPage() {
  const { t } = useI18n();
  const id = useId();
  const [email, setEmail] = useState('');
  const [workspace, setWorkspace] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const slug = workspace.trim();
      await new ApiClient('').post('/v1/auth/password-reset', { email: email.trim(), ...(slug ? { workspace: slug } : {}) });
      setSent(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="login" id="main">
      <form className="login-card" onSubmit={submit} aria-labelledby={`${id}-title`}>
        <h1 id={`${id}-title`}>{t('account.forgot.title')}</h1>
        {sent ? <p role="status">{t('account.forgot.sent', { email: email.trim() })}</p> : (
          <>
            <p className="muted">{t('account.forgot.intro')}</p>
            <label htmlFor={`${id}-email`}>{t('account.sign_in.email')}</label>
            <input id={`${id}-email`} name="email" type="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.target.value)} />
            <label htmlFor={`${id}-workspace`}>{t('account.forgot.workspace')}</label>
            <input id={`${id}-workspace`} name="workspace" autoComplete="off" aria-describedby={`${id}-workspace-hint`} value={workspace} onChange={(event) => setWorkspace(event.target.value)} />
            <div className="hint" id={`${id}-workspace-hint`}>{t('account.forgot.workspace_hint')}</div>
            <ErrorMessage error={error} title={t('account.forgot.failed')} />
            <button type="submit" className="primary" disabled={busy || email.trim() === ''}>{t('account.forgot.submit')}</button>
          </>
        )}
        <Link to="/">{t('account.forgot.back')}</Link>
      </form>
    </main>
  );
}
