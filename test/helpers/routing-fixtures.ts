import { ManualClock } from '../../src/domain/shared/clock.js';
import { createAgent, expectStatus, uniqueTag } from './api-fixtures.js';
import type { TestBackend } from './backends.js';
import { startTestApi, type JsonBody, type TestApi, type TestApiOptions } from './http.js';

/** Monday 2 March 2026, 09:00 UTC: where every routing scenario's clock starts. */
export const ROUTING_START = Date.parse('2026-03-02T09:00:00Z');

/** An app whose time moves only when the test says so (offer and step time-outs, shifts, ages). */
export async function startRoutingApi(
  backend: TestBackend, options: Omit<TestApiOptions, 'clock'> = {}, clock = new ManualClock(ROUTING_START),
): Promise<{ api: TestApi; clock: ManualClock }> {
  return { api: await startTestApi(backend, { ...options, clock }), clock };
}

/**
 * A clock that moves on by a millisecond each time it is read, as a real one does between two
 * steps of a request; the test still moves it by hand for longer spans.
 */
export class TickingClock extends ManualClock {
  override now(): number {
    const now = super.now();
    this.advance(1);
    return now;
  }
}

/**
 * A team name no other test uses. Queues select their members by team, so agents left over from
 * earlier tests of the same app never join a later test's queues.
 */
export function uniqueTeam(): string {
  return uniqueTag();
}

/** A queue whose members are the team's agents. */
export function teamQueue(id: string, team: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, agents: `'${team}' in agent.teams`, ...extra };
}

/** Saves a policy and returns the saved version as the API presents it. */
export async function putPolicy(api: TestApi, policy: Record<string, unknown>): Promise<JsonBody> {
  return expectStatus(await api.call('PUT', '/v1/routing/policy', { body: policy }), 200);
}

/** Adds an available agent in the team (or teams) given. */
export async function addAgent(api: TestApi, team: string, name: string, extra: Record<string, unknown> = {}): Promise<JsonBody> {
  return createAgent(api, { name, teams: [team], status: 'available', ...extra });
}

export async function getTicket(api: TestApi, id: string): Promise<JsonBody> {
  return expectStatus(await api.call('GET', `/v1/tickets/${id}`), 200);
}

/** The ticket's routing state and its decisions, newest first. */
export async function routingOf(api: TestApi, id: string): Promise<JsonBody> {
  return expectStatus(await api.call('GET', `/v1/tickets/${id}/routing`), 200);
}

/** The newest decision's explanation. */
export async function lastExplanation(api: TestApi, id: string): Promise<JsonBody> {
  return (await routingOf(api, id)).decisions[0].explanation;
}

/** What the agent holds and the offers waiting for their answer. */
export async function workOf(api: TestApi, agentId: string): Promise<JsonBody> {
  return expectStatus(await api.call('GET', `/v1/agents/${agentId}/work`), 200);
}

/** The types of the ticket's events, oldest first. */
export async function eventTypes(api: TestApi, id: string): Promise<string[]> {
  const page = expectStatus(await api.call('GET', `/v1/tickets/${id}/events?limit=200`), 200);
  return page.data.map((event: JsonBody) => event.type);
}
