import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { containsText, gone, hasAttribute, hasText, hasValue, shown } from './helpers/browser.js';
import { BROWSER_SKIP, browserSuite } from './helpers/browser-suite.js';
import { serverApi, startServer, type ServerProcess } from './helpers/server-process.js';

const ADMIN = `sb_browser_${randomBytes(12).toString('hex')}`;
const LAPTOP = { width: 1366, height: 850 };
const PHONE = { width: 390, height: 844 };
const DESK = { width: 1440, height: 900 };

interface Json {
  [key: string]: unknown;
}

function api<T = Json>(server: ServerProcess, method: string, path: string, body?: unknown, token = ADMIN): Promise<T> {
  return serverApi<T>(server, token, method, path, body);
}

interface Agent {
  id: string;
  name: string;
  status: string;
}

interface Ticket {
  id: string;
  status: string;
  queue: string | null;
  assignee: string | null;
}

describe('web dashboard in Chromium', { skip: BROWSER_SKIP }, () => {
  const suite = browserSuite('browser', (dir) => startServer(['--db', join(dir, 'demo.db')], ADMIN, { demo: true }));
  let offerAgent: Agent;
  let offerToken: string;
  let leavingAgent: Agent;

  const signedIn = (token = ADMIN, size = LAPTOP) => suite.signedIn(token, size);

  before(async () => {
    const server = suite.server;
    // Two agents of the demo team get a queue of their own: one answers offers, one goes offline.
    const agents = (await api<{ data: Agent[] }>(server, 'GET', '/v1/agents?status=available&limit=200')).data;
    [offerAgent, leavingAgent] = [agents[0]!, agents[1]!];
    const { policy } = await api<{ policy: { queues: Json[]; rules: Json[] } }>(server, 'GET', '/v1/routing/policy');
    await api(server, 'PUT', '/v1/routing/policy', {
      ...policy,
      queues: [
        { id: 'offers', agents: `agent.id == '${offerAgent.id}'`, strategy: 'round_robin', mode: 'offer', offer_timeout: '30m' },
        { id: 'solo', agents: `agent.id == '${leavingAgent.id}'`, strategy: 'round_robin' },
        ...policy.queues,
      ],
      rules: [
        { name: 'offer test', when: "'offer-test' in ticket.tags", targets: [{ queue: 'offers' }] },
        { name: 'solo test', when: "'solo-test' in ticket.tags", targets: [{ queue: 'solo' }] },
        ...policy.rules,
      ],
    });
    // Without working hours they are on shift whenever the suite runs (the demo team's shifts span time zones).
    for (const agent of [offerAgent, leavingAgent]) await api(server, 'PATCH', `/v1/agents/${agent.id}`, { capacity: { email: 100, chat: 3, phone: 1 }, working_hours: null });
    offerToken = (await api<{ secret: string }>(server, 'POST', '/v1/tokens', { name: 'browser agent', role: 'agent', agent_id: offerAgent.id })).secret;
  });

  it('serves a page with no inline script, under a content security policy', async () => {
    const response = await fetch(suite.server.base);
    const html = await response.text();
    assert.match(response.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.ok(scripts.length > 0);
    for (const tag of scripts) assert.match(tag, /\bsrc="\/assets\//, `an inline script in index.html: ${tag}`);
    assert.doesNotMatch(html, /<style\b|\son[a-z]+=/i);
  });

  it('signs in with a token, refuses a wrong one, and shows the overview', async () => {
    const tab = await suite.tab(LAPTOP);
    const { page } = tab;
    await page.goto(suite.server.base);
    await page.getByLabel('API token').fill('sb_not_a_real_token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await containsText(page.getByRole('alert'), 'Could not sign in');
    await page.getByLabel('API token').fill(ADMIN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await shown(page.getByRole('heading', { name: 'Overview', level: 1 }));
    await shown(page.getByRole('heading', { name: 'Agents: load against capacity' }));
    await shown(page.getByRole('meter').first());
    await shown(page.locator('.live-live'));
    await tab.screenshot('overview');
    const phone = await signedIn(ADMIN, PHONE);
    await shown(phone.page.getByRole('heading', { name: 'Overview', level: 1 }));
    await phone.screenshot('overview-phone');
  });

  it('shows on first start what the demo desk does: running SLA clocks, escalated work, offers', async () => {
    const { page, screenshot } = await signedIn();
    const clocks = page.getByRole('region', { name: 'SLA timers about to breach' });
    await shown(clocks.getByRole('listitem').first());
    assert.equal(await clocks.getByText('No running SLA clocks.').count(), 0);
    const escalated = page.getByRole('region', { name: 'Escalated' });
    await shown(escalated.getByRole('listitem').first());
    await screenshot('first-look');
    const agents = (await api<{ data: Agent[] }>(suite.server, 'GET', '/v1/agents?limit=200')).data;
    const offered: Agent[] = [];
    for (const agent of agents) {
      const work = await api<{ offers: Json[] }>(suite.server, 'GET', `/v1/agents/${agent.id}/work`);
      if (work.offers.length > 0) offered.push(agent);
    }
    assert.ok(offered.length > 0, 'the demo made no offer');
    await page.goto(`${suite.server.base}/#/console?agent=${offered[0]!.id}`);
    await shown(page.locator('.offers li').first());
    await screenshot('console-offers');
  });

  it('creates a ticket through the form, with the fields of its type, and shows where it was routed and why', async () => {
    const { page, screenshot } = await signedIn();
    // A ticket no bot handed over has no packet to ask for, so its page asks for none (no 404 in the log).
    const handoffRequests: string[] = [];
    page.on('request', (request) => { if (request.url().includes('/handoff')) handoffRequests.push(request.url()); });
    await page.getByRole('link', { name: 'Tickets' }).click();
    await shown(page.getByRole('table'));
    await screenshot('tickets');
    await page.getByRole('button', { name: 'New ticket' }).click();
    const form = page.getByRole('form', { name: 'New ticket' });
    await form.getByLabel('Title').fill('Refund the double charge on invoice 4411');
    await form.getByLabel('Description').fill('I was charged twice this month.');
    await form.getByLabel('Tags').fill('invoice');
    assert.equal(await form.getByLabel('Invoice number').count(), 0, 'no type fields before a type with fields is chosen');
    await form.getByLabel('Type').fill('billing_question');
    await form.getByLabel('Invoice number').fill('4411');
    await form.getByLabel('Amount').fill('120');
    await form.getByRole('button', { name: 'Create and route' }).click();
    await hasText(page.getByRole('heading', { level: 1 }), 'Refund the double charge on invoice 4411');
    await hasText(page.getByTestId('ticket-queue'), 'billing');
    const created = await api<Ticket & { type: string; fields: Json }>(suite.server, 'GET', `/v1/tickets/${new URL(page.url()).hash.split('/').at(-1)}`);
    assert.deepEqual([created.type, created.fields], ['billing_question', { invoice_number: '4411', amount: 120 }]);
    const explanation = page.getByRole('region', { name: 'Routing explanation' });
    await hasText(explanation.getByText('Rule', { exact: true }).locator('xpath=following-sibling::dd[1]'), 'billing');
    await containsText(explanation.getByTestId('deciding-reason'), 'Rule “billing” sent it to queue billing.');
    await containsText(page.getByRole('region', { name: 'History' }), 'Created');
    await shown(page.getByRole('region', { name: 'Hand-off packet' }).getByText('Not handed over by a bot.'));
    assert.deepEqual(handoffRequests, []);
    await screenshot('ticket');
  });

  it('lets an agent accept an offer while its countdown runs', async () => {
    const ticket = await api<Ticket>(suite.server, 'POST', '/v1/tickets', { title: 'Printer offer for the agent', tags: ['offer-test'] });
    assert.equal(ticket.assignee, null, 'an offered ticket waits for the answer');
    const { page, screenshot } = await signedIn(offerToken);
    await page.getByRole('link', { name: 'My work' }).click();
    const offer = page.getByRole('listitem', { name: 'Offer: Printer offer for the agent' });
    await shown(offer.getByLabel(/Time to answer/));
    await screenshot('console');
    // `a` accepts the offer that holds the focus (the keyboard shortcut of the console).
    await offer.getByRole('link', { name: 'Printer offer for the agent' }).focus();
    await page.keyboard.press('a');
    const held = page.getByRole('region', { name: 'Tickets I hold' });
    await shown(held.getByRole('link', { name: 'Printer offer for the agent' }));
    await gone(offer);
    const after = await api<Ticket>(suite.server, 'GET', `/v1/tickets/${ticket.id}`);
    assert.equal(after.assignee, offerAgent.id);
    // The agent's token offers no policy editing.
    await shown(page.getByRole('link', { name: 'Routing policy' }));
    await page.getByRole('link', { name: 'Routing policy' }).click();
    await shown(page.getByText('Read only: this token may not change the policy.'));
  });

  it('lets a named approver find a held ticket under My work and approve it on the ticket page', async () => {
    const ticket = await api<Ticket>(suite.server, 'POST', '/v1/tickets', { title: 'Refund 180 EUR to the customer' });
    const approval = await api<{ id: string }>(suite.server, 'POST', `/v1/tickets/${ticket.id}/approvals`, {
      approvers: { agents: [offerAgent.id] }, reason: 'Refund over 100', on_approve: [{ kind: 'add_tags', tags: ['refund-approved'] }],
    });
    const { page, screenshot } = await signedIn(offerToken);
    await page.getByRole('link', { name: 'My work' }).click();
    const waiting = page.getByRole('region', { name: 'Awaiting my approval' });
    await waiting.getByRole('link', { name: 'Refund over 100' }).click();
    await hasText(page.getByRole('heading', { level: 1 }), 'Refund 180 EUR to the customer');
    const item = page.getByRole('region', { name: 'Approvals' }).getByRole('listitem', { name: 'Approval: Refund over 100' });
    await containsText(item, 'awaiting');
    await containsText(item, 'If approved: add tags');
    await shown(item.locator('button:disabled', { hasText: 'Reject' }));
    await screenshot('approval');
    await item.getByRole('button', { name: 'Approve' }).click();
    await containsText(item, 'Approved by');
    await gone(item.getByRole('button', { name: 'Approve' }));
    const decided = await api<{ status: string }>(suite.server, 'GET', `/v1/approvals/${approval.id}`);
    assert.equal(decided.status, 'approved');
    const tagged = await api<Ticket & { tags: string[] }>(suite.server, 'GET', `/v1/tickets/${ticket.id}`);
    assert.ok(tagged.tags.includes('refund-approved'));
  });

  it('moves an agent\'s not-yet-started work back to the queue when they go offline', async () => {
    const ticket = await api<Ticket>(suite.server, 'POST', '/v1/tickets', { title: 'Work that must move', tags: ['solo-test'] });
    assert.equal(ticket.assignee, leavingAgent.id);
    const { page } = await signedIn();
    await page.goto(`${suite.server.base}/#/console?agent=${leavingAgent.id}`);
    const held = page.getByRole('region', { name: 'Tickets I hold' });
    await shown(held.getByRole('link', { name: 'Work that must move' }));
    await page.getByLabel('Presence').selectOption('offline');
    await gone(held.getByRole('link', { name: 'Work that must move' }));
    const moved = await api<Ticket>(suite.server, 'GET', `/v1/tickets/${ticket.id}`);
    assert.equal(moved.assignee, null);
    assert.equal(moved.status, 'queued');
  });

  it('flags a broken policy expression at its place as it is typed', async () => {
    const { page, screenshot } = await signedIn();
    await page.getByRole('link', { name: 'Routing policy' }).click();
    const when = page.getByRole('textbox', { name: 'When (over ticket)' }).first();
    await hasText(when, "'offer-test' in ticket.tags");
    await when.fill("ticket.priority == 'high' &&");
    await hasAttribute(when, 'aria-invalid', 'true');
    const errorId = await when.getAttribute('aria-describedby');
    const error = page.locator(`[id="${errorId}"]`);
    await containsText(error, 'unexpected end of expression (line 1, column 29)');
    await shown(page.locator('.cm-lintRange-error'));
    await shown(page.locator('button:disabled', { hasText: 'Save policy' }));
    await screenshot('policy-error');
    await when.fill("ticket.priority == 'high'");
    await hasAttribute(when, 'aria-invalid', null);
    await shown(page.locator('button:enabled', { hasText: 'Save policy' }));
    await screenshot('policy');
  });

  it('shows ticket text as text and runs none of it', async () => {
    const script = '<script>window.__pwned = 1; alert("script")</script>';
    const image = '<img src=x onerror="window.__pwned = 2; alert(\'img\')">';
    const ticket = await api<Ticket>(suite.server, 'POST', '/v1/tickets', { title: script, description: image });
    await api(suite.server, 'POST', `/v1/tickets/${ticket.id}/comments`, { body: `<svg onload="window.__pwned = 3">${image}</svg>`, visibility: 'internal' });
    const tab = await signedIn();
    const { page } = tab;
    await page.goto(`${suite.server.base}/#/tickets/${ticket.id}`);
    await hasText(page.getByRole('heading', { level: 1 }), script);
    const conversation = page.getByRole('region', { name: 'Conversation' });
    await shown(conversation.getByText(image, { exact: true }));
    await shown(conversation.getByText(`<svg onload="window.__pwned = 3">${image}</svg>`, { exact: true }));
    await page.getByRole('link', { name: '← Tickets' }).click();
    await shown(page.getByRole('link', { name: script }));
    assert.equal(await page.locator('img[src="x"], svg[onload]').count(), 0);
    assert.equal(await page.evaluate('typeof window.__pwned'), 'undefined');
    assert.deepEqual(tab.dialogs, []);
  });

  it('fills a canned response into the reply box with the ticket\'s own values', async () => {
    const ticket = await api<Ticket>(suite.server, 'POST', '/v1/tickets', { title: 'Where is my parcel', customer: { email: 'rita@example.com', name: 'Rita' } });
    const { page } = await signedIn();
    await page.goto(`${suite.server.base}/#/tickets/${ticket.id}`);
    await page.getByLabel('Insert a canned response').selectOption({ label: 'Order number, please' });
    const reply = page.getByLabel('Reply to the requester');
    await shown(reply);
    assert.match(await reply.inputValue(), /^Hi Rita, could you send us the order number of this purchase\?/);
  });

  it('lays the ticket table out as cards on a phone, each title on a line of its own', async () => {
    const { page, screenshot } = await signedIn(ADMIN, PHONE);
    await page.goto(`${suite.server.base}/#/tickets`);
    const title = page.locator('.tickets-table td.title-cell').first();
    await shown(title);
    const box = await title.boundingBox();
    assert.ok(box !== null && box.width > 300, `the title cell is ${box?.width ?? 0} px wide`);
    await shown(page.locator('.tickets-table td[data-label="Status"]').first());
    await screenshot('tickets-phone');
  });

  it('honours ?lang= inside the dashboard\'s address: #/tickets?lang=fi opens in Finnish', async () => {
    const { page } = await signedIn();
    await page.goto(`${suite.server.base}/#/tickets?lang=fi`);
    await page.reload();
    await shown(page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Tiketit' }));
    assert.equal(await page.evaluate('document.documentElement.lang'), 'fi');
  });

  it('names strategies, outcomes, events, roles and durations in the chosen language, not as English ids', async () => {
    const ticket = await api<Ticket>(suite.server, 'POST', '/v1/tickets', { title: 'Kuitti puuttuu', channel: 'email', tags: ['offer-test'] });
    const { page } = await signedIn();
    await page.goto(`${suite.server.base}/#/tickets/${ticket.id}?lang=zh`);
    await page.reload();
    const explanation = page.getByRole('region', { name: '路由说明' });
    await containsText(explanation.locator('dl.facts'), '轮到下一位 (先推送)');
    // Offered, or queued when the queue's one member is at capacity: either way in words, not an id.
    await containsText(explanation.getByText('结果', { exact: true }).locator('xpath=following-sibling::dd[1]'), /^(已推送|排队中) ?/);
    await containsText(explanation, 'offer test (匹配)');
    await containsText(page.getByRole('region', { name: '历史' }), '已创建');
    await containsText(page.getByRole('region', { name: '历史' }), '已应用 SLA 策略');
    await containsText(page.locator('.facts-wide'), '支持 · 邮件');
    await hasText(page.locator('.whoami .role'), '管理员');
    await page.goto(`${suite.server.base}/#/reports?lang=zh`);
    await shown(page.getByLabel('核心指标'));
    const durations = await page.getByLabel('核心指标').locator('.stat-value').allTextContents();
    assert.ok(durations.some((text) => /\d(秒|分钟|小时|天)$/.test(text)), `durations in Chinese units: ${durations.join(' | ')}`);
    assert.ok(durations.every((text) => !/\d ?(s|min|h|d)$/.test(text)), `no English unit left: ${durations.join(' | ')}`);
  });

  it('draws every report panel or says it has no data, on a desk and a phone, and exports a table as CSV', async () => {
    for (const [size, name] of [[DESK, 'reports-desk'], [PHONE, 'reports-phone']] as const) {
      const { page, screenshot } = await signedIn(ADMIN, size);
      await page.goto(`${suite.server.base}/#/reports`);
      await shown(page.getByLabel('Headline figures'));
      await shown(page.getByRole('img', { name: /first response and resolution times in minutes/ }).locator('canvas'));
      const panels = page.locator('#main section.panel');
      for (let i = 0; i < (await panels.count()); i++) {
        const panel = panels.nth(i);
        // A chart, its "no data" state, or a table with rows (the leaderboard, the SLA targets).
        const shows = (await panel.locator('canvas').count()) + (await panel.locator('.empty').count()) + (await panel.locator('tbody tr').count());
        assert.ok(shows > 0, `the panel "${await panel.locator('h2').textContent()}" is blank`);
      }
      await screenshot(name);
      if (size !== DESK) continue;
      const filtered = page.waitForResponse((response) => /\/v1\/metrics\?.*channel=phone/.test(response.url()) && response.ok());
      await page.getByRole('form', { name: 'Filters' }).getByLabel('Channel').selectOption('phone');
      await filtered;
      await shown(page.getByRole('heading', { name: 'Agent leaderboard' }));
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Figures as CSV' }).click();
      const csv = readFileSync((await (await download).path())!, 'utf8');
      assert.match(csv, /^scope,key,label,created,resolved,backlog,/);
    }
  });

  it('charts the reports, or says plainly that metrics are unavailable, and shows the settings', async () => {
    const { page, screenshot } = await signedIn();
    await page.getByRole('link', { name: 'Reports' }).click();
    await shown(page.getByRole('heading', { name: 'Metrics unavailable' }).or(page.getByLabel('Headline figures')));
    await shown(page.getByRole('img', { name: /Open tickets per queue/ }).locator('canvas'));
    await screenshot('reports');
    await page.getByRole('link', { name: 'Settings' }).click();
    await shown(page.getByRole('heading', { name: 'Agents', exact: true }));
    await screenshot('settings-agents');
    for (const [tab, heading, name] of [
      ['SLA policies', 'SLA policies (first match wins)', 'settings-sla'],
      ['Business hours', 'Business hours', 'settings-hours'],
      ['Automations', 'Automations', 'settings-automations'],
      ['Knowledge base', 'Articles', 'settings-kb'],
      ['Escalation', 'Escalation levels', 'settings-escalation'],
      ['Canned responses', 'Canned responses', 'settings-canned'],
    ] as const) {
      await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: tab }).click();
      await shown(page.getByRole('heading', { name: heading, exact: true }));
      await screenshot(name);
    }
  });

  it('refuses a canned response with an unknown variable under its text, then saves a good one', async () => {
    const { page } = await signedIn();
    await page.goto(`${suite.server.base}/#/settings/canned`);
    const form = page.getByRole('form', { name: 'Add a canned response' });
    await form.getByLabel('Name').fill('Greeting');
    const text = form.getByLabel('Text');
    await text.fill('Hello {{customer.shoe_size}}');
    await form.getByRole('button', { name: 'Save canned response' }).click();
    await hasAttribute(text, 'aria-invalid', 'true');
    await containsText(page.locator(`[id="${await text.getAttribute('aria-describedby').then((ids) => ids!.split(' ')[1])}"]`), 'customer.shoe_size');
    await text.fill('Hello {{customer.name}}');
    await form.getByRole('button', { name: 'Save canned response' }).click();
    await shown(page.getByRole('region', { name: 'Canned responses' }).getByText('Hello {{customer.name}}'));
  });

  it('compares the policy in force with the editor\'s draft in the simulator and charts both', async () => {
    const { page, screenshot } = await signedIn();
    await page.getByRole('link', { name: 'Routing policy' }).click();
    await page.getByRole('button', { name: 'Compare in the simulator' }).click();
    await shown(page.getByRole('heading', { name: 'Simulator', level: 1 }));
    // The demo team, alike agents grouped, is the roster the form starts from; the draft stays as B.
    await containsText(page.getByTestId('sim-origin'), /The form starts from this workspace: \d+ tickets of the last 28 days and its \d+ agents\./);
    const groups = page.getByRole('group', { name: /^Agent group \d+$/ });
    const agents = (await api<{ data: Agent[] }>(suite.server, 'GET', '/v1/agents?limit=200')).data.length;
    const counts = await Promise.all((await groups.all()).map((group) => group.getByLabel('Number of agents').inputValue()));
    assert.equal(counts.reduce((sum, count) => sum + Number(count), 0), agents);
    await hasValue(page.getByLabel('Policy B', { exact: true }), 'pasted');
    await page.getByLabel('Arrivals per hour').fill('40');
    await page.getByLabel('Duration (hours)').fill('4');
    await page.getByLabel('Mean patience (seconds)').fill('300');
    await page.getByRole('button', { name: 'Run simulation' }).click();
    const figures = page.getByRole('region', { name: 'Figures per policy' });
    await shown(figures.getByRole('columnheader', { name: 'A (in force)' }));
    await shown(figures.getByRole('columnheader', { name: 'B (pasted)' }));
    await shown(figures.getByRole('rowheader', { name: 'Average speed of answer' }));
    await shown(page.getByRole('img', { name: /average speed of answer and wait percentiles/ }).locator('canvas'));
    await screenshot('simulator');
    const phone = await signedIn(ADMIN, PHONE);
    await phone.page.goto(`${suite.server.base}/#/simulator`);
    await phone.page.getByRole('button', { name: 'Run simulation' }).click();
    await shown(phone.page.getByRole('region', { name: 'Figures per policy' }).getByRole('columnheader', { name: 'A (in force)' }));
    await phone.screenshot('simulator-phone');
  });

  it('shows a bad scenario value\'s mistake under its field', async () => {
    const { page, screenshot } = await signedIn();
    await page.goto(`${suite.server.base}/#/simulator`);
    // The form starts from the workspace once its history is read; an edit before that would keep the example.
    await containsText(page.getByTestId('sim-origin'), 'The form starts from this workspace');
    const rate = page.getByLabel('Arrivals per hour');
    await rate.fill('-5');
    await page.getByRole('button', { name: 'Run simulation' }).click();
    await hasAttribute(rate, 'aria-invalid', 'true');
    const errorId = (await rate.getAttribute('aria-describedby'))!.split(' ')[0];
    await containsText(page.locator(`[id="${errorId}"]`), 'rate_per_hour must be a number above 0.');
    for (const group of await page.getByRole('group', { name: /^Agent group \d+$/ }).all()) await group.getByLabel('Number of agents').fill('0');
    await rate.fill('30');
    await page.getByRole('button', { name: 'Run simulation' }).click();
    await hasAttribute(rate, 'aria-invalid', null);
    await containsText(page.getByRole('alert'), 'every count is 0');
    await screenshot('simulator-error');
  });

  it('plans the staffing per interval for a target, as a table and a chart, checked by simulation', async () => {
    const { page, screenshot } = await signedIn();
    await page.goto(`${suite.server.base}/#/simulator`);
    const planner = page.getByRole('region', { name: 'Staffing plan' });
    await planner.getByLabel('Calls per interval').fill('360, 120');
    await planner.getByLabel('First interval starts at').fill('09:00');
    await planner.getByLabel('Shrinkage (%)').fill('30');
    await planner.getByRole('button', { name: 'Plan', exact: true }).click();
    const table = planner.getByTestId('staffing-table');
    await shown(table.getByRole('columnheader', { name: 'Simulated' }));
    const nine = table.getByRole('row', { name: /^09:00/ });
    await containsText(nine.getByRole('cell').nth(1), '54');
    await containsText(table.getByRole('row', { name: /^09:30/ }).getByRole('cell').nth(1), '20');
    await shown(planner.getByRole('img', { name: /agents per interval by Erlang/ }).locator('canvas'));
    await screenshot('staffing-plan');
    await planner.getByLabel('Target').selectOption('abandonment');
    await planner.getByRole('button', { name: 'Plan', exact: true }).click();
    await containsText(planner.getByRole('alert'), "An abandonment target needs the callers' patience.");
  });

  it('lists a ticket created twice as a suspected duplicate and merges it', async () => {
    const body = { title: 'Cannot log in to the billing portal since Tuesday', description: 'The password reset link says it has expired every time I try it.', customer: { email: 'twice@example.com', name: 'Twice' } };
    const first = await api<Ticket>(suite.server, 'POST', '/v1/tickets', body);
    const second = await api<Ticket>(suite.server, 'POST', '/v1/tickets', body);
    const { page, screenshot } = await signedIn();
    await page.goto(`${suite.server.base}/#/tickets/${second.id}`);
    const panel = page.getByRole('region', { name: 'Suspected duplicates' });
    const item = panel.getByRole('listitem', { name: `Suspected duplicate: ${body.title}` });
    await shown(item.getByRole('link', { name: body.title }));
    assert.equal(await item.getByRole('link').getAttribute('href'), `#/tickets/${first.id}`);
    await screenshot('ticket-duplicates');
    await item.getByRole('button', { name: 'Merge this ticket into it…' }).click();
    await item.getByRole('button', { name: 'Merge', exact: true }).click();
    await containsText(page.locator('.ticket-id'), first.id);
    const merged = await api<Ticket>(suite.server, 'GET', `/v1/tickets/${second.id}`);
    assert.equal(merged.status, 'closed');
  });
});
