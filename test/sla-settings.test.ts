import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertError, expectStatus } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { startTestApi, type JsonBody, type TestApi } from './helpers/http.js';
import { OFFICE_HOURS, addBusinessHours } from './helpers/sla-fixtures.js';

const policy = (name: string, extra: Record<string, unknown> = {}) => ({ name, condition: 'true', targets: { normal: { resolution: { minutes: 60 } } }, ...extra });

for (const backend of BACKENDS) {
  describe(`SLA settings API (${backend.name})`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(backend);
    });
    after(() => api.close());

    /** The `{path, message}` errors of a refused body, and that nothing new was saved. */
    const refused = async (url: string, body: unknown, code: 'invalid_business_hours' | 'invalid_sla_policy', method: 'POST' | 'PUT' = 'POST'): Promise<string[]> => {
      const listUrl = url.startsWith('/v1/business-hours') ? '/v1/business-hours' : '/v1/sla-policies';
      const before = expectStatus(await api.call('GET', listUrl), 200).data;
      const details = assertError(await api.call(method, url, { body }), 422, code);
      assert.deepEqual(expectStatus(await api.call('GET', listUrl), 200).data, before, 'nothing was saved');
      return details.errors.map((e: JsonBody) => e.path);
    };

    it('creates, reads, replaces and lists business hours', async () => {
      const created = await addBusinessHours(api);
      assert.deepEqual([created.name, created.time_zone, created.weekly.mon, created.holidays.length, created.version], ['Stockholm office', 'Europe/Stockholm', [{ start: '09:00', end: '17:00' }], 3, 1]);
      assert.deepEqual(expectStatus(await api.call('GET', `/v1/business-hours/${created.id}`), 200), created);
      const replaced = expectStatus(await api.call('PUT', `/v1/business-hours/${created.id}`, { body: { ...OFFICE_HOURS, name: 'Renamed', holidays: [], version: 1 } }), 200);
      assert.deepEqual([replaced.name, replaced.holidays, replaced.version], ['Renamed', [], 2]);
      assertError(await api.call('PUT', `/v1/business-hours/${created.id}`, { body: { ...OFFICE_HOURS, version: 1 } }), 409, 'version_conflict');
      assert.ok(expectStatus(await api.call('GET', '/v1/business-hours'), 200).data.some((h: JsonBody) => h.id === created.id));
      assertError(await api.call('GET', '/v1/business-hours/bhr_missing'), 404, 'business_hours_not_found');
    });

    it('refuses mistaken business hours with the path of each mistake, and saves nothing', async () => {
      const weekly = { mon: [{ start: '09:00', end: '17:00' }] };
      assert.deepEqual(await refused('/v1/business-hours', { ...OFFICE_HOURS, time_zone: 'Europe/Stokholm' }, 'invalid_business_hours'), ['/time_zone']);
      assert.deepEqual(await refused('/v1/business-hours', { ...OFFICE_HOURS, weekly: { ...weekly, tue: [{ start: '17:00', end: '09:00' }] } }, 'invalid_business_hours'), ['/weekly/tue/0/end']);
      assert.deepEqual(await refused('/v1/business-hours', {
        ...OFFICE_HOURS, weekly: { wed: [{ start: '09:00', end: '12:00' }, { start: '11:00', end: '13:00' }] },
      }, 'invalid_business_hours'), ['/weekly/wed/1']);
      assert.deepEqual(await refused('/v1/business-hours', { ...OFFICE_HOURS, weekly: { thu: [{ start: '9am', end: '25:00' }] } }, 'invalid_business_hours'), ['/weekly/thu/0/start', '/weekly/thu/0/end']);
      assert.deepEqual(await refused('/v1/business-hours', { ...OFFICE_HOURS, weekly: {} }, 'invalid_business_hours'), ['/weekly']);
      assert.deepEqual(await refused('/v1/business-hours', { ...OFFICE_HOURS, holidays: [{ date: '2024-02-30' }] }, 'invalid_business_hours'), ['/holidays/0/date']);
      assertError(await api.call('POST', '/v1/business-hours', { body: { ...OFFICE_HOURS, colour: 'blue' } }), 400, 'validation_failed');
    });

    it('keeps policies in order, adds at the end, reorders, replaces in place and removes', async () => {
      const first = expectStatus(await api.call('POST', '/v1/sla-policies', { body: policy('first') }), 201);
      const second = expectStatus(await api.call('POST', '/v1/sla-policies', { body: policy('second', { warn_at: 0.5 }) }), 201);
      assert.deepEqual([second.warn_at, first.warn_at, second.condition], [0.5, 0.75, 'true']);
      const names = async () => expectStatus(await api.call('GET', '/v1/sla-policies'), 200).data.map((p: JsonBody) => p.name);
      assert.deepEqual(await names(), ['first', 'second']);
      const reordered = expectStatus(await api.call('PUT', '/v1/sla-policies/order', { body: { ids: [second.id, first.id] } }), 200);
      assert.deepEqual(reordered.data.map((p: JsonBody) => p.name), ['second', 'first']);
      assert.deepEqual(await refused('/v1/sla-policies/order', { ids: [second.id, second.id] }, 'invalid_sla_policy', 'PUT'), ['/ids/1', '/ids']);
      const replaced = expectStatus(await api.call('PUT', `/v1/sla-policies/${first.id}`, { body: policy('first, renamed', { version: 1 }) }), 200);
      assert.deepEqual([replaced.version, replaced.position], [2, 1]);
      assert.deepEqual(await names(), ['second', 'first, renamed']);
      expectStatus(await api.call('DELETE', `/v1/sla-policies/${second.id}`), 204);
      assertError(await api.call('GET', `/v1/sla-policies/${second.id}`), 404, 'sla_policy_not_found');
      expectStatus(await api.call('DELETE', `/v1/sla-policies/${first.id}`), 204);
    });

    it('refuses mistaken policies with the path of each mistake, and saves nothing', async () => {
      const targets = (minutes: number, extra: Record<string, unknown> = {}) => ({ high: { first_response: { minutes, ...extra } } });
      assert.deepEqual(await refused('/v1/sla-policies', policy('zero', { targets: targets(0) }), 'invalid_sla_policy'), ['/targets/high/first_response/minutes']);
      assert.deepEqual(await refused('/v1/sla-policies', policy('negative', { targets: targets(-5) }), 'invalid_sla_policy'), ['/targets/high/first_response/minutes']);
      assert.deepEqual(await refused('/v1/sla-policies', policy('nowhere', { targets: targets(60, { business_hours: 'bhr_nowhere' }) }), 'invalid_sla_policy'), ['/targets/high/first_response/business_hours']);
      assert.deepEqual(await refused('/v1/sla-policies', policy('share', { warn_at: 1.5 }), 'invalid_sla_policy'), ['/warn_at']);
      const details = assertError(await api.call('POST', '/v1/sla-policies', { body: policy('typo', { condition: "ticket.custmer.tier == 'vip'" }) }), 422, 'invalid_sla_policy');
      assert.equal(details.errors[0].path, '/condition');
      assert.deepEqual(details.errors[0].position, { offset: 7, line: 1, column: 8, length: 7 });
      assert.deepEqual(await refused('/v1/sla-policies', policy('not bool', { condition: 'ticket.priority' }), 'invalid_sla_policy'), ['/condition']);
      assertError(await api.call('POST', '/v1/sla-policies', { body: policy('no such metric', { targets: { high: { reply: { minutes: 5 } } } }) }), 400, 'validation_failed');
    });

    it('will not remove business hours a policy counts in', async () => {
      const hours = await addBusinessHours(api);
      const user = expectStatus(await api.call('POST', '/v1/sla-policies', { body: policy('office', { targets: { low: { resolution: { minutes: 60, business_hours: hours.id } } } }) }), 201);
      assert.deepEqual(assertError(await api.call('DELETE', `/v1/business-hours/${hours.id}`), 409, 'business_hours_in_use'), { policies: [user.id] });
      expectStatus(await api.call('DELETE', `/v1/sla-policies/${user.id}`), 204);
      expectStatus(await api.call('DELETE', `/v1/business-hours/${hours.id}`), 204);
    });

    it('lets every role read SLA settings and only admins and supervisors change them', async () => {
      for (const role of ['agent', 'viewer'] as const) {
        const token = await api.token(role);
        expectStatus(await api.call('GET', '/v1/sla-policies', { token }), 200);
        assertError(await api.call('POST', '/v1/sla-policies', { token, body: policy(role) }), 403, 'forbidden');
        assertError(await api.call('POST', '/v1/business-hours', { token, body: OFFICE_HOURS }), 403, 'forbidden');
      }
      const supervisor = await api.token('supervisor');
      const saved = expectStatus(await api.call('POST', '/v1/sla-policies', { token: supervisor, body: policy('by a supervisor') }), 201);
      expectStatus(await api.call('DELETE', `/v1/sla-policies/${saved.id}`, { token: supervisor }), 204);
    });

    it('keeps workspaces apart', async () => {
      const hours = await addBusinessHours(api);
      const other = await api.otherWorkspace(`other-${backend.name}-sla`);
      assertError(await api.call('GET', `/v1/business-hours/${hours.id}`, { token: other }), 404, 'business_hours_not_found');
      assert.deepEqual(expectStatus(await api.call('GET', '/v1/business-hours', { token: other }), 200).data, []);
    });
  });
}
