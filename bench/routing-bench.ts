// Routing core: decisions per second and latency of the pure router with 10,000 agents and 50
// skills (DESIGN §4: ≥ 50,000 decisions/s on one core). Runnable alone: node dist/bench/routing-bench.js
// (`--json` prints the result as one line of JSON, as `npm run bench` reads it)
import { fileURLToPath } from 'node:url';
import type { Agent } from '../src/domain/agent/agent.js';
import { AgentPool } from '../src/domain/routing/agent-pool.js';
import { PerformanceTable } from '../src/domain/routing/performance.js';
import type { PolicyDocument, Strategy } from '../src/domain/routing/policy.js';
import { compilePolicy } from '../src/domain/routing/policy-compiler.js';
import { Router } from '../src/domain/routing/router.js';
import { createTicket } from '../src/domain/ticket/ticket-changes.js';
import type { Channel, Ticket } from '../src/domain/ticket/ticket.js';
import { percentile } from './percentile.js';
import { mulberry32 } from './seeded-random.js';

export interface RoutingBenchResult {
  agents: number;
  skills: number;
  decisionsPerSecond: number;
  /** Decisions per second of CPU time: what one core does, however busy the machine is. */
  decisionsPerCpuSecond: number;
  p50Us: number;
  p99Us: number;
  meanMembers: number;
}

const AGENTS = 10_000;
const SKILLS = 50;
const STRATEGIES: Strategy[] = ['least_busy', 'round_robin', 'most_skilled', 'longest_idle', 'weighted'];
const NOW = Date.UTC(2026, 0, 5, 12);


function agents(rand: () => number): Agent[] {
  return Array.from({ length: AGENTS }, (_, i) => {
    const skills: Record<string, number> = {};
    while (Object.keys(skills).length < 5) skills[`skill_${Math.floor(rand() * SKILLS)}`] = 1 + Math.floor(rand() * 10);
    return {
      id: `agt_${String(i).padStart(6, '0')}`, workspaceId: 'ws', name: `Agent ${i}`, email: null, skills,
      languages: rand() < 0.5 ? ['en'] : ['en', 'sv'], teams: [], level: 1 + Math.floor(rand() * 3),
      capacity: { email: 8, chat: 3, phone: 1 }, status: rand() < 0.9 ? 'available' : 'away', statusChangedAt: NOW - Math.floor(rand() * 3_600_000),
      workingHours: null, location: { lat: 60 + rand() * 5, lon: 20 + rand() * 8 }, attributes: {}, version: 1, createdAt: NOW, updatedAt: NOW, removedAt: null,
    };
  });
}

function policy(): PolicyDocument {
  const queues = Array.from({ length: SKILLS }, (_, k) => ({
    id: `q${k}`, agents: `has_skill(agent, 'skill_${k}', 3)`, strategy: STRATEGIES[k % STRATEGIES.length], skill: `skill_${k}`,
  }));
  const rules = Array.from({ length: SKILLS }, (_, k) => ({
    name: `skill ${k}`,
    when: `'skill_${k}' in ticket.tags`,
    targets: k % 4 === 0
      ? [{ queue: `q${k}`, agents: "ticket.customer == null || ticket.customer.tier != 'enterprise' || agent.level >= 2", timeout: '5m' }, { queue: 'general' }]
      : [{ queue: `q${k}` }],
  }));
  return { queues: [...queues, { id: 'general', agents: 'true', strategy: 'least_busy' }], rules, default: { queue: 'general' } };
}

function tickets(rand: () => number): Ticket[] {
  const channels: Channel[] = ['email', 'chat', 'form', 'api'];
  return Array.from({ length: 1_000 }, (_, i) => createTicket({
    title: `Ticket ${i}`, description: 'Something needs doing', channel: channels[i % channels.length],
    tags: [`skill_${Math.floor(rand() * SKILLS)}`], customer: { email: `c${i}@example.com`, tier: rand() < 0.2 ? 'enterprise' : 'pro' },
  }, `tkt_${i}`, 'ws', NOW));
}

/** Routes the same tickets round and round, assigning each decision's choice and resetting loads as work completes. */
export function benchRouting(seconds = 3): RoutingBenchResult {
  const rand = mulberry32(42);
  const compiled = compilePolicy(policy(), 1);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
  const team = agents(rand);
  const router = new Router(compiled.policy, new AgentPool(compiled.policy, team, []), new PerformanceTable([]));
  const work = tickets(rand);
  const meanMembers = [...compiled.policy.queues.keys()].reduce((sum, q) => sum + router.pool.membersOf(q).slots.length, 0) / compiled.policy.queues.size;
  const samples: number[] = [];
  let decisions = 0;
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  while (performance.now() - started < seconds * 1000) {
    for (const ticket of work) {
      const t0 = performance.now();
      const decision = router.decide({ ticket, now: NOW + decisions });
      samples.push(performance.now() - t0);
      const chosen = decision.candidates[0];
      if (chosen) {
        router.noteAssignment(decision.queue, chosen.agentId, NOW + decisions);
        router.pool.addLoad(chosen.agentId, ticket.channel === 'chat' ? 'chat' : 'email', 1);
      }
      decisions++;
    }
    // Work gets done: loads drop back so capacity never runs out for the whole run.
    if (decisions % 20_000 < work.length) router.pool.resetLoads([]);
  }
  const elapsed = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return {
    agents: AGENTS,
    skills: SKILLS,
    decisionsPerSecond: Math.round(decisions / elapsed),
    decisionsPerCpuSecond: Math.round(decisions / cpuSeconds),
    p50Us: Math.round(percentile(samples, 0.5) * 1000 * 10) / 10,
    p99Us: Math.round(percentile(samples, 0.99) * 1000 * 10) / 10,
    meanMembers: Math.round(meanMembers),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = benchRouting();
  if (process.argv.includes('--json')) console.log(JSON.stringify(result));
  else console.table([{ ...result, goal: '≥ 50,000 decisions/s' }]);
}
