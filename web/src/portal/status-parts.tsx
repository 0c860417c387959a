import { useState, type FormEvent } from 'react';
import { localized } from '../../../src/domain/ticket/ticket-type';
import { useI18n } from '../lib/i18n-provider';
import { formatWhen } from '../lib/format';
import type { Reply, RequesterView } from './portal-types';

/** The request's progress as steps, the current one marked for screen readers too. */
export function ProgressSteps(props: { progress: RequesterView['progress'] }) {
  const { t } = useI18n();
  const { steps, current, waiting_on: waitingOn } = props.progress;
  const at = steps.indexOf(current);
  return (
    <section aria-labelledby="progress-title">
      <h2 id="progress-title" className="visually-hidden">{t('portal.status.progress')}</h2>
      <ol className="progress-steps">
        {steps.map((step, index) => (
          <li key={step} className={index < at ? 'done' : index === at ? 'current' : 'todo'} aria-current={index === at ? 'step' : undefined}>
            {t(`portal.status.steps.${step}`)}
          </li>
        ))}
      </ol>
      {waitingOn === 'requester' ? <p className="notice">{t('portal.status.waiting_on_you')}</p> : null}
    </section>
  );
}

/** What to expect: the SLA's due times while they run, or when it was answered and resolved. */
export function Expectations(props: { expected: RequesterView['expected'] }) {
  const { locale, t, timeZone } = useI18n();
  const { first_response: first, resolution, answered_at: answered, resolved_at: resolved } = props.expected;
  const when = (iso: string) => formatWhen(locale, timeZone, iso);
  const lines = [
    answered ? t('portal.status.answered', { time: when(answered) }) : first?.due_at ? t('portal.status.first_response_due', { time: when(first.due_at) }) : null,
    resolved ? t('portal.status.resolved', { time: when(resolved) }) : resolution?.due_at ? t('portal.status.resolution_due', { time: when(resolution.due_at) }) : null,
  ].filter((line): line is string => line !== null);
  return (
    <section className="expectations" aria-labelledby="expected-title">
      <h2 id="expected-title">{t('portal.status.expected')}</h2>
      <ul>{(lines.length > 0 ? lines : [t('portal.status.no_estimate')]).map((line) => <li key={line}>{line}</li>)}</ul>
    </section>
  );
}

/** The values the requester gave for their type's fields, labelled in their language. */
export function RequestDetails(props: { view: RequesterView }) {
  const { locale, t, timeZone } = useI18n();
  const { view } = props;
  const show = (field: RequesterView['fields'][number]) => {
    const values = Array.isArray(field.value) ? field.value : [field.value];
    return values.map((value) => {
      const option = field.options?.find((o) => o.value === value);
      return option ? localized(option.label ?? option.value, locale) : typeof value === 'boolean' ? (value ? '✓' : '–') : String(value);
    }).join(', ');
  };
  return (
    <dl className="request-details">
      <dt>{t('portal.status.reference')}</dt><dd className="reference">{view.reference}</dd>
      {view.type.label ? <><dt>{t('portal.status.type')}</dt><dd>{localized(view.type.label, locale)}</dd></> : null}
      <dt>{t('portal.status.sent')}</dt><dd>{formatWhen(locale, timeZone, view.created_at)}</dd>
      {view.fields.map((field) => <div key={field.key} className="detail"><dt>{localized(field.label, locale)}</dt><dd>{show(field)}</dd></div>)}
    </dl>
  );
}

/** The public conversation: the requester's words and the team's replies, as text. */
export function Conversation(props: { replies: Reply[] }) {
  const { locale, t, timeZone } = useI18n();
  return (
    <section aria-labelledby="conversation-title">
      <h2 id="conversation-title">{t('portal.status.conversation')}</h2>
      {props.replies.length === 0 ? <p className="muted">{t('portal.status.no_replies')}</p> : (
        <ol className="conversation">
          {props.replies.map((reply) => (
            <li key={reply.id} className={`reply reply-${reply.from}`}>
              <div className="reply-meta">
                <strong>{reply.from === 'requester' ? t('portal.status.you') : reply.name ?? t('portal.status.team')}</strong>
                <time dateTime={reply.at}>{formatWhen(locale, timeZone, reply.at)}</time>
              </div>
              <p className="reply-body">{reply.body}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The reply box: sends the requester's words as a public reply. */
export function ReplyBox(props: { onSend(body: string): Promise<boolean> }) {
  const { t } = useI18n();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    setBusy(true);
    if (await props.onSend(body.trim())) setBody('');
    setBusy(false);
  };
  return (
    <form className="reply-box" onSubmit={(event) => void submit(event)}>
      <label htmlFor="reply">{t('portal.status.reply')}</label>
      <textarea id="reply" rows={4} maxLength={20_000} value={body} onChange={(e) => setBody(e.target.value)} />
      <button type="submit" className="primary" disabled={busy || !body.trim()}>{t('portal.status.send_reply')}</button>
    </form>
  );
}

/** "Close my request", confirmed before it acts. */
export function CloseControl(props: { onClose(): Promise<boolean> }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  if (!asking) return <button type="button" onClick={() => setAsking(true)}>{t('portal.status.close')}</button>;
  return (
    <div className="confirm" role="group" aria-label={t('portal.status.close')}>
      <p>{t('portal.status.close_question')}</p>
      <button type="button" className="primary" onClick={() => void props.onClose().then(() => setAsking(false))}>{t('portal.status.close_confirm')}</button>
      <button type="button" onClick={() => setAsking(false)}>{t('portal.status.close_cancel')}</button>
    </div>
  );
}
