import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertError, expectStatus } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { startTestApi, type JsonBody, type TestApi } from './helpers/http.js';

const WORK_ORDER = {
  name: 'work_order',
  label: { en: 'Work order', fi: 'Työtilaus' },
  fields: [
    { key: 'address', label: { en: 'Address', fi: 'Osoite' }, kind: 'text', required: true },
    { key: 'visit_date', label: { en: 'Preferred date', fi: 'Toivottu päivä' }, kind: 'date', required: true },
    { key: 'floors', label: 'Floors', kind: 'number', min: 1, max: 200 },
    { key: 'access', label: 'Access', kind: 'select', options: [{ value: 'key' }, { value: 'doorman' }] },
  ],
};

for (const backend of BACKENDS) {
  describe(`ticket types (${backend.name})`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(backend);
      expectStatus(await api.call('PUT', '/v1/routing/policy', { body: { queues: [{ id: 'field', agents: 'false' }], rules: [], default: { queue: 'field' } } }), 200);
      expectStatus(await api.call('PUT', '/v1/ticket-types/work_order', { body: WORK_ORDER }), 200);
    });
    after(() => api.close());

    const comments = async (id: string) => expectStatus(await api.call('GET', `/v1/tickets/${id}/comments`), 200).data as JsonBody[];

    it('stores a type and lists it; a broken one is refused with every mistake and nothing saved', async () => {
      const listed = expectStatus(await api.call('GET', '/v1/ticket-types'), 200).data as JsonBody[];
      assert.deepEqual(listed.map((t) => t.name), ['work_order']);
      assert.equal(listed[0].version, 1);
      const broken = { name: 'broken', label: 'Broken', fields: [
        { key: 'a', label: 'A', kind: 'select' },
        { key: 'a', label: 'A again', kind: 'text', options: [{ value: 'x' }] },
        { key: 'n', label: 'N', kind: 'number', min: 5, max: 1 },
      ] };
      const refused = await api.call('PUT', '/v1/ticket-types/broken', { body: broken });
      assertError(refused, 422, 'invalid_ticket_type');
      assert.deepEqual(refused.body.error.details.errors.map((e: JsonBody) => e.path).sort(), ['/fields/0/options', '/fields/1/key', '/fields/1/options', '/fields/2/min']);
      assertError(await api.call('GET', '/v1/ticket-types/broken'), 404, 'ticket_type_not_found');
      assertError(await api.call('PUT', '/v1/ticket-types/other', { body: WORK_ORDER }), 400, 'validation_failed');
    });

    it('offers each custom field to expression editors, in both scopes, with its kind and type', async () => {
      const environment = expectStatus(await api.call('GET', '/v1/expressions/environment'), 200) as {
        scopes: Record<'routing' | 'workflow', { path: string; type: string; custom?: JsonBody }[]>;
        functions: { name: string }[];
      };
      for (const scope of ['routing', 'workflow'] as const) {
        const floors = environment.scopes[scope].find((field) => field.path === 'ticket.fields.floors');
        assert.deepEqual(floors, { path: 'ticket.fields.floors', type: 'dyn', custom: { kind: 'number', ticket_types: ['work_order'] } });
      }
      assert.ok(environment.scopes.workflow.some((field) => field.path === 'sla.breached'));
      assert.ok(!environment.scopes.routing.some((field) => field.path === 'sla.breached'));
      assert.ok(environment.functions.some((fn) => fn.name === 'contains_any'));
    });

    it('takes a ticket missing required fields as needs_info, tells the requester in their language, and routes it once complete', async () => {
      const created = expectStatus(await api.call('POST', '/v1/tickets', { body: {
        type: 'work_order', title: 'Lämmitys ei toimi', language: 'fi', fields: { floors: 3 },
      } }), 201);
      assert.equal(created.status, 'needs_info');
      assert.equal(created.queue, null, 'not routed while it waits for the requester');
      const [reply] = await comments(created.id);
      assert.equal(reply.visibility, 'public');
      assert.match(reply.body, /Osoite, Toivottu päivä/);
      assert.match(reply.body, /^Kiitos/);

      const patched = expectStatus(await api.call('PATCH', `/v1/tickets/${created.id}`, { body: { fields: { floors: 3, address: 'Hämeenkatu 1, Tampere', visit_date: '2026-12-01' } } }), 200);
      assert.equal(patched.status, 'queued');
      assert.equal(patched.queue, 'field', 'routed once nothing is missing, and the answer says so');
      assert.deepEqual(expectStatus(await api.call('GET', `/v1/tickets/${created.id}`), 200), patched);
    });

    it('refuses values that do not fit the fields, and creates nothing', async () => {
      const before = expectStatus(await api.call('GET', '/v1/tickets?type=work_order'), 200).data.length;
      const refused = await api.call('POST', '/v1/tickets', { body: {
        type: 'work_order', title: 'Bad', fields: { address: 'x', visit_date: '31.12.2026', floors: 'three', access: 'window' },
      } });
      assertError(refused, 422, 'invalid_fields');
      assert.deepEqual(refused.body.error.details.errors.map((e: JsonBody) => e.path).sort(), ['/fields/access', '/fields/floors', '/fields/visit_date']);
      assert.equal(expectStatus(await api.call('GET', '/v1/tickets?type=work_order'), 200).data.length, before);
    });

    it('leaves types it does not know alone, and deletes a type', async () => {
      const free = expectStatus(await api.call('POST', '/v1/tickets', { body: { type: 'custom_kind', title: 'Anything', fields: { floors: 'many' } } }), 201);
      assert.equal(free.status, 'queued');
      const other = await api.otherWorkspace('types-other');
      assertError(await api.call('GET', '/v1/ticket-types/work_order', { token: other }), 404, 'ticket_type_not_found');
      expectStatus(await api.call('PUT', '/v1/ticket-types/gone', { body: { name: 'gone', label: 'Gone', fields: [] } }), 200);
      assert.equal((await api.call('DELETE', '/v1/ticket-types/gone')).status, 204);
      assertError(await api.call('DELETE', '/v1/ticket-types/gone'), 404, 'ticket_type_not_found');
    });
  });
}
