import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Static } from 'typebox';
import type { SsoSettingsOutput } from '../../../src/surfaces/wire/users/sso-schemas';
import { ErrorMessage } from '../components/ui';
import { ApiError } from '../lib/api';
import { useI18n } from '../lib/i18n-provider';
import { useSession } from '../lib/session';
import type { Role } from '../lib/types';
import { useResource } from '../lib/use-resource';
import { listText, useSubmit } from './settings/use-submit';

type Settings = Static<typeof SsoSettingsOutput>;

const ROLES: Role[] = ['admin', 'supervisor', 'agent', 'viewer'];
const EMPTY = {
  display_name: '', issuer_url: '', client_id: '', client_secret: '', domains: '', role_claim: '', role_map: '', default_role: 'agent' as Role,
};

/** "desk-leads=supervisor, admins=admin" ⇄ {"desk-leads": "supervisor", admins: "admin"}; the server checks the roles. */
const roleMapText = (map: Record<string, string>) => Object.entries(map).map(([value, role]) => `${value}=${role}`).join(', ');
const roleMapOf = (text: string) => Object.fromEntries(listText(text).map((pair) => {
  const at = pair.lastIndexOf('=');
  return [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
}));

function formOf(settings: Settings | undefined) {
  if (!settings) return EMPTY;
  return {
    display_name: settings.display_name, issuer_url: settings.issuer_url, client_id: settings.client_id, client_secret: '',
    domains: settings.allowed_domains.join(', '), role_claim: settings.role_claim ?? '', role_map: roleMapText(settings.role_map),
    default_role: settings.default_role,
  };
}

/** The workspace's single sign-on for admins: the provider, who may come in and with which role; the secret is written, never shown. */
export function SsoSettingsForm() {
  const { api } = useSession();
  const { t } = useI18n();
  const id = useId();
  // No settings is a state of the form, not an error to show.
  const saved = useResource('sso-settings', () => api.get<Settings>('/v1/sso/settings').catch((error: unknown) => {
    if (error instanceof ApiError && error.code === 'sso_not_configured') return undefined;
    throw error;
  }));
  const [form, setForm] = useState(EMPTY);
  useEffect(() => setForm(formOf(saved.data)), [saved.data]);
  const save = useSubmit();
  const field = (name: keyof typeof EMPTY) => ({
    id: `${id}-${name}`, value: form[name], onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
  });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await save.submit(() => api.put('/v1/sso/settings', {
      display_name: form.display_name, issuer_url: form.issuer_url, client_id: form.client_id, allowed_domains: listText(form.domains),
      role_claim: form.role_claim.trim() || null, role_map: roleMapOf(form.role_map), default_role: form.default_role,
      ...(form.client_secret ? { client_secret: form.client_secret } : {}),
    }).then(saved.reload), t('account.sso.saved'));
  };
  const turnOff = () => save.submit(() => api.delete('/v1/sso/settings').then(saved.reload), t('account.sso.disabled'));
  const label = (name: keyof typeof EMPTY, key: string) => <label htmlFor={`${id}-${name}`}>{t(`account.sso.${key}`)}</label>;
  return (
    <form className="panel form-grid" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 className="span-all" id={`${id}-title`}>{t('account.sso.title')}</h2>
      <p className="span-all muted">{t('account.sso.intro')} {saved.data ? null : t('account.sso.off')}</p>
      <div className="field">{label('display_name', 'display_name')}<input required maxLength={60} {...field('display_name')} /></div>
      <div className="field">{label('issuer_url', 'issuer')}<input required type="url" {...field('issuer_url')} /></div>
      <div className="field">{label('client_id', 'client_id')}<input required {...field('client_id')} /></div>
      <div className="field">
        {label('client_secret', 'client_secret')}
        <input type="password" autoComplete="off" required={!saved.data} aria-describedby={`${id}-kept`} {...field('client_secret')} />
        {saved.data ? <div className="hint" id={`${id}-kept`}>{t('account.sso.secret_kept')}</div> : null}
      </div>
      <div className="field">{label('domains', 'domains')}<input required {...field('domains')} /></div>
      <div className="field">{label('role_claim', 'role_claim')}<input {...field('role_claim')} /></div>
      <div className="field">{label('role_map', 'role_map')}<input {...field('role_map')} /></div>
      <div className="field">
        {label('default_role', 'default_role')}
        <select {...field('default_role')}>{ROLES.map((r) => <option key={r} value={r}>{r}</option>)}</select>
      </div>
      {saved.data ? <p className="span-all">{t('account.sso.callback')} <code>{saved.data.callback_url}</code></p> : null}
      <div className="span-all button-row">
        <ErrorMessage error={save.error ?? saved.error} title={t('account.sso.not_saved')} />
        {save.done ? <span role="status">{save.done}</span> : null}
        <button type="submit" className="primary" disabled={save.busy}>{t('account.sso.save')}</button>
        {saved.data ? <button type="button" disabled={save.busy} onClick={() => void turnOff()}>{t('account.sso.disable')}</button> : null}
      </div>
    </form>
  );
}
