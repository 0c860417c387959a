import { solves } from '../../src/domain/portal/proof-of-work.js';
import type { ManualClock } from '../../src/domain/shared/clock.js';
import { expectStatus } from './api-fixtures.js';
import type { JsonBody, TestApi } from './http.js';

/** A type the public form offers, with a field of each kind the tests fill in. */
export const HARDWARE_TYPE = {
  name: 'hardware',
  label: { en: 'Broken hardware', fi: 'Rikkinäinen laite', sv: 'Trasig utrustning', id: 'Perangkat rusak', zh: '硬件故障' },
  description: { en: 'A device that does not work', fi: 'Laite, joka ei toimi' },
  fields: [
    { key: 'serial', label: { en: 'Serial number', fi: 'Sarjanumero' }, kind: 'text', required: true, max_length: 40 },
    { key: 'floor', label: { en: 'Floor', fi: 'Kerros' }, kind: 'number', min: 0, max: 40 },
    { key: 'device', label: { en: 'Device', fi: 'Laite' }, kind: 'select', required: true, options: [{ value: 'laptop', label: { en: 'Laptop', fi: 'Kannettava' } }, { value: 'phone', label: { en: 'Phone', fi: 'Puhelin' } }] },
  ],
};

export const QUESTION_TYPE = { name: 'question', label: { en: 'A question', fi: 'Kysymys' }, fields: [] };

/** Shown to agents only: the form must not offer it. */
export const INTERNAL_TYPE = { name: 'internal_task', label: 'Internal task', portal: false, fields: [] };

/** Configures the form's types in the test workspace. */
export async function setUpPortalTypes(api: TestApi): Promise<void> {
  for (const type of [HARDWARE_TYPE, QUESTION_TYPE, INTERNAL_TYPE]) expectStatus(await api.call('PUT', `/v1/ticket-types/${type.name}`, { body: type }), 200);
}

/** A nonce that answers the challenge with the bits it asks. */
export function solve(challenge: string, bits: number): string {
  for (let nonce = 0; ; nonce++) if (solves(challenge, String(nonce), bits)) return String(nonce);
}

/** A solved challenge of the workspace, issued now. */
export async function solvedChallenge(api: TestApi, slug = 'main'): Promise<{ challenge: string; nonce: string }> {
  const issued = expectStatus(await api.call('POST', `/v1/portal/${slug}/challenge`, { token: '' }), 201);
  return { challenge: issued.challenge, nonce: solve(issued.challenge, issued.bits) };
}

/** A request as a person sends it: a solved challenge, then the form after a believable pause. */
export async function sendRequest(api: TestApi, body: Record<string, unknown>, slug = 'main') {
  const answer = await solvedChallenge(api, slug);
  (api.clock as ManualClock).advance(10_000);
  return api.call('POST', `/v1/portal/${slug}/requests`, { token: '', body: { ...answer, language: 'en', name: 'Ana Requester', email: 'ana@example.com', ...body } });
}

/** Sends a request that must be taken in and returns what the form answered. */
export async function submittedRequest(api: TestApi, body: Record<string, unknown>, slug = 'main'): Promise<JsonBody> {
  return expectStatus(await sendRequest(api, body, slug), 201);
}
