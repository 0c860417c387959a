import { DateTime } from 'luxon';
import { expectStatus, listAll, uniqueTag } from './api-fixtures.js';
import type { JsonBody, TestApi } from './http.js';

export const ZONE = 'Europe/Stockholm';

/** An instant from a Stockholm wall-clock time, e.g. stockholm('2024-03-01T16:00'). */
export function stockholm(local: string): number {
  return DateTime.fromISO(local, { zone: ZONE }).toMillis();
}

/** An ISO instant as a Stockholm wall-clock time, for readable assertions (null stays null). */
export function local(iso: string | null): string | null {
  return iso === null ? null : DateTime.fromISO(iso, { zone: ZONE }).toFormat("yyyy-MM-dd'T'HH:mm");
}

const NINE_TO_FIVE = [{ start: '09:00', end: '17:00' }];

/** 09:00–17:00 Monday to Friday in Stockholm, closed over Christmas 2024. */
export const OFFICE_HOURS = {
  name: 'Stockholm office',
  time_zone: ZONE,
  weekly: { mon: NINE_TO_FIVE, tue: NINE_TO_FIVE, wed: NINE_TO_FIVE, thu: NINE_TO_FIVE, fri: NINE_TO_FIVE },
  holidays: [{ date: '2024-12-24', name: 'Julafton' }, { date: '2024-12-25', name: 'Juldagen' }, { date: '2024-12-26', name: 'Annandag jul' }],
};

export async function addBusinessHours(api: TestApi, body: Record<string, unknown> = OFFICE_HOURS): Promise<JsonBody> {
  return expectStatus(await api.call('POST', '/v1/business-hours', { body }), 201);
}

/**
 * Adds a policy that applies only to tickets with a tag of their own (so the policies of earlier
 * cases in the same workspace never match), and returns the tag with the policy.
 */
export async function addTaggedPolicy(api: TestApi, targets: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<{ tag: string; policy: JsonBody }> {
  const tag = uniqueTag();
  const body = { name: `policy ${tag}`, condition: `'${tag}' in ticket.tags`, targets, ...extra };
  return { tag, policy: expectStatus(await api.call('POST', '/v1/sla-policies', { body }), 201) };
}

/** One metric's clock as GET /v1/tickets/:id shows it. */
export async function clockOf(api: TestApi, ticketId: string, metric: string): Promise<JsonBody> {
  const ticket = expectStatus(await api.call('GET', `/v1/tickets/${ticketId}`), 200);
  return ticket.sla?.metrics.find((m: JsonBody) => m.metric === metric);
}

/** The ticket's `sla.*` events, oldest first, as [type, metric]. */
export async function slaEvents(api: TestApi, ticketId: string): Promise<[string, string][]> {
  const events = await listAll(api, `/v1/tickets/${ticketId}/events?limit=200`);
  return events.filter((e: JsonBody) => e.type === 'sla.warning' || e.type === 'sla.breached').map((e: JsonBody) => [e.type, e.data.metric]);
}

/** Posts a public reply as an agent or the requester. */
export async function reply(api: TestApi, ticketId: string, kind: 'agent' | 'customer'): Promise<void> {
  expectStatus(await api.call('POST', `/v1/tickets/${ticketId}/comments`, { body: { body: `a ${kind} reply`, author: { kind, id: `${kind}-1` } } }), 201);
}

export async function patchTicket(api: TestApi, ticketId: string, body: Record<string, unknown>): Promise<JsonBody> {
  return expectStatus(await api.call('PATCH', `/v1/tickets/${ticketId}`, { body }), 200);
}
