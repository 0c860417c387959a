import { useId, useState, type FormEvent } from 'react';
import type { Static } from 'typebox';
import type { SessionOutput } from '../../../src/surfaces/wire/users/user-schemas';
import { Empty, ErrorMessage, Loading, Panel, scrollRegion } from '../components/ui';
import { formatWhen } from '../lib/format';
import { useI18n } from '../lib/i18n-provider';
import { useSession } from '../lib/session';
import { useResource } from '../lib/use-resource';
import { useSubmit } from './settings/use-submit';
import { PreferencesForm } from './preferences-form';
import { TwoFactorPanel } from './two-factor-panel';

type SessionRow = Static<typeof SessionOutput>;

function PasswordForm() {
  const { api } = useSession();
  const { t } = useI18n();
  const id = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const save = useSubmit();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await save.submit(() => api.put('/v1/auth/password', { current_password: current, new_password: next }), t('account.profile.saved'))) {
      setCurrent('');
      setNext('');
    }
  };
  return (
    <form className="panel form-grid" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 className="span-all" id={`${id}-title`}>{t('account.profile.password_title')}</h2>
      <div className="field">
        <label htmlFor={`${id}-current`}>{t('account.profile.current')}</label>
        <input id={`${id}-current`} type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-new`}>{t('account.profile.new')}</label>
        <input id={`${id}-new`} type="password" autoComplete="new-password" minLength={12} required value={next} aria-describedby={`${id}-hint`} onChange={(e) => setNext(e.target.value)} />
        <div className="hint" id={`${id}-hint`}>{t('account.profile.new_hint')}</div>
      </div>
      <div className="span-all">
        <ErrorMessage error={save.error} title={t('account.profile.not_saved')} />
        {save.done ? <p role="status">{save.done}</p> : null}
        <button type="submit" className="primary" disabled={save.busy}>{t('account.profile.save')}</button>
      </div>
    </form>
  );
}

function SessionsPanel() {
  const { api, logout } = useSession();
  const { t, locale, timeZone } = useI18n();
  const sessions = useResource('sessions', () => api.get<{ data: SessionRow[] }>('/v1/auth/sessions'));
  const [error, setError] = useState<unknown>(null);
  const end = async (session: SessionRow) => {
    setError(null);
    try {
      await api.delete(`/v1/auth/sessions/${session.id}`);
      if (session.current) logout();
      else sessions.reload();
    } catch (failure) {
      setError(failure);
    }
  };
  const everywhere = async () => {
    try {
      await api.delete('/v1/auth/sessions');
      logout();
    } catch (failure) {
      setError(failure);
    }
  };
  const actions = <button type="button" onClick={everywhere}>{t('account.profile.everywhere')}</button>;
  return (
    <Panel title={t('account.profile.sessions_title')} actions={actions}>
      <ErrorMessage error={error ?? sessions.error} title={t('account.profile.failed')} />
      {sessions.loading && !sessions.data ? <Loading /> : null}
      {sessions.data?.data.length === 0 ? <Empty>—</Empty> : null}
      {sessions.data && sessions.data.data.length > 0 ? (
        <div {...scrollRegion(t('account.profile.sessions_title'))}>
          <table className="sessions-table">
            <thead><tr><th>{t('account.profile.started')}</th><th>{t('account.profile.last_seen')}</th><th>{t('account.profile.address')}</th><th>{t('account.profile.browser')}</th><th /></tr></thead>
            <tbody>
              {sessions.data.data.map((session) => (
                <tr key={session.id}>
                  <td>{formatWhen(locale, timeZone, session.created_at)}{session.current ? ` (${t('account.profile.this_session')})` : ''}</td>
                  <td>{formatWhen(locale, timeZone, session.last_seen_at)}</td>
                  <td>{session.address}</td>
                  <td className="muted user-agent">{session.user_agent}</td>
                  <td><button type="button" className="link-button" onClick={() => end(session)}>{t('account.profile.end')}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Panel>
  );
}

/**
 * The signed-in person's own page: their language and time zone, password, two-factor sign-in and the
 * browsers they are signed in on.
 */
export function ProfilePage() {
  const { me } = useSession();
  const { t } = useI18n();
  return (
    <>
      <h1>{t('account.nav.profile')}</h1>
      {me.user_id ? (
        <>
          <p>{t('account.profile.signed_in_as', { name: me.token_name, email: me.email ?? '' })}</p>
          <PreferencesForm />
          {me.signed_in_with === 'session' ? <PasswordForm /> : null}
          {me.signed_in_with === 'session' ? <TwoFactorPanel /> : null}
          <SessionsPanel />
        </>
      ) : <p className="muted">{t('account.profile.token_only')}</p>}
    </>
  );
}
