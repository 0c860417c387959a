import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { applyTemplateCommand } from '../src/commands/templates/apply-template.js';
import { systemContext, systemIds } from '../src/surfaces/runtime.js';
import { readTemplate } from '../src/surfaces/templates/read-template.js';
import { assertError, expectStatus } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { startTestApi, type JsonBody, type TestApi } from './helpers/http.js';

const bundleOf = (name: string): JsonBody => JSON.parse(readFileSync(new URL(`../../templates/${name}.json`, import.meta.url), 'utf8'));

/** The settings a workspace holds, in the order the API lists them, without ids and stamps. */
async function settings(api: TestApi, token: string): Promise<JsonBody> {
  const get = async (url: string) => expectStatus(await api.call('GET', url, { token }), 200);
  const exported = await get('/v1/templates/export');
  const { name: _n, title: _t, description: _d, ...rest } = exported;
  return rest;
}

/** Counts of a diff's statuses, without the sections. */
const countsOf = (diff: JsonBody) => diff.counts;

for (const backend of BACKENDS) {
  describe(`workflow templates: format, diff, apply, export (${backend.name})`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(backend);
    });
    after(() => api.close());

    it('lists the shipped templates as a gallery with counts per section', async () => {
      const gallery = expectStatus(await api.call('GET', '/v1/templates'), 200).data;
      assert.ok(gallery.length >= 7, `${gallery.length} templates`);
      const desk = gallery.find((t: JsonBody) => t.name === 'it-service-desk');
      assert.equal(desk.title, 'IT service desk');
      assert.ok(desk.counts.types >= 3 && desk.counts.agents >= 4 && desk.counts.scenario === 1);
      assertError(await api.call('GET', '/v1/templates/no-such-template'), 404, 'template_not_found');
    });

    it('refuses an invalid bundle with one 422 listing every mistake by its path, and changes nothing', async () => {
      const token = await api.otherWorkspace(`bad-${backend.name}`);
      const before = await settings(api, token);
      const bundle = bundleOf('it-service-desk');
      bundle.version = 'one';
      bundle.policy.rules[1].when = 'ticket.nope ==';
      bundle.sla_policies[1].targets.high.first_response.business_hours = 'Nowhere hours';
      bundle.escalation.levels[1].owner = { agent: '@nobody' };
      bundle.automations[0].actions[2].canned_response = 'No such reply';
      bundle.automations[1].actions[0].kind = 'dance';
      bundle.types[0].fields[0].options = [];
      bundle.business_hours[0].time_zone = 'Mars/Olympus';
      bundle.scenario.arrivals.rate_per_hour = -1;
      const refused = assertError(await api.call('POST', '/v1/templates/apply', { token, body: bundle }), 422, 'invalid_template');
      const paths = refused.errors.map((e: JsonBody) => e.path);
      for (const path of ['/version', '/policy/rules/1/when', '/sla_policies/1/targets/high/first_response/business_hours', '/escalation/levels/1/owner/agent',
        '/automations/0/actions/2/canned_response', '/automations/1/actions/0', '/types/0/fields/0/options', '/business_hours/0/time_zone', '/scenario/arrivals/rate_per_hour']) {
        assert.ok(paths.some((p: string) => p.startsWith(path)), `${path} in ${paths.join(', ')}`);
      }
      assertError(await api.call('POST', '/v1/templates/preview', { token, body: bundle }), 422, 'invalid_template');
      assert.deepEqual(await settings(api, token), before);
    });

    it('previews a diff, applies it, and a second apply finds everything unchanged', async () => {
      const token = await api.otherWorkspace(`twice-${backend.name}`);
      const preview = expectStatus(await api.call('POST', '/v1/templates/it-service-desk/preview', { token }), 200);
      assert.equal(preview.counts.changed + preview.counts.unchanged, 1, 'only the default target exists already');
      assert.ok(preview.sections.types.every((i: JsonBody) => i.status === 'added'));
      assert.deepEqual(preview.sections.policy.find((i: JsonBody) => i.key === 'queue:general').status, 'kept');
      assert.equal(expectStatus(await api.call('GET', '/v1/agents', { token }), 200).data.length, 0, 'a preview changes nothing');
      const applied = expectStatus(await api.call('POST', '/v1/templates/it-service-desk/apply', { token }), 200);
      assert.deepEqual(countsOf(applied), countsOf(preview));
      const again = expectStatus(await api.call('POST', '/v1/templates/it-service-desk/preview', { token }), 200);
      assert.deepEqual([again.counts.added, again.counts.changed, again.counts.removed], [0, 0, 0]);
      const policyVersion = expectStatus(await api.call('GET', '/v1/routing/policy', { token }), 200).version;
      expectStatus(await api.call('POST', '/v1/templates/it-service-desk/apply', { token }), 200);
      assert.equal(expectStatus(await api.call('GET', '/v1/routing/policy', { token }), 200).version, policyVersion, 'nothing was saved again');
      assert.equal(expectStatus(await api.call('GET', '/v1/agents', { token }), 200).data.length, 7);
    });

    it('shows changed items with before and after, keeps what the template leaves out, and removes it only with replace', async () => {
      const token = await api.otherWorkspace(`change-${backend.name}`);
      expectStatus(await api.call('POST', '/v1/templates/it-service-desk/apply', { token }), 200);
      expectStatus(await api.call('POST', '/v1/canned-responses', { token, body: { name: 'Local reply', body: 'Hello' } }), 201);
      const bundle = bundleOf('it-service-desk');
      bundle.canned_responses[0].body = 'Hi {{customer.name}}, logged as {{ticket.id}}.';
      const diff = expectStatus(await api.call('POST', '/v1/templates/preview', { token, body: bundle }), 200);
      const changed = diff.sections.canned_responses.find((i: JsonBody) => i.key === 'Request received');
      assert.equal(changed.status, 'changed');
      assert.match(changed.before.body, /we have logged/);
      assert.equal(changed.after.body, bundle.canned_responses[0].body);
      assert.equal(diff.sections.canned_responses.find((i: JsonBody) => i.key === 'Local reply').status, 'kept');
      const budi = expectStatus(await api.call('GET', '/v1/agents?limit=100', { token }), 200).data.find((a: JsonBody) => a.name === 'Budi Santoso');
      expectStatus(await api.call('PATCH', `/v1/agents/${budi.id}`, { token, body: { working_hours: { timezone: 'Asia/Jakarta', days: { mon: [{ start: '08:00', end: '12:00' }] } } } }), 200);
      const agentDiff = expectStatus(await api.call('POST', '/v1/templates/it-service-desk/preview', { token }), 200).sections.agents;
      assert.equal(agentDiff.find((i: JsonBody) => i.key === 'Budi Santoso').status, 'changed');
      expectStatus(await api.call('POST', '/v1/templates/it-service-desk/apply', { token }), 200);
      const reset = expectStatus(await api.call('POST', '/v1/templates/it-service-desk/preview', { token }), 200);
      assert.deepEqual([reset.counts.added, reset.counts.changed], [0, 0], 'a field the template leaves out is reset, not kept');
      const replacing = expectStatus(await api.call('POST', '/v1/templates/preview?replace=true', { token, body: bundle }), 200);
      assert.equal(replacing.sections.canned_responses.find((i: JsonBody) => i.key === 'Local reply').status, 'removed');
      expectStatus(await api.call('POST', '/v1/templates/apply?replace=true', { token, body: bundle }), 200);
      const names = expectStatus(await api.call('GET', '/v1/canned-responses', { token }), 200).data.map((c: JsonBody) => c.name);
      assert.ok(!names.includes('Local reply') && names.includes('Request received'));
      const queues = expectStatus(await api.call('GET', '/v1/routing/policy', { token }), 200).policy.queues.map((q: JsonBody) => q.id);
      assert.ok(!queues.includes('general'), 'replace drops the starter queue');
      const only = { format: 1, name: 'replies', version: '1.0.0', title: 'Replies', description: '', use_case: 'replies', canned_responses: [bundle.canned_responses[0]] };
      expectStatus(await api.call('POST', '/v1/templates/apply?replace=true', { token, body: only }), 200);
      const left = await settings(api, token);
      assert.deepEqual([left.canned_responses.length, left.types.length, left.agents.length], [1, 3, 7], 'sections the bundle leaves out stay as they are');
    });

    it('exports a workspace as a bundle that gives the same settings in an empty workspace', async () => {
      const source = await api.otherWorkspace(`export-${backend.name}`);
      expectStatus(await api.call('POST', '/v1/templates/customer-support-escalation/apply', { token: source }), 200);
      const exported = expectStatus(await api.call('GET', '/v1/templates/export', { token: source }), 200);
      assert.equal(exported.format, 1);
      assert.ok(exported.agents.every((a: JsonBody) => !('id' in a)));
      const target = await api.otherWorkspace(`import-${backend.name}`);
      expectStatus(await api.call('POST', '/v1/templates/apply', { token: target, body: exported }), 200);
      assert.deepEqual(await settings(api, target), await settings(api, source));
      const again = expectStatus(await api.call('POST', '/v1/templates/preview', { token: target, body: exported }), 200);
      assert.deepEqual([again.counts.added, again.counts.changed], [0, 0]);
    });

    it('applies all or nothing: a failure half-way leaves the workspace untouched', async () => {
      const token = await api.otherWorkspace(`atomic-${backend.name}`);
      const before = await settings(api, token);
      const workspaceId = expectStatus(await api.call('GET', '/v1/me', { token }), 200).workspace_id;
      const failure = new Error('the disk filled up half-way');
      await assert.rejects(api.db.store.transaction(async (tx) => {
        const ctx = systemContext(tx, workspaceId, systemIds(api.clock), api.clock);
        await applyTemplateCommand(ctx, readTemplate(bundleOf('it-service-desk')));
        assert.ok((await tx.agents.listAll(workspaceId)).length > 0, 'the apply got as far as the agents');
        throw failure;
      }), failure);
      assert.deepEqual(await settings(api, token), before);
      assert.equal(expectStatus(await api.call('GET', '/v1/agents', { token }), 200).data.length, 0);
    });

    it('keeps workspaces apart: applying in one leaves another as it was, and only admins apply or export', async () => {
      const first = await api.otherWorkspace(`tenant-a-${backend.name}`);
      const second = await api.otherWorkspace(`tenant-b-${backend.name}`);
      const before = await settings(api, second);
      expectStatus(await api.call('POST', '/v1/templates/sales-lead-routing/apply', { token: first }), 200);
      assert.deepEqual(await settings(api, second), before);
      const viewer = await api.token('viewer');
      expectStatus(await api.call('POST', '/v1/templates/sales-lead-routing/preview', { token: viewer }), 200);
      assertError(await api.call('POST', '/v1/templates/sales-lead-routing/apply', { token: viewer }), 403, 'forbidden');
      assertError(await api.call('GET', '/v1/templates/export', { token: viewer }), 403, 'forbidden');
    });
  });
}
