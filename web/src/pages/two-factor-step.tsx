import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Static } from 'typebox';
import type { EnrolmentOutput } from '../../../src/surfaces/wire/users/two-factor-schemas';
import { ErrorMessage } from '../components/ui';
import { ApiClient } from '../lib/api';
import { useI18n } from '../lib/i18n-provider';
import { cookieSession } from '../lib/session';
import type { Me, SignInChallenge } from '../lib/types';

type Enrolment = Static<typeof EnrolmentOutput>;
type SignedIn = { api: ApiClient; me: Me };

/** The QR code and the secret of a new authenticator, for the person to add to their app. */
export function EnrolmentDetails(props: { enrolment: Enrolment }) {
  const { t } = useI18n();
  return (
    <div className="two-factor-enrolment">
      <p>{t('account.two_factor.scan')}</p>
      <img src={props.enrolment.qr_code} alt={t('account.two_factor.qr_alt')} width="200" height="200" />
      <p className="muted">{t('account.two_factor.secret')} <code>{props.enrolment.secret}</code></p>
    </div>
  );
}

/** Recovery codes, shown once: the person keeps them before going on. */
export function RecoveryCodes(props: { codes: string[] }) {
  const { t } = useI18n();
  return (
    <div role="status">
      <p>{t('account.two_factor.recovery_intro')}</p>
      <ul className="recovery-codes">{props.codes.map((code) => <li key={code}><code>{code}</code></li>)}</ul>
    </div>
  );
}

/**
 * The second step of signing in, after a right password: a code of the app (or a recovery code),
 * or, when the role must have two-factor and the person has none, enrolling an app first.
 */
export function SecondStepForm(props: { challenge: SignInChallenge; onSignedIn(session: SignedIn): void }) {
  const { t } = useI18n();
  const id = useId();
  const { challenge, next } = props.challenge;
  const [code, setCode] = useState('');
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [recovery, setRecovery] = useState<{ codes: string[]; session: SignedIn } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (next !== 'enrol_two_factor') return;
    new ApiClient('').post<Enrolment>('/v1/auth/sign-in/enrolment', { challenge }).then(setEnrolment, setError);
  }, [challenge, next]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer = await new ApiClient('').post<{ csrf_token: string; recovery_codes?: string[] }>('/v1/auth/sign-in/two-factor', { challenge, code: code.trim() });
      const session = await cookieSession(answer.csrf_token);
      if (answer.recovery_codes) setRecovery({ codes: answer.recovery_codes, session });
      else props.onSignedIn(session);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };
  if (recovery) {
    return (
      <div className="login-card">
        <RecoveryCodes codes={recovery.codes} />
        <button type="button" className="primary" onClick={() => props.onSignedIn(recovery.session)}>{t('account.two_factor.continue')}</button>
      </div>
    );
  }
  return (
    <form className="login-card" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t(next === 'enrol_two_factor' ? 'account.two_factor.enrol_title' : 'account.two_factor.title')}</h1>
      {next === 'enrol_two_factor' ? <p className="muted">{t('account.two_factor.required')}</p> : null}
      {enrolment ? <EnrolmentDetails enrolment={enrolment} /> : null}
      <label htmlFor={`${id}-code`}>{t(next === 'enrol_two_factor' ? 'account.two_factor.first_code' : 'account.two_factor.code')}</label>
      <input id={`${id}-code`} name="code" inputMode="numeric" autoComplete="one-time-code" autoFocus required value={code} onChange={(event) => setCode(event.target.value)} />
      {next === 'two_factor' ? <div className="hint">{t('account.two_factor.code_hint')}</div> : null}
      <ErrorMessage error={error} title={t('account.sign_in.failed')} />
      <button type="submit" className="primary" disabled={busy || code.trim() === ''}>{t('account.two_factor.verify')}</button>
    </form>
  );
}
