import { useId, useState, type FormEvent } from 'react';
import type { JsonObject } from '../../../src/domain/shared/json';
import { TypeField } from '../components/type-fields';
import { ErrorMessage, Field } from '../components/ui';
import { CHANNELS, PRIORITIES } from '../lib/format';
import { navigate } from '../lib/router';
import { useSession } from '../lib/session';
import type { Ticket, TicketTypeDefinition } from '../lib/types';
import { useI18n } from '../lib/i18n-provider';
import { useResource } from '../lib/use-resource';

const EMPTY = { title: '', description: '', type: 'support', channel: 'form', priority: 'normal', customerName: '', customerEmail: '', tier: '', tags: '' };

function bodyOf(form: typeof EMPTY, fields: JsonObject) {
  const tags = form.tags.split(',').map((tag) => tag.trim()).filter(Boolean);
  const customer = form.customerName || form.customerEmail || form.tier
    ? { name: form.customerName || null, email: form.customerEmail || null, tier: form.tier || null }
    : undefined;
  return {
    title: form.title,
    description: form.description,
    type: form.type,
    channel: form.channel,
    priority: form.priority,
    ...(customer ? { customer } : {}),
    ...(tags.length > 0 ? { tags } : {}),
    ...(Object.keys(fields).length > 0 ? { fields } : {}),
  };
}

/**
 * Creates a ticket as POST /v1/tickets would from any channel; it is routed at once and its page
 * opens. The fields of a configured type appear once it is chosen (docs/ticket-types.md).
 */
export function NewTicketForm(props: { onClose(): void }) {
  const { api } = useSession();
  const { t } = useI18n();
  const id = useId();
  const [form, setForm] = useState(EMPTY);
  const [fields, setFields] = useState<JsonObject>({});
  const types = useResource('ticket-types', () => api.get<{ data: TicketTypeDefinition[] }>('/v1/ticket-types')).data?.data ?? [];
  const type = types.find((candidate) => candidate.name === form.type);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof EMPTY) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const ticket = await api.post<Ticket>('/v1/tickets', bodyOf(form, type ? fields : {}));
      navigate(`/tickets/${ticket.id}`);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };
  return (
    <form className="panel form-grid" onSubmit={submit} aria-label={t('dashboard.new_ticket.title')}>
      <h2 className="span-all">{t('dashboard.new_ticket.title')}</h2>
      <Field id={`${id}-title`} label={t('dashboard.new_ticket.ticket_title')}>
        <input id={`${id}-title`} required maxLength={500} value={form.title} onChange={set('title')} />
      </Field>
      <Field id={`${id}-type`} label={t('dashboard.new_ticket.type')}>
        <input id={`${id}-type`} value={form.type} onChange={set('type')} pattern="[a-z][a-z0-9_]{0,39}" list={`${id}-types`} />
      </Field>
      <datalist id={`${id}-types`}>{types.map((candidate) => <option key={candidate.name} value={candidate.name} />)}</datalist>
      {type && type.fields.length > 0 ? (
        <fieldset className="span-all form-grid" aria-label={t('dashboard.new_ticket.fields_of', { type: type.name })}>
          {type.fields.map((field) => (
            <TypeField key={field.key} field={field} value={fields[field.key]} problem={undefined}
              onChange={(value) => setFields((current) => {
                const { [field.key]: _old, ...rest } = current;
                return value === undefined ? rest : { ...rest, [field.key]: value };
              })} />
          ))}
        </fieldset>
      ) : null}
      <div className="span-all">
        <Field id={`${id}-description`} label={t('dashboard.new_ticket.description')}>
          <textarea id={`${id}-description`} rows={4} value={form.description} onChange={set('description')} />
        </Field>
      </div>
      <Field id={`${id}-channel`} label={t('dashboard.new_ticket.channel')}>
        <select id={`${id}-channel`} value={form.channel} onChange={set('channel')}>{CHANNELS.map((c) => <option key={c} value={c}>{t(`dashboard.new_ticket.channel_${c}`)}</option>)}</select>
      </Field>
      <Field id={`${id}-priority`} label={t('dashboard.new_ticket.priority')}>
        <select id={`${id}-priority`} value={form.priority} onChange={set('priority')}>{PRIORITIES.map((p) => <option key={p} value={p}>{t(`dashboard.priority.${p}`)}</option>)}</select>
      </Field>
      <Field id={`${id}-customer`} label={t('dashboard.new_ticket.customer_name')}>
        <input id={`${id}-customer`} value={form.customerName} onChange={set('customerName')} />
      </Field>
      <Field id={`${id}-email`} label={t('dashboard.new_ticket.customer_email')}>
        <input id={`${id}-email`} type="email" value={form.customerEmail} onChange={set('customerEmail')} />
      </Field>
      <Field id={`${id}-tier`} label={t('dashboard.new_ticket.customer_tier')} hint={t('dashboard.new_ticket.tier_hint')}>
        <input id={`${id}-tier`} value={form.tier} onChange={set('tier')} />
      </Field>
      <Field id={`${id}-tags`} label={t('dashboard.new_ticket.tags')} hint={t('dashboard.new_ticket.tags_hint')}>
        <input id={`${id}-tags`} value={form.tags} onChange={set('tags')} />
      </Field>
      <div className="span-all">
        <ErrorMessage error={error} title={t('dashboard.new_ticket.not_created')} />
        <div className="button-row">
          <button type="submit" className="primary" disabled={busy}>{busy ? t('dashboard.new_ticket.creating') : t('dashboard.new_ticket.create')}</button>
          <button type="button" onClick={props.onClose}>{t('dashboard.new_ticket.cancel')}</button>
        </div>
      </div>
    </form>
  );
}
