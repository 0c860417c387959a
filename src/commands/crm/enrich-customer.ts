import type { CustomerDirectory } from '../../domain/crm/customer-directory.js';
import type { JsonObject } from '../../domain/shared/json.js';
import type { Customer, TicketDraft } from '../../domain/ticket/ticket.js';

/**
 * What the CRM says of a customer; null without a CRM, without an id or e-mail to ask by, or
 * without an answer. Called before the write transaction, so a slow CRM never holds its lock.
 */
export async function lookupCustomer(directory: CustomerDirectory | null, customer: Partial<Customer> | null | undefined): Promise<JsonObject | null> {
  if (!directory || !customer || (!customer.id && !customer.email)) return null;
  return directory.lookup({ id: customer.id ?? null, email: customer.email?.trim().toLowerCase() ?? null });
}

/**
 * The draft with the CRM's answer kept on its customer (`customer.crm`); as it was when there is
 * none, or when the client gave `crm` itself (an import, an integration that did its own lookup).
 */
export async function enrichDraft(directory: CustomerDirectory | null, draft: TicketDraft): Promise<TicketDraft> {
  if (draft.customer?.crm !== undefined) return draft;
  const crm = await lookupCustomer(directory, draft.customer);
  return crm && draft.customer ? { ...draft, customer: { ...draft.customer, crm } } : draft;
}
