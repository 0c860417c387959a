import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { ManualClock } from '../src/domain/shared/clock.js';
import { assertError, expectStatus } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { startTestApi, type JsonBody, type TestApi } from './helpers/http.js';

const MINUTE = 60_000;
const SIMULATED_HOURS = 8;

/** Each shipped template, installed into an empty workspace of its own and driven through the API. */
for (const backend of BACKENDS) {
  describe(`shipped templates at work (${backend.name})`, () => {
    // A Monday morning: every template's business hours (Jakarta to London) are open.
    const clock = new ManualClock(Date.parse('2026-03-02T08:00:00Z'));
    let api: TestApi;
    before(async () => {
      api = await startTestApi(backend, { clock });
    });
    after(() => api.close());

    /** A fresh workspace with the template applied: its admin token and its agents' ids by name. */
    async function install(name: string): Promise<{ token: string; agent: (name: string) => string }> {
      const token = await api.otherWorkspace(`${name}-${backend.name}`);
      expectStatus(await api.call('POST', `/v1/templates/${name}/apply`, { token }), 200);
      const agents: JsonBody[] = expectStatus(await api.call('GET', '/v1/agents?limit=100', { token }), 200).data;
      return { token, agent: (agentName) => agents.find((a) => a.name === agentName)!.id };
    }
    const create = async (token: string, body: JsonBody) => expectStatus(await api.call('POST', '/v1/tickets', { token, body }), 201);
    const read = async (token: string, id: string) => expectStatus(await api.call('GET', `/v1/tickets/${id}`, { token }), 200);
    const comments = async (token: string, id: string): Promise<JsonBody[]> => expectStatus(await api.call('GET', `/v1/tickets/${id}/comments`, { token }), 200).data;
    const watchers = async (token: string, id: string): Promise<string[]> => expectStatus(await api.call('GET', `/v1/tickets/${id}/watchers`, { token }), 200).data;
    /** Lets time pass as the worker would see it: SLA timers fire, then escalations and automations react. */
    const pass = async (minutes: number) => {
      clock.advance(minutes * MINUTE);
      await api.fireDueTimers();
      await api.runWorkflows();
    };
    /** Runs the template's own scenario on the workspace's policy, shortened, and checks its figures are sane. */
    async function simulate(token: string, name: string): Promise<JsonBody> {
      const bundle = JSON.parse(readFileSync(new URL(`../../templates/${name}.json`, import.meta.url), 'utf8'));
      const scenario = { ...bundle.scenario, duration_s: Math.min(bundle.scenario.duration_s, SIMULATED_HOURS * 3600), warmup_s: 0 };
      const [run] = expectStatus(await api.call('POST', '/v1/simulations', { token, body: scenario }), 200).policies;
      assert.ok(run.offered > 0 && run.answered > 0, `${name}: ${run.offered} offered, ${run.answered} answered`);
      for (const share of ['service_level', 'utilisation', 'abandonment']) assert.ok(run[share] >= 0 && run[share] <= 1, `${name} ${share} ${run[share]}`);
      assert.ok(run.asa_s >= 0, `${name} asa ${run.asa_s}`);
      return run;
    }

    it('IT service desk: access to identity, P1 to the on-call lead, changes wait for the board\'s approval, fields required', async () => {
      const { token, agent } = await install('it-service-desk');
      const access = await create(token, { title: 'Access to the ERP', type: 'service_request', fields: { request_kind: 'software_access', application: 'ERP' } });
      assert.deepEqual([access.queue, access.assignee], ['identity-access', agent('Rina Kusuma')]);
      assert.match((await comments(token, access.id))[0].body, /we have logged your request/);
      const outage = await create(token, { title: 'VPN down for everyone', type: 'incident', fields: { affected_service: 'vpn', impact: 'company' } });
      assert.deepEqual([outage.priority, outage.queue, outage.assignee], ['urgent', 'on-call-lead', agent('Wulan Hartono')]);
      assert.ok(outage.tags.includes('p1') && (await watchers(token, outage.id)).includes(agent('Hendra Wijaya')));
      const change = await create(token, { title: 'Upgrade the mail server', type: 'change_request', fields: { systems: 'mail', change_window: '2026-03-07', risk: 'medium', rollback_plan: 'Restore the snapshot.' } });
      const held = await read(token, change.id);
      assert.deepEqual([held.status, held.assignee, held.approval?.status], ['queued', null, 'awaiting'], 'waits for the board, unrouted');
      const board = expectStatus(await api.call('POST', '/v1/tokens', { token, body: { name: 'cab', role: 'agent', agent_id: agent('Hendra Wijaya') } }), 201).secret;
      assertError(await api.call('POST', `/v1/approvals/${held.approval.id}/approve`, { token }), 403, 'not_an_approver');
      expectStatus(await api.call('POST', `/v1/approvals/${held.approval.id}/approve`, { token: board, body: { comment: 'Window agreed.' } }), 200);
      const approved = await read(token, change.id);
      assert.deepEqual([approved.queue, approved.assignee, approved.tags.includes('cab-approved')], ['change-advisory', agent('Hendra Wijaya'), true]);
      const risky = await create(token, { title: 'Drop the old VPN', type: 'change_request', fields: { systems: 'vpn', change_window: '2026-03-09', risk: 'high', rollback_plan: 'None.' } });
      const riskyApproval = (await read(token, risky.id)).approval.id;
      expectStatus(await api.call('POST', `/v1/approvals/${riskyApproval}/reject`, { token: board, body: { comment: 'No rollback plan.' } }), 200);
      const rejected = await read(token, risky.id);
      assert.equal(rejected.status, 'closed');
      assert.ok((await comments(token, risky.id)).some((c) => c.visibility === 'public' && /not approved/.test(c.body)), 'the requester is told');
      const incomplete = await create(token, { title: 'Patch the firewall', type: 'change_request', fields: { systems: 'firewall' } });
      assert.deepEqual([incomplete.status, incomplete.approval], ['needs_info', null]);
      const complete = { systems: 'firewall', change_window: '2026-03-08', risk: 'high', rollback_plan: 'Reload the saved rules.' };
      expectStatus(await api.call('PATCH', `/v1/tickets/${incomplete.id}`, { token, body: { fields: complete } }), 200);
      assert.equal((await read(token, incomplete.id)).approval?.status, 'awaiting', 'asks the board once its fields are complete');
      assert.equal((await create(token, { title: 'Something broke', type: 'incident', fields: { affected_service: 'erp' } })).status, 'needs_info');
      await pass(16);
      const breached = await read(token, outage.id);
      assert.deepEqual([breached.escalation.level, breached.queue], [3, 'on-call-lead']);
      await simulate(token, 'it-service-desk');
    });

    it('customer support: billing to the specialist, refunds over 100 approved by a supervisor, an unsure bot hand-off to L2 with its packet, a VIP breach to L3', async () => {
      const { token, agent } = await install('customer-support-escalation');
      assert.equal((await create(token, { title: 'Help', type: 'support' })).status, 'needs_info');
      const billing = await create(token, { title: 'Charged twice for my order', type: 'support', fields: { category: 'billing', order_number: 'A-4471' } });
      assert.deepEqual([billing.queue, billing.assignee], ['billing', agent('Maja Berg')]);
      assert.equal(billing.approval, null, 'no refund asked for, no approval');
      const refund = await create(token, { title: 'Refund the broken blender', type: 'support', fields: { category: 'billing', order_number: 'A-4480', refund_amount: 250 } });
      const asked = await read(token, refund.id);
      assert.deepEqual([asked.approval?.status, asked.assignee !== null], ['awaiting', true], 'a refund over 100 waits for a supervisor while the work goes on');
      expectStatus(await api.call('POST', `/v1/approvals/${asked.approval.id}/approve`, { token, body: { comment: 'Within policy.' } }), 200);
      assert.ok((await read(token, refund.id)).tags.includes('refund-approved'));
      const small = await create(token, { title: 'Refund the lid', type: 'support', fields: { category: 'billing', refund_amount: 40 } });
      assert.equal(small.approval, null, 'small refunds need nobody');
      const handoff = expectStatus(await api.call('POST', '/v1/handoffs', { token, body: {
        conversation_id: 'chat-1', mode: 'proactive', confidence: 0.5, intent: 'billing', reason: 'could not find the invoice',
        transcript: [{ from: 'customer', text: 'I was billed for a plan I never ordered last month.' }, { from: 'bot', text: 'Let me look.' }],
        attempts: [{ action: 'invoice lookup', outcome: 'failed' }], customer: { id: 'c-1', name: 'Dewi', email: 'dewi@example.com' },
      } }), 201);
      const escalated = await read(token, handoff.ticket.id);
      assert.deepEqual([escalated.escalation.level, escalated.queue], [2, 'tier-2']);
      assert.ok(escalated.tags.includes('ai-handoff'));
      expectStatus(await api.call('GET', `/v1/tickets/${escalated.id}/handoff`, { token }), 200);
      assert.ok((await comments(token, escalated.id)).some((c) => /hand-off packet/.test(c.body)));
      const vip = await create(token, { title: 'The dashboard shows no data', type: 'support', fields: { category: 'technical' }, customer: { id: 'v-1', name: 'Acme', tier: 'vip' } });
      assert.deepEqual([vip.priority, vip.queue], ['high', 'tier-2']);
      await pass(31);
      const breached = await read(token, vip.id);
      assert.deepEqual([breached.escalation.level, breached.queue], [3, 'tier-3']);
      await simulate(token, 'customer-support-escalation');
    });

    it('incident response: SEV1 to the commander with stakeholders told, scheduled updates noted, fields required', async () => {
      const { token, agent } = await install('incident-response');
      const fields = { severity: 'sev1', kind: 'availability', affected_systems: 'checkout', situation_summary: 'Checkout returns 500 for all users since 07:55.' };
      const sev1 = await create(token, { title: 'Checkout down', type: 'incident', fields });
      assert.deepEqual([sev1.priority, sev1.queue, sev1.assignee], ['urgent', 'incident-command', agent('Priya Shah')]);
      assert.ok((await watchers(token, sev1.id)).includes(agent('Chloe Martin')));
      assert.match((await comments(token, sev1.id))[0].body, /Updates follow every 30 minutes/);
      const breach = await create(token, { title: 'Suspicious logins', type: 'incident', fields: { ...fields, severity: 'sev2', kind: 'security' } });
      assert.deepEqual([breach.queue, breach.assignee], ['security', agent('Jonas Aho')]);
      assert.equal((await create(token, { title: 'Slow search', type: 'incident', fields: { severity: 'sev3', kind: 'performance', affected_systems: 'search' } })).status, 'needs_info');
      await pass(6);
      assert.equal((await read(token, sev1.id)).escalation.level, 3, 'a SEV1 nobody answered in 5 minutes');
      await pass(35);
      assert.ok((await comments(token, sev1.id)).some((c) => c.visibility === 'internal' && /Stakeholder update due/.test(c.body)));
      await simulate(token, 'incident-response');
    });

    it('sales leads: region and industry to the right rep, big deals to the AE, a missed speed-to-lead escalates', async () => {
      const { token, agent } = await install('sales-lead-routing');
      const lead = (fields: JsonBody) => create(token, { title: 'Demo request', type: 'lead', fields, customer: { name: 'Ana', organization: 'Acme' } });
      const saas = await lead({ region: 'emea', industry: 'saas', deal_value: 12000, fit_score: 70 });
      assert.deepEqual([saas.queue, saas.assignee], ['emea-sales', agent('Sofia Lindqvist')]);
      const big = await lead({ region: 'apac', industry: 'finance', deal_value: 90000, fit_score: 80 });
      assert.deepEqual([big.priority, big.queue, big.assignee], ['high', 'enterprise-ae', agent('James Lee')]);
      const nurture = await lead({ region: 'apac', industry: 'other', deal_value: 1000, fit_score: 10 });
      assert.deepEqual([nurture.priority, nurture.queue], ['low', 'sdr-pool']);
      assert.equal((await lead({ industry: 'saas', deal_value: 5000 })).status, 'needs_info');
      await pass(6);
      assert.equal((await read(token, big.id)).escalation.level, 2, 'a hot lead past 5 minutes goes to the director');
      await simulate(token, 'sales-lead-routing');
    });

    it('QA triage: components to their teams, blockers to the team lead, critical bugs high, repro steps required', async () => {
      const { token, agent } = await install('qa-bug-triage');
      const bug = (fields: JsonBody) => create(token, { title: 'Broken', type: 'bug', fields: { steps_to_reproduce: '1. Open. 2. Click.', ...fields } });
      const ui = await bug({ component: 'frontend', severity: 'major' });
      assert.deepEqual([ui.queue, ui.assignee], ['frontend-team', agent('Lea Nieminen')]);
      assert.deepEqual([(await bug({ component: 'api', severity: 'minor' })).assignee], [agent('Ravi Kumar')]);
      const blocker = await bug({ component: 'backend', severity: 'blocker' });
      assert.deepEqual([blocker.priority, blocker.queue, blocker.assignee], ['urgent', 'team-lead', agent('Mikko Laine')]);
      assert.ok((await watchers(token, blocker.id)).includes(agent('Aino Korhonen')));
      assert.equal((await bug({ component: 'mobile', severity: 'critical' })).priority, 'high');
      assert.equal((await create(token, { title: 'Odd', type: 'bug', fields: { component: 'mobile', severity: 'minor' } })).status, 'needs_info');
      await pass(31);
      assert.equal((await read(token, blocker.id)).escalation.level, 3);
      await simulate(token, 'qa-bug-triage');
    });

    it('agency: work by type to whoever is free, urgent client changes to the senior lead, deadlines at risk escalate', async () => {
      const { token, agent } = await install('agency-work-distribution');
      const request = (fields: JsonBody, extra: JsonBody = {}) => create(token, { title: 'Client work', type: 'client_request', fields: { client: 'Nordic Oat', brief: 'Spring campaign.', ...fields }, ...extra });
      const design = await request({ work_type: 'design_revision' });
      assert.deepEqual([design.queue, design.assignee], ['design', agent('Siiri Heikkinen')]);
      assert.equal((await request({ work_type: 'social_post' })).queue, 'social');
      const urgent = await request({ work_type: 'client_change' }, { priority: 'urgent' });
      assert.deepEqual([urgent.queue, urgent.assignee], ['senior-lead', agent('Kaisa Lehtonen')]);
      assert.match((await comments(token, urgent.id))[0].body, /senior lead Kaisa Lehtonen is on it/);
      assert.equal((await create(token, { title: 'Copy', type: 'client_request', fields: { work_type: 'copywriting' } })).status, 'needs_info');
      await pass(16);
      assert.equal((await read(token, urgent.id)).escalation.level, 1, 'the warning at half the target reaches the senior lead');
      await simulate(token, 'agency-work-distribution');
    });

    it('field service: the nearest qualified technician, the customer told at each step, an address required', async () => {
      const { token, agent } = await install('field-service-dispatch');
      const order = (fields: JsonBody, extra: JsonBody = {}) => create(token, { title: 'No heating', type: 'work_order', customer: { name: 'Eva' },
        fields: { address: 'Storgatan 1, Sundbyberg', customer_phone: '+46 8 123 456', ...fields }, ...extra });
      const heating = await order({ service: 'hvac' }, { location: { lat: 59.3617, lon: 17.9719 } });
      assert.deepEqual([heating.queue, heating.assignee], ['hvac', agent('Ahmed Hassan')]);
      assert.match((await comments(token, heating.id))[0].body, /Ahmed Hassan will handle your hvac job/);
      expectStatus(await api.call('PATCH', `/v1/tickets/${heating.id}`, { token, body: { status: 'in_progress' } }), 200);
      expectStatus(await api.call('PATCH', `/v1/tickets/${heating.id}`, { token, body: { status: 'resolved' } }), 200);
      const replies = (await comments(token, heating.id)).filter((c) => c.visibility === 'public').map((c) => c.body);
      assert.ok(replies.some((b) => /has arrived/.test(b)) && replies.some((b) => /Rate the visit/.test(b)), replies.join(' | '));
      const unplaced = await order({ service: 'plumbing' });
      assert.deepEqual([unplaced.queue, unplaced.assignee, unplaced.tags.includes('needs-geocoding')], ['dispatch-desk', agent('Karin Dahl'), true]);
      assert.equal((await order({ service: 'electrical', address: '' })).status, 'needs_info');
      const emergency = await order({ service: 'electrical' }, { priority: 'urgent', location: { lat: 59.2, lon: 17.63 } });
      assert.equal(emergency.assignee, agent('Elin Svensson'));
      await pass(31);
      const escalated = await read(token, emergency.id);
      assert.deepEqual([escalated.escalation.level, escalated.queue], [2, 'senior-technicians']);
      await simulate(token, 'field-service-dispatch');
    });
  });
}
