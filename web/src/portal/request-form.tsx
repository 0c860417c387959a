import { useCallback, useState, type FormEvent, type ReactNode } from 'react';
import type { JsonValue } from '../../../src/domain/shared/json';
import { localized } from '../../../src/domain/ticket/ticket-type';
import { ApiError } from '../lib/api';
import { useI18n } from '../lib/i18n-provider';
import { ArticleSuggestions, useRequesterHelp } from './article-suggestions';
import { problemText } from './link-problem';
import { portalApi, portalPath } from './portal-api';
import type { PortalForm, RequesterHelp, SubmittedRequest } from './portal-types';
import { EMPTY_DRAFT, draftProblems, requestBody, serverProblems, type Problems, type RequestDraft } from './request-draft';
import { TypeField } from '../components/type-fields';
import { useChallenge, type ChallengeAnswer } from './use-challenge';

function TextField(props: { id: string; label: string; problem?: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="form-field">
      <label htmlFor={props.id}>{props.label}<span className="required"> ({t('portal.form.required')})</span></label>
      {props.children}
      {props.problem ? <p id={`${props.id}-problem`} className="field-error">{props.problem}</p> : null}
    </div>
  );
}

/** A choice the form may suggest (type, priority): a select, its help, and a note while the suggestion stands. */
function ChoiceField(props: { id: string; label: string; value: string; options: [string, string][]; suggested: boolean; help?: string; onChoose(value: string): void }) {
  const { t } = useI18n();
  return (
    <div className="form-field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChoose(e.target.value)}>
        {props.options.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
      </select>
      {props.help ? <p className="help">{props.help}</p> : null}
      {props.suggested ? <p className="help suggested">{t('portal.form.suggested')}</p> : null}
    </div>
  );
}

/** The honeypot: a field people never see or reach; a program that fills every field fills it. */
function Honeypot(props: { value: string; onChange(value: string): void }) {
  const { t } = useI18n();
  return (
    <div className="hp" aria-hidden="true">
      <label htmlFor="website">{t('portal.form.website')}</label>
      <input id="website" name="website" tabIndex={-1} autoComplete="off" value={props.value} onChange={(e) => props.onChange(e.target.value)} />
    </div>
  );
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends the request with a solved challenge; a refused challenge (expired, used) is replaced once,
 * and a form the server found too quick is sent again when it says.
 */
async function sendWithChallenge(workspace: string, challenge: ReturnType<typeof useChallenge>, body: (answer: ChallengeAnswer) => object): Promise<SubmittedRequest> {
  const send = (answer: ChallengeAnswer) => portalApi.post<SubmittedRequest>(portalPath(workspace, 'requests'), body(answer));
  const answer = await challenge.answer();
  try {
    return await send(answer);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === 'challenge_failed') return send(await challenge.renew());
    if (error.code !== 'submitted_too_fast') throw error;
    await wait(1000 * Number((error.details as { retry_after_s?: number } | null)?.retry_after_s ?? 1));
    return send(answer);
  }
}

/** The type-adaptive request form: fields follow the chosen type, suggestions follow the text. */
export function RequestForm(props: { workspace: string; form: PortalForm; onSent(sent: SubmittedRequest, email: string): void }) {
  const { locale, t } = useI18n();
  const { form, workspace } = props;
  const [draft, setDraft] = useState<RequestDraft>({ ...EMPTY_DRAFT, type: form.types[0]?.name ?? null });
  const [chosen, setChosen] = useState({ type: false, priority: false });
  const [suggested, setSuggested] = useState({ type: false, priority: false });
  const [problems, setProblems] = useState<Problems>({});
  const [phase, setPhase] = useState<'editing' | 'working' | 'sending'>('editing');
  const [error, setError] = useState<unknown>(null);
  const challenge = useChallenge(workspace);
  const type = form.types.find((candidate) => candidate.name === draft.type) ?? null;
  const set = (patch: Partial<RequestDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const setField = (key: string, value: JsonValue | undefined) => setDraft((current) => {
    const fields = { ...current.fields };
    if (value === undefined) delete fields[key];
    else fields[key] = value;
    return { ...current, fields };
  });

  /** The requester's own choice: it stands, and no suggestion replaces it. */
  const choose = (key: 'type' | 'priority', value: string) => {
    set({ [key]: value });
    setChosen((current) => ({ ...current, [key]: true }));
    setSuggested((current) => ({ ...current, [key]: false }));
  };

  const onHelp = useCallback((help: RequesterHelp) => {
    const { type: suggestedType, priority } = help.prefill;
    if (suggestedType && !chosen.type) {
      setDraft((current) => ({ ...current, type: suggestedType }));
      setSuggested((current) => ({ ...current, type: true }));
    }
    if (priority && !chosen.priority) {
      setDraft((current) => ({ ...current, priority }));
      setSuggested((current) => ({ ...current, priority: true }));
    }
  }, [chosen]);
  const articles = useRequesterHelp(workspace, draft.title, draft.description, onHelp);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const found = draftProblems(draft, type, t);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setPhase('working');
    try {
      const sent = await sendWithChallenge(workspace, challenge, (answer) => {
        setPhase('sending');
        return requestBody(draft, type, answer, locale);
      });
      props.onSent(sent, draft.email.trim());
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'invalid_fields') setProblems(serverProblems(failure.details, t));
      setError(failure);
      setPhase('editing');
    }
  };

  const describe = (key: string) => (problems[key] ? `${key}-problem` : undefined);
  return (
    <form className="portal-card request-form" onSubmit={(event) => void submit(event)} noValidate>
      {form.types.length > 0 ? (
        <ChoiceField id="type" label={t('portal.form.type')} value={draft.type ?? ''} suggested={suggested.type} help={localized(type?.description ?? undefined, locale)}
          options={form.types.map((option) => [option.name, localized(option.label, locale)])} onChoose={(value) => choose('type', value)} />
      ) : null}
      <TextField id="title" label={t('portal.form.title')} problem={problems.title}>
        <input id="title" maxLength={500} value={draft.title} aria-invalid={problems.title ? true : undefined} aria-describedby={describe('title')} onChange={(e) => set({ title: e.target.value })} />
      </TextField>
      <TextField id="description" label={t('portal.form.description')} problem={problems.description}>
        <textarea id="description" rows={6} maxLength={20_000} value={draft.description} aria-invalid={problems.description ? true : undefined} aria-describedby={describe('description')} onChange={(e) => set({ description: e.target.value })} />
      </TextField>
      <ArticleSuggestions workspace={workspace} articles={articles} />
      {type?.fields.map((field) => (
        <TypeField key={`${type.name}.${field.key}`} field={field} value={draft.fields[field.key]} problem={problems[`fields.${field.key}`]} onChange={(value) => setField(field.key, value)} />
      ))}
      <ChoiceField id="priority" label={t('portal.form.priority')} value={draft.priority} suggested={suggested.priority}
        options={form.priorities.map((priority) => [priority, t(`portal.priority.${priority}`)])} onChoose={(value) => choose('priority', value)} />
      <TextField id="name" label={t('portal.form.name')} problem={problems.name}>
        <input id="name" autoComplete="name" maxLength={200} value={draft.name} aria-invalid={problems.name ? true : undefined} aria-describedby={describe('name')} onChange={(e) => set({ name: e.target.value })} />
      </TextField>
      <TextField id="email" label={t('portal.form.email')} problem={problems.email}>
        <input id="email" type="email" autoComplete="email" maxLength={320} value={draft.email} aria-invalid={problems.email ? true : undefined} aria-describedby={describe('email')} onChange={(e) => set({ email: e.target.value })} />
      </TextField>
      <Honeypot value={draft.website} onChange={(website) => set({ website })} />
      {Object.keys(problems).length > 0 ? <p className="error" role="alert">{t('portal.form.check_fields')}</p> : null}
      {error && !(error instanceof ApiError && error.code === 'invalid_fields') ? <p className="error" role="alert">{problemText(t, error)}</p> : null}
      {phase === 'working' ? <p className="muted" role="status">{t('portal.form.working')}</p> : null}
      <button type="submit" className="primary" disabled={phase !== 'editing'}>{phase === 'editing' ? t('portal.form.submit') : t('portal.form.sending')}</button>
    </form>
  );
}
