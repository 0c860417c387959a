import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RoutingRuntime } from '../src/commands/routing/routing-runtime.js';
import { seedDemoWorkspace } from '../src/demo/seed-demo.js';
import type { Ticket } from '../src/domain/ticket/ticket.js';
import { ensureDefaultWorkspace } from '../src/surfaces/bootstrap.js';
import { systemIds } from '../src/surfaces/runtime.js';
import { BACKENDS, type TestDatabase } from './helpers/backends.js';

// A Wednesday afternoon (UTC), so the desk's business hours are open whenever the test runs.
const NOW = Date.parse('2026-12-02T14:00:00Z');
const DONE = new Set(['resolved', 'closed']);

async function allTickets(db: TestDatabase, workspaceId: string): Promise<Ticket[]> {
  const tickets: Ticket[] = [];
  let after: string | undefined;
  do {
    const page = await db.store.read((tx) => tx.tickets.list({ workspaceId, after, limit: 200 }));
    tickets.push(...page.items);
    after = page.nextCursor ?? undefined;
  } while (after);
  return tickets;
}

/** Running clocks of open tickets: past their due time, past their warning only, or neither. */
function clockStates(open: Ticket[]): { breached: number; atRisk: number; running: number } {
  const counts = { breached: 0, atRisk: 0, running: 0 };
  for (const metric of open.flatMap((t) => t.sla?.metrics ?? [])) {
    if (metric.fulfilledAt !== null || metric.dueAt === null) continue;
    counts.running++;
    if (metric.dueAt <= NOW) counts.breached++;
    else if (metric.warnAt !== null && metric.warnAt <= NOW) counts.atRisk++;
  }
  return counts;
}

for (const backend of BACKENDS) {
  describe(`the demo workspace (${backend.name})`, () => {
    let db: TestDatabase;
    let workspaceId: string;
    let tickets: Ticket[];

    before(async () => {
      db = await backend.open();
      const ids = systemIds();
      workspaceId = (await ensureDefaultWorkspace(db.store, ids, null)).workspace!.id;
      await seedDemoWorkspace(db.store, workspaceId, ids, NOW, new RoutingRuntime());
      tickets = await allTickets(db, workspaceId);
    });
    after(async () => db.cleanup());

    it('places every open ticket in a queue and overfills no agent, offline or not', async () => {
      const open = tickets.filter((t) => !DONE.has(t.status));
      assert.ok(open.length > 100);
      assert.deepEqual(open.filter((t) => t.queue === null).map((t) => t.id), []);
      const [agents, held] = await db.store.read(async (tx) => [await tx.agents.listAll(workspaceId), await tx.workload.allHeldUnits(workspaceId)] as const);
      for (const agent of agents) {
        const mine = held.filter((h) => h.agentId === agent.id);
        if (agent.status === 'offline') assert.deepEqual(mine, [], `${agent.name} is offline and holds work`);
        for (const { capacityClass, units } of mine) {
          assert.ok(units <= (agent.capacity[capacityClass] ?? 0), `${agent.name} holds ${units} ${capacityClass} units`);
        }
      }
    });

    it('runs SLA clocks under business hours, some at risk and some breached', async () => {
      const [policies, hours] = await db.store.read(async (tx) => [await tx.slaPolicies.list(workspaceId), await tx.businessHours.list(workspaceId)] as const);
      assert.deepEqual(policies.map((p) => p.name), ['Enterprise and VIP', 'Everyone else']);
      assert.equal(hours.length, 1);
      const clocks = clockStates(tickets.filter((t) => !DONE.has(t.status)));
      assert.ok(clocks.running > 100, `${clocks.running} running clocks`);
      assert.ok(clocks.atRisk >= 1, 'no clock at risk');
      assert.ok(clocks.breached >= 1, 'no clock breached');
      assert.ok(clocks.breached < clocks.running / 4, `${clocks.breached} of ${clocks.running} clocks breached`);
    });

    it('has escalation levels L1–L3 with owners, and escalated work open and in the history', async () => {
      const config = await db.store.read((tx) => tx.workflow.escalations.config(workspaceId));
      const agents = new Set((await db.store.read((tx) => tx.agents.listAll(workspaceId))).map((a) => a.id));
      assert.deepEqual(config?.document.levels.map((l) => l.level), [1, 2, 3]);
      for (const level of config!.document.levels) assert.ok('agent' in level.owner && agents.has(level.owner.agent), `L${level.level} has no owner`);
      const open = tickets.filter((t) => !DONE.has(t.status) && t.escalation.level > 0);
      const closed = tickets.filter((t) => DONE.has(t.status) && t.escalation.level > 0);
      assert.ok(open.some((t) => t.escalation.level === 3), 'no open ticket at L3');
      assert.ok(open.filter((t) => t.escalation.level === 2).length >= 2, 'fewer than two open tickets at L2');
      assert.ok(closed.length >= 3, `${closed.length} escalated tickets in the history`);
    });

    it('spreads resolved work over the last 30 days and has most of it rated', async () => {
      const done = tickets.filter((t) => DONE.has(t.status));
      const oldest = Math.min(...done.map((t) => t.createdAt));
      assert.ok(NOW - oldest > 25 * 24 * 3600_000, 'history shorter than 25 days');
      const rated = await db.store.read(async (tx) => {
        let count = 0;
        for (const ticket of done) count += (await tx.portal.ratingsFor(workspaceId, ticket.id)).length;
        return count;
      });
      assert.ok(rated > done.length / 2, `${rated} of ${done.length} resolved tickets rated`);
    });

    it('makes offers in the offer-mode queue', async () => {
      const agents = await db.store.read((tx) => tx.agents.listAll(workspaceId));
      const offers = await db.store.read(async (tx) => (await Promise.all(agents.map((a) => tx.offers.pendingForAgent(workspaceId, a.id)))).flat());
      assert.ok(offers.length >= 1, 'no pending offer');
    });
  });
}
