import { useId, useState, type FormEvent } from 'react';
import { ErrorMessage } from '../components/ui';
import { useI18n } from '../lib/i18n-provider';
import { useSession } from '../lib/session';
import type { Role } from '../lib/types';
import { ROLES } from '../../../src/domain/auth/roles';
import { labelOf } from '../lib/labels';
import { useResource } from '../lib/use-resource';
import { useSubmit } from './settings/use-submit';


/** The workspace setting: which roles must sign in with two-factor (members without it enrol at their next sign-in). */
export function TwoFactorPolicyPanel() {
  const { api } = useSession();
  const { t } = useI18n();
  const id = useId();
  const policy = useResource('two-factor-policy', () => api.get<{ required_roles: Role[] }>('/v1/auth/two-factor-policy'));
  // Null until the admin changes something: the saved roles are shown.
  const [edited, setEdited] = useState<Role[] | null>(null);
  const roles = edited ?? policy.data?.required_roles ?? [];
  const save = useSubmit();
  const toggle = (role: Role, on: boolean) => setEdited(on ? [...roles, role] : roles.filter((r) => r !== role));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await save.submit(() => api.put('/v1/auth/two-factor-policy', { required_roles: roles }), t('account.two_factor.policy_saved'));
  };
  return (
    <form className="panel" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('account.two_factor.policy_title')}</h2>
      <p className="muted">{t('account.two_factor.policy_intro')}</p>
      <fieldset>
        <legend>{t('account.two_factor.policy_roles')}</legend>
        {ROLES.map((role) => (
          <label key={role}>
            <input type="checkbox" checked={roles.includes(role)} onChange={(e) => toggle(role, e.target.checked)} /> {labelOf(t, 'dashboard.roles.', role)}
          </label>
        ))}
      </fieldset>
      <ErrorMessage error={save.error ?? policy.error} title={t('account.users.not_saved')} />
      {save.done ? <p role="status">{save.done}</p> : null}
      <button type="submit" className="primary" disabled={save.busy || !policy.data}>{t('account.two_factor.policy_save')}</button>
    </form>
  );
}
