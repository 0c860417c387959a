import type { JsonBody, TestApi } from './http.js';
import { expectStatus } from './api-fixtures.js';
import { addAgent, putPolicy, teamQueue, uniqueTeam } from './routing-fixtures.js';

/** A policy with a front desk and one queue per escalation level, each with one available agent. */
export interface TieredDesk {
  front: string;
  tiers: [string, string, string];
  agents: { front: JsonBody; l1: JsonBody; l2: JsonBody; l3: JsonBody };
}

/** Saves a policy of four team queues (front, l1, l2, l3) with an agent each; every ticket starts at the front. */
export async function tieredDesk(api: TestApi): Promise<TieredDesk> {
  const teams = [uniqueTeam(), uniqueTeam(), uniqueTeam(), uniqueTeam()] as const;
  const [front, l1, l2, l3] = teams.map((team, i) => `${['front', 'l1', 'l2', 'l3'][i]}-${team}`) as [string, string, string, string];
  await putPolicy(api, {
    queues: [teamQueue(front, teams[0]), teamQueue(l1, teams[1]), teamQueue(l2, teams[2]), teamQueue(l3, teams[3])],
    rules: [],
    default: { queue: front },
  });
  const agents = {
    front: await addAgent(api, teams[0], 'Front'),
    l1: await addAgent(api, teams[1], 'Tier One'),
    l2: await addAgent(api, teams[2], 'Tier Two'),
    l3: await addAgent(api, teams[3], 'Tier Three'),
  };
  return { front, tiers: [l1, l2, l3], agents };
}

/** The escalation levels of a tiered desk: L1 and L2 (L3 left out on purpose), owners and informed agents. */
export function deskLevels(desk: TieredDesk): JsonBody[] {
  return [
    { level: 1, name: 'L1', queue: desk.tiers[0], owner: { role: 'supervisor' }, informed: [{ agent: desk.agents.front.id }] },
    { level: 2, name: 'L2', queue: desk.tiers[1], owner: { agent: desk.agents.l2.id }, informed: [{ agent: desk.agents.l1.id }, { role: 'admin' }] },
  ];
}

/** Saves an escalation config and returns it as presented. */
export async function putEscalation(api: TestApi, config: Record<string, unknown>): Promise<JsonBody> {
  return expectStatus(await api.call('PUT', '/v1/escalation', { body: config }), 200);
}

/** The ticket's escalation records, oldest first. */
export async function escalationsOf(api: TestApi, ticketId: string): Promise<JsonBody[]> {
  return expectStatus(await api.call('GET', `/v1/tickets/${ticketId}/escalations`), 200).data;
}

/** The ticket's whole history, oldest first. */
export async function historyOf(api: TestApi, ticketId: string): Promise<JsonBody[]> {
  return expectStatus(await api.call('GET', `/v1/tickets/${ticketId}/events?limit=200`), 200).data;
}

/** Creates an automation and returns it as presented. */
export async function postAutomation(api: TestApi, body: Record<string, unknown>): Promise<JsonBody> {
  return expectStatus(await api.call('POST', '/v1/automations', { body }), 201);
}

/** A bot hand-off body with sensible defaults. */
export function handoffBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    conversation_id: `conv-${Math.random().toString(36).slice(2)}`,
    mode: 'proactive',
    confidence: 0.4,
    intent: 'shipping',
    bot: { name: 'HelpBot' },
    transcript: [
      { from: 'customer', text: 'My parcel has not arrived. It was due last Tuesday and the tracking page shows nothing.' },
      { from: 'bot', text: 'I can check the tracking for you. What is your order number?' },
      { from: 'customer', text: 'The order number is 4471. The parcel tracking has not changed for a week.' },
      { from: 'bot', text: 'I could not find a tracking update for order 4471.' },
    ],
    attempts: [{ action: 'tracking lookup', outcome: 'failed', detail: 'carrier API had no scans' }],
    customer: { id: 'cus-1', name: 'Dewi Sartika', email: 'dewi@example.com', tier: 'pro' },
    customer_data: { plan: 'pro', orders: 12 },
    ...overrides,
  };
}
