import { useId, useState, type FormEvent } from 'react';
import type { Static } from 'typebox';
import type { MailboxOutput, MailboxProbeOutput } from '../../../../src/surfaces/wire/mailboxes/mailbox-schemas';
import { Empty, ErrorMessage, Field, Panel } from '../../components/ui';
import { formatWhen } from '../../lib/format';
import { useI18n } from '../../lib/i18n-provider';
import { useSession } from '../../lib/session';
import { useResource } from '../../lib/use-resource';
import { useSubmit } from './use-submit';

type Mailbox = Static<typeof MailboxOutput>;
type Probe = Static<typeof MailboxProbeOutput>;

const TLS_MODES = ['implicit', 'starttls', 'none'] as const;

function AddMailboxForm(props: { onAdded(): void }) {
  const { api } = useSession();
  const { t } = useI18n();
  const id = useId();
  const [form, setForm] = useState({ address: '', host: '', port: '993', tls: 'implicit', username: '', password: '', folder: 'INBOX', move_to: '' });
  const save = useSubmit();
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { move_to: moveTo, port, ...rest } = form;
    const body = { ...rest, port: Number(port), ...(moveTo.trim() ? { after_import: 'move', move_to: moveTo.trim() } : {}) };
    if (await save.submit(() => api.post('/v1/mailboxes', body), t('dashboard.mailboxes.added'))) props.onAdded();
  };
  const input = (key: keyof typeof form, type = 'text', required = true, hint?: string) => (
    <Field id={`${id}-${key}`} label={t(`dashboard.mailboxes.${key}`)} hint={hint}>
      <input id={`${id}-${key}`} type={type} required={required} value={form[key]} onChange={set(key)} />
    </Field>
  );
  return (
    <form className="panel form-grid" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 className="span-all" id={`${id}-title`}>{t('dashboard.mailboxes.add_title')}</h2>
      <p className="span-all hint">{t('dashboard.mailboxes.intro')}</p>
      {input('address', 'email')}
      {input('host')}
      {input('port', 'number')}
      <Field id={`${id}-tls`} label={t('dashboard.mailboxes.tls')}>
        <select id={`${id}-tls`} value={form.tls} onChange={set('tls')}>
          {TLS_MODES.map((mode) => <option key={mode} value={mode}>{t(`dashboard.mailboxes.tls_${mode}`)}</option>)}
        </select>
      </Field>
      {input('username')}
      {input('password', 'password')}
      {input('folder')}
      {input('move_to', 'text', false, t('dashboard.mailboxes.move_to_hint'))}
      <div className="span-all">
        <ErrorMessage error={save.error} title={t('dashboard.mailboxes.not_saved')} />
        <button type="submit" className="primary" disabled={save.busy}>{t('dashboard.mailboxes.add')}</button>
      </div>
    </form>
  );
}

function MailboxItem(props: { mailbox: Mailbox; onRemoved(): void }) {
  const { api, can } = useSession();
  const { t, locale, timeZone } = useI18n();
  const { mailbox: m } = props;
  const [probe, setProbe] = useState<Probe | null>(null);
  const [confirming, setConfirming] = useState(false);
  const action = useSubmit();
  const test = () => action.submit(async () => setProbe(await api.post<Probe>(`/v1/mailboxes/${m.id}/test`)), t('dashboard.mailboxes.tested'));
  const remove = () => action.submit(() => api.delete(`/v1/mailboxes/${m.id}`), t('dashboard.mailboxes.removed')).then((ok) => { if (ok) props.onRemoved(); });
  const { last_success_at: success, last_error: error, last_error_at: errorAt } = m.status;
  return (
    <li>
      <strong>{m.address}</strong> <span className="muted">{m.username}@{m.host}:{m.port} · {m.folder} · {m.tls}</span>
      <p>
        {m.after_import === 'move' ? t('dashboard.mailboxes.moves_to', { folder: m.move_to ?? '' }) : t('dashboard.mailboxes.marks_seen')}
        {' · '}
        {success ? t('dashboard.mailboxes.last_success', { at: formatWhen(locale, timeZone, success) }) : t('dashboard.mailboxes.not_read_yet')}
      </p>
      {error ? <p role="status" className="error">{t('dashboard.mailboxes.last_error', { at: errorAt ? formatWhen(locale, timeZone, errorAt) : '', error })}</p> : null}
      {probe ? (
        <p role="status">{probe.ok ? t('dashboard.mailboxes.test_ok', { count: String(probe.messages ?? 0) }) : t('dashboard.mailboxes.test_failed', { error: probe.error ?? '' })}</p>
      ) : null}
      <ErrorMessage error={action.error} />
      {can('workspace:manage') ? (
        <div className="button-row">
          <button type="button" disabled={action.busy} onClick={() => void test()}>{t('dashboard.mailboxes.test')}</button>
          {confirming ? (
            <>
              <button type="button" className="danger" disabled={action.busy} onClick={() => void remove()}>{t('dashboard.mailboxes.remove_confirm', { address: m.address })}</button>
              <button type="button" onClick={() => setConfirming(false)}>{t('dashboard.mailboxes.keep')}</button>
            </>
          ) : <button type="button" onClick={() => setConfirming(true)}>{t('dashboard.mailboxes.remove')}</button>}
        </div>
      ) : null}
    </li>
  );
}

/** IMAP mailboxes the workspace's mail is read from, with each reader's last success and last error. */
export function MailboxesSettings() {
  const { api } = useSession();
  const { t } = useI18n();
  const [reloads, setReloads] = useState(0);
  const list = useResource(`mailboxes:${reloads}`, () => api.get<{ data: Mailbox[] }>('/v1/mailboxes'));
  const reload = () => setReloads((n) => n + 1);
  return (
    <>
      <AddMailboxForm key={reloads} onAdded={reload} />
      <Panel title={t('dashboard.mailboxes.title')}>
        <ErrorMessage error={list.error} />
        {list.data?.data.length === 0 ? <Empty>{t('dashboard.mailboxes.empty')}</Empty> : (
          <ul className="ticket-list">
            {list.data?.data.map((m) => <MailboxItem key={m.id} mailbox={m} onRemoved={reload} />)}
          </ul>
        )}
      </Panel>
    </>
  );
}
