import { useId, useState, type FormEvent } from 'react';
import type { Static } from 'typebox';
import type { AccountLinkOutput, UserOutput } from '../../../src/surfaces/wire/users/user-schemas';
import { Empty, ErrorMessage, Loading, Panel } from '../components/ui';
import { useI18n } from '../lib/i18n-provider';
import { useSession } from '../lib/session';
import type { Role } from '../lib/types';
import { ROLES } from '../../../src/domain/auth/roles';
import { labelOf } from '../lib/labels';
import { useResource } from '../lib/use-resource';
import { useSubmit } from './settings/use-submit';
import { TwoFactorPolicyPanel } from './two-factor-policy-panel';
import { SsoSettingsForm } from './sso-settings-form';
import { ApiTokensPanel } from './api-tokens-panel';

type Person = Static<typeof UserOutput>;
type AccountLink = Static<typeof AccountLinkOutput>;


/** The address an invitation link's path opens on this server. */
const absolute = (link: AccountLink) => `${window.location.origin}${link.path}`;

function AddPersonForm(props: { onAdded(email: string, link: string, reset: boolean, mailed: boolean): void }) {
  const { api } = useSession();
  const { t } = useI18n();
  const id = useId();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [agentId, setAgentId] = useState('');
  const save = useSubmit();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let link: AccountLink | null = null;
    const added = await save.submit(async () => {
      const person = await api.post<Person>('/v1/users', { email, name, role, agent_id: agentId.trim() || null });
      link = await api.post<AccountLink>(`/v1/users/${person.id}/invitation`);
    }, t('account.users.added'));
    if (added && link) props.onAdded(email, absolute(link), false, (link as AccountLink).mailed);
  };
  return (
    <form className="panel form-grid" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 className="span-all" id={`${id}-title`}>{t('account.users.add_title')}</h2>
      <div className="field">
        <label htmlFor={`${id}-email`}>{t('account.users.email')}</label>
        <input id={`${id}-email`} type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('account.users.name')}</label>
        <input id={`${id}-name`} required value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-role`}>{t('account.users.role')}</label>
        <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => <option key={r} value={r}>{labelOf(t, 'dashboard.roles.', r)}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-agent`}>{t('account.users.agent')}</label>
        <input id={`${id}-agent`} value={agentId} onChange={(e) => setAgentId(e.target.value)} />
      </div>
      <div className="span-all">
        <ErrorMessage error={save.error} title={t('account.users.not_saved')} />
        <button type="submit" className="primary" disabled={save.busy}>{t('account.users.add')}</button>
      </div>
    </form>
  );
}

function PersonRow(props: { person: Person; onChanged(): void; onError(error: unknown): void; onLink(email: string, link: string, reset: boolean, mailed: boolean): void; onTwoFactorReset(email: string): void }) {
  const { api } = useSession();
  const { t } = useI18n();
  const { person } = props;
  const change = (body: object) => api.patch(`/v1/users/${person.id}`, body).then(props.onChanged, props.onError);
  const linkFor = (kind: 'invitation' | 'password-reset') => api.post<AccountLink>(`/v1/users/${person.id}/${kind}`)
    .then((link) => props.onLink(person.email, absolute(link), kind === 'password-reset', link.mailed), props.onError);
  const resetTwoFactor = () => api.delete(`/v1/users/${person.id}/two-factor`).then(() => props.onTwoFactorReset(person.email), props.onError);
  // Invited: no way in yet. A person single sign-on let in has none of our passwords and is active all the same.
  const state = person.disabled ? t('account.users.disabled') : person.has_password || person.single_sign_on ? '' : t('account.users.invited');
  return (
    <tr>
      <td>{person.name}</td>
      <td>{person.email}</td>
      <td>
        <select aria-label={t('account.users.role_of', { name: person.name })} value={person.role} onChange={(e) => void change({ role: e.target.value })}>
          {ROLES.map((r) => <option key={r} value={r}>{labelOf(t, 'dashboard.roles.', r)}</option>)}
        </select>
      </td>
      <td className="muted">{person.agent_id ?? ''}</td>
      <td>{state}</td>
      <td>
        <button type="button" className="link-button" onClick={() => void change({ disabled: !person.disabled })}>
          {person.disabled ? t('account.users.enable') : t('account.users.disable')}
        </button>
        {person.disabled ? null : (
          <button type="button" className="link-button" onClick={() => void linkFor(person.has_password ? 'password-reset' : 'invitation')}>
            {person.has_password ? t('account.users.reset') : t('account.users.invite')}
          </button>
        )}
        <button type="button" className="link-button" onClick={() => void resetTwoFactor()}>{t('account.two_factor.reset')}</button>
      </td>
    </tr>
  );
}

/** The workspace's people for admins: add (with an invitation link), change roles, disable, two-factor. */
export function UsersPage() {
  const { api, can } = useSession();
  const { t } = useI18n();
  const people = useResource('users', () => api.get<{ data: Person[] }>('/v1/users'));
  const [error, setError] = useState<unknown>(null);
  const [invitation, setInvitation] = useState<{ email: string; link: string; reset: boolean; mailed: boolean } | null>(null);
  const [cleared, setCleared] = useState<string | null>(null);
  const onLink = (email: string, link: string, reset: boolean, mailed: boolean) => {
    setInvitation({ email, link, reset, mailed });
    people.reload();
  };
  const onTwoFactorReset = (email: string) => {
    setError(null);
    setCleared(email);
  };
  return (
    <>
      <h1>{t('account.nav.users')}</h1>
      <p className="muted">{t('account.users.intro')}</p>
      {invitation ? (
        <div className="panel" role="status">
          <p>{t(invitation.reset ? 'account.users.reset_link' : 'account.users.link', { email: invitation.email })}</p>
          <code className="invitation-link">{invitation.link}</code>
          {invitation.mailed ? <p>{t('account.users.mailed', { email: invitation.email })}</p> : null}
        </div>
      ) : null}
      {cleared ? <p className="panel" role="status">{t('account.two_factor.reset_done', { email: cleared })}</p> : null}
      <AddPersonForm onAdded={onLink} />
      <TwoFactorPolicyPanel />
      <Panel title={t('account.nav.users')}>
        <ErrorMessage error={error ?? people.error} title={t('account.users.not_saved')} />
        {people.loading && !people.data ? <Loading /> : null}
        {people.data?.data.length === 0 ? <Empty>{t('account.users.none')}</Empty> : null}
        {people.data && people.data.data.length > 0 ? (
          <table className="sim-table">
            <thead><tr><th>{t('account.users.name')}</th><th>{t('account.users.email')}</th><th>{t('account.users.role')}</th><th>{t('account.users.agent')}</th><th /><th /></tr></thead>
            <tbody>
              {people.data.data.map((person) => (
                <PersonRow key={person.id} person={person} onChanged={() => { setError(null); people.reload(); }} onError={setError} onLink={onLink} onTwoFactorReset={onTwoFactorReset} />
              ))}
            </tbody>
          </table>
        ) : null}
      </Panel>
      {can('tokens:manage') ? <ApiTokensPanel /> : null}
      {can('workspace:manage') ? <SsoSettingsForm /> : null}
    </>
  );
}
