import { useId, useState, type FormEvent } from 'react';
import type { Static } from 'typebox';
import type { EnrolmentOutput, TwoFactorStatusOutput } from '../../../src/surfaces/wire/users/two-factor-schemas';
import { ErrorMessage, Loading, Panel } from '../components/ui';
import { useI18n } from '../lib/i18n-provider';
import { useSession } from '../lib/session';
import { useResource } from '../lib/use-resource';
import { useSubmit } from './settings/use-submit';
import { EnrolmentDetails, RecoveryCodes } from './two-factor-step';

type Status = Static<typeof TwoFactorStatusOutput>;
type Enrolment = Static<typeof EnrolmentOutput>;

/** Adds an authenticator app: the QR code, then a first code, then the recovery codes. */
function EnrolForm(props: { onEnabled(codes: string[]): void }) {
  const { api } = useSession();
  const { t } = useI18n();
  const id = useId();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState('');
  const save = useSubmit();
  const start = () => save.submit(async () => setEnrolment(await api.post<Enrolment>('/v1/auth/two-factor')), '');
  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    let codes: string[] = [];
    const ok = await save.submit(async () => {
      codes = (await api.post<{ recovery_codes: string[] }>('/v1/auth/two-factor/confirm', { code: code.trim() })).recovery_codes;
    }, t('account.two_factor.enabled'));
    if (ok) props.onEnabled(codes);
  };
  if (!enrolment) {
    return (
      <>
        <ErrorMessage error={save.error} title={t('account.profile.not_saved')} />
        <button type="button" className="primary" disabled={save.busy} onClick={() => void start()}>{t('account.two_factor.set_up')}</button>
      </>
    );
  }
  return (
    <form onSubmit={confirm}>
      <EnrolmentDetails enrolment={enrolment} />
      <label htmlFor={`${id}-code`}>{t('account.two_factor.first_code')}</label>
      <input id={`${id}-code`} inputMode="numeric" autoComplete="one-time-code" required value={code} onChange={(e) => setCode(e.target.value)} />
      <ErrorMessage error={save.error} title={t('account.profile.not_saved')} />
      <button type="submit" className="primary" disabled={save.busy || code.trim() === ''}>{t('account.two_factor.verify')}</button>
    </form>
  );
}

/** Switches two-factor off, with the password and a code of the app (or a recovery code). */
function DisableForm(props: { onDisabled(): void }) {
  const { api } = useSession();
  const { t } = useI18n();
  const id = useId();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const save = useSubmit();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await save.submit(() => api.post('/v1/auth/two-factor/disable', { password, code: code.trim() }), t('account.two_factor.disabled'))) props.onDisabled();
  };
  return (
    <form className="form-grid" onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-password`}>{t('account.profile.current')}</label>
        <input id={`${id}-password`} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-code`}>{t('account.two_factor.code')}</label>
        <input id={`${id}-code`} autoComplete="one-time-code" required value={code} onChange={(e) => setCode(e.target.value)} />
      </div>
      <div className="span-all">
        <ErrorMessage error={save.error} title={t('account.profile.not_saved')} />
        <button type="submit" disabled={save.busy}>{t('account.two_factor.disable')}</button>
      </div>
    </form>
  );
}

/** The profile's two-factor panel: whether it is on, adding an app, switching it off. */
export function TwoFactorPanel() {
  const { api } = useSession();
  const { t } = useI18n();
  const status = useResource('two-factor', () => api.get<Status>('/v1/auth/two-factor'));
  const [recovery, setRecovery] = useState<string[] | null>(null);
  const enabled = (codes: string[]) => {
    setRecovery(codes);
    status.reload();
  };
  const state = status.data;
  return (
    <Panel title={t('account.two_factor.panel_title')}>
      <ErrorMessage error={status.error} title={t('account.profile.failed')} />
      {!state ? <Loading /> : null}
      {recovery ? <RecoveryCodes codes={recovery} /> : null}
      {state?.enabled ? (
        <>
          <p>{t('account.two_factor.on', { left: state.recovery_codes_left })}</p>
          <DisableForm onDisabled={() => { setRecovery(null); status.reload(); }} />
        </>
      ) : null}
      {state && !state.enabled ? (
        <>
          <p>{t(state.required ? 'account.two_factor.off_required' : 'account.two_factor.off')}</p>
          <EnrolForm onEnabled={enabled} />
        </>
      ) : null}
    </Panel>
  );
}
