import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAgent, type Agent } from '../src/domain/agent/agent.js';
import { AgentPool } from '../src/domain/routing/agent-pool.js';
import { capacityClassOf, classIndex } from '../src/domain/routing/capacity.js';
import type { CompiledPolicy } from '../src/domain/routing/compiled-policy.js';
import type { RoutingDecision } from '../src/domain/routing/decision.js';
import { PerformanceTable } from '../src/domain/routing/performance.js';
import { STRATEGIES, type Strategy } from '../src/domain/routing/policy.js';
import { compilePolicy } from '../src/domain/routing/policy-compiler.js';
import { Router, type RouteRequest } from '../src/domain/routing/router.js';
import { expectedOutcomes, primaryScores, secondaryScore, type ScoringContext } from '../src/domain/routing/strategies.js';
import { SeededRandom } from '../src/domain/shared/seeded-random.js';
import { createTicket } from '../src/domain/ticket/ticket-changes.js';

// The router ranks in one pass and skips the tie-breaking score of members already ranked
// lower; this checks its choices and counts against every member's full score, kept by a sort.

const NOW = Date.UTC(2026, 0, 5, 12);

function team(random: SeededRandom): Agent[] {
  return Array.from({ length: 120 }, (_, i) => ({
    ...createAgent({
      name: `a${i}`, skills: { billing: 1 + Math.floor(random.next() * 10) }, level: 1 + Math.floor(random.next() * 3),
      capacity: { email: Math.floor(random.next() * 3), chat: Math.floor(random.next() * 2) },
      location: random.next() < 0.7 ? { lat: 60 + random.next() * 5, lon: 20 + random.next() * 8 } : null,
    }, `agt_${String(i).padStart(3, '0')}`, 'ws', NOW),
    status: random.next() < 0.8 ? 'available' : 'away',
    statusChangedAt: NOW - Math.floor(random.next() * 4) * 600_000,
  }));
}

function policyFor(strategy: Strategy): CompiledPolicy {
  const compiled = compilePolicy({ queues: [{ id: 'billing', agents: "has_skill(agent, 'billing', 2)", strategy, skill: 'billing' }], rules: [], default: { queue: 'billing' } }, 1);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
  return compiled.policy;
}

/** The five best members from every member's full score, and how many were left out and why. */
function reference(router: Router, request: RouteRequest, turnAfter: number) {
  const { pool, policy, performance } = router;
  const ctx: ScoringContext = {
    queue: policy.queues.get('billing')!, members: pool.membersOf('billing'), classIndex: classIndex(capacityClassOf(request.ticket.channel)),
    size: 1, now: request.now, location: request.ticket.location, category: request.ticket.type, performance,
    expected: expectedOutcomes(pool, performance, request.ticket.type), turnAfter,
  };
  const primary = new Float64Array(ctx.members.slots.length);
  primaryScores(pool, ctx, 0, primary.length, primary);
  const eligible = [...ctx.members.slots.keys()].filter((position) => router.accepts(request, pool.agents[ctx.members.slots[position]!]!.id));
  const scored = eligible.filter((position) => !Number.isNaN(primary[position]))
    .map((position) => ({ position, primary: primary[position]!, secondary: secondaryScore(pool, ctx, position, ctx.members.slots[position]!) }));
  const byScore = (a: Scored, b: Scored) => b.primary - a.primary || b.secondary - a.secondary;
  // As the router scans: a member that does not beat the fifth when it comes up stays out.
  const top: Scored[] = [];
  for (const member of scored) {
    if (top.length < 5 || byScore(member, top[4]!) < 0) top.push(member);
    top.sort(byScore).splice(5);
  }
  return {
    candidates: top.map((r) => pool.agents[ctx.members.slots[r.position]!]!.id),
    // Every eligible member with a score outside the five, whether passed over when it came up or pushed out later.
    rankedLower: scored.length - top.length,
    noLocation: eligible.length - scored.length,
    ineligible: ctx.members.slots.length - eligible.length,
  };
}

interface Scored {
  position: number;
  primary: number;
  secondary: number;
}

function leftOut(decision: RoutingDecision) {
  const { ranked_lower = 0, no_location = 0, ...others } = decision.excluded;
  return { rankedLower: ranked_lower, noLocation: no_location, ineligible: Object.values(others).reduce((sum, n) => sum + n, 0) };
}

describe('router ranking', () => {
  for (const strategy of STRATEGIES) {
    it(`keeps the five best by full scores, and counts the rest, under ${strategy}`, () => {
      const random = new SeededRandom(7);
      const agents = team(random);
      const router = new Router(policyFor(strategy), new AgentPool(policyFor(strategy), agents, []), new PerformanceTable([]));
      let turnAfter = -1;
      for (let i = 0; i < 300; i++) {
        const ticket = createTicket({
          title: `t${i}`, channel: random.next() < 0.5 ? 'email' : 'chat',
          location: random.next() < 0.8 ? { lat: 60 + random.next() * 5, lon: 20 + random.next() * 8 } : null,
        }, `tkt_${i}`, 'ws', NOW);
        const request: RouteRequest = { ticket, now: NOW + i * 1000, excluded: new Set(random.next() < 0.3 ? [agents[i % agents.length]!.id] : []) };
        const decision = router.decide(request);
        const expected = reference(router, request, turnAfter);
        assert.deepEqual(decision.candidates.map((c) => c.agentId), expected.candidates, `decision ${i}`);
        assert.deepEqual(leftOut(decision), { rankedLower: expected.rankedLower, noLocation: expected.noLocation, ineligible: expected.ineligible }, `decision ${i}`);
        // Every member is a candidate or left out for one reason, never both nor neither.
        assert.equal(decision.candidates.length + Object.values(decision.excluded).reduce((sum, n) => sum + n, 0), decision.members, `decision ${i}`);
        const chosen = decision.candidates[0];
        if (!chosen) continue;
        router.noteAssignment('billing', chosen.agentId, request.now);
        router.pool.addLoad(chosen.agentId, capacityClassOf(ticket.channel), 1);
        turnAfter = router.pool.positionIn('billing', router.pool.slotOf(chosen.agentId));
        if (i % 40 === 39) router.pool.resetLoads([]);
      }
    });
  }

  it('counts every member once when the customer\'s previous agent is put first', () => {
    const random = new SeededRandom(11);
    const agents = team(random);
    for (const strategy of STRATEGIES) {
      const router = new Router(policyFor(strategy), new AgentPool(policyFor(strategy), agents, []), new PerformanceTable([]));
      for (let i = 0; i < 100; i++) {
        const ticket = createTicket({ title: `t${i}`, location: { lat: 62, lon: 24 } }, `tkt_${i}`, 'ws', NOW);
        const preferred = { agentId: agents[Math.floor(random.next() * agents.length)]!.id, reason: 'previous agent of this customer' };
        const decision = router.decide({ ticket, now: NOW + i * 1000, preferred });
        if (decision.sticky?.used) assert.equal(decision.candidates[0]!.agentId, preferred.agentId);
        const leftOutCount = Object.values(decision.excluded).reduce((sum, n) => sum + n, 0);
        assert.equal(decision.candidates.length + leftOutCount, decision.members, `${strategy}, decision ${i}`);
      }
    }
  });
});
