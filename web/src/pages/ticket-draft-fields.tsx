import type { Dispatch, SetStateAction } from 'react';
import type { JsonObject } from '../../../src/domain/shared/json';
import { TypeField } from '../components/type-fields';
import { Field } from '../components/ui';
import { CHANNELS, PRIORITIES } from '../lib/format';
import { useI18n } from '../lib/i18n-provider';
import type { TicketTypeDefinition } from '../lib/types';

/** A ticket being written, as the form holds it (tags comma-separated). */
export const EMPTY_DRAFT = { title: '', description: '', type: 'support', channel: 'form', priority: 'normal', customerName: '', customerEmail: '', tier: '', tags: '' };
export type TicketDraftForm = typeof EMPTY_DRAFT;

/** The body of POST /v1/tickets (and of a dry run's ticket) for a written draft and its type's fields. */
export function draftBody(form: TicketDraftForm, fields: JsonObject) {
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
 * The fields of a ticket: title, type (and the fields the chosen type asks for), description,
 * channel, priority, customer and tags. The new-ticket form and the policy's sample ticket share it.
 */
export function TicketDraftFields(props: {
  id: string;
  form: TicketDraftForm;
  onForm(form: TicketDraftForm): void;
  fields: JsonObject;
  onFields: Dispatch<SetStateAction<JsonObject>>;
  types: TicketTypeDefinition[];
}) {
  const { t } = useI18n();
  const { id, form } = props;
  const type = props.types.find((candidate) => candidate.name === form.type);
  const set = (key: keyof TicketDraftForm) => (event: { target: { value: string } }) => props.onForm({ ...form, [key]: event.target.value });
  return (
    <>
      <Field id={`${id}-title`} label={t('dashboard.new_ticket.ticket_title')}>
        <input id={`${id}-title`} required maxLength={500} value={form.title} onChange={set('title')} />
      </Field>
      <Field id={`${id}-type`} label={t('dashboard.new_ticket.type')}>
        <input id={`${id}-type`} value={form.type} onChange={set('type')} pattern="[a-z][a-z0-9_]{0,39}" list={`${id}-types`} />
      </Field>
      <datalist id={`${id}-types`}>{props.types.map((candidate) => <option key={candidate.name} value={candidate.name} />)}</datalist>
      {type && type.fields.length > 0 ? (
        <fieldset className="span-all form-grid" aria-label={t('dashboard.new_ticket.fields_of', { type: type.name })}>
          {type.fields.map((field) => (
            <TypeField key={field.key} field={field} value={props.fields[field.key]} problem={undefined}
              onChange={(value) => props.onFields((current) => {
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
    </>
  );
}
