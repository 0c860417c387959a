import { useId, useState, type FormEvent } from 'react';
import type { JsonObject } from '../../../src/domain/shared/json';
import { ErrorMessage } from '../components/ui';
import { navigate } from '../lib/router';
import { useSession } from '../lib/session';
import type { Ticket, TicketTypeDefinition } from '../lib/types';
import { useI18n } from '../lib/i18n-provider';
import { useResource } from '../lib/use-resource';
import { draftBody, EMPTY_DRAFT, TicketDraftFields } from './ticket-draft-fields';

/**
 * Creates a ticket as POST /v1/tickets would from any channel; it is routed at once and its page
 * opens. The fields of a configured type appear once it is chosen (docs/ticket-types.md).
 */
export function NewTicketForm(props: { onClose(): void }) {
  const { api } = useSession();
  const { t } = useI18n();
  const id = useId();
  const [form, setForm] = useState(EMPTY_DRAFT);
  const [fields, setFields] = useState<JsonObject>({});
  const types = useResource('ticket-types', () => api.get<{ data: TicketTypeDefinition[] }>('/v1/ticket-types')).data?.data ?? [];
  const type = types.find((candidate) => candidate.name === form.type);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const ticket = await api.post<Ticket>('/v1/tickets', draftBody(form, type ? fields : {}));
      navigate(`/tickets/${ticket.id}`);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };
  return (
    <form className="panel form-grid" onSubmit={submit} aria-label={t('dashboard.new_ticket.title')}>
      <h2 className="span-all">{t('dashboard.new_ticket.title')}</h2>
      <TicketDraftFields id={id} form={form} onForm={setForm} fields={fields} onFields={setFields} types={types} />
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
