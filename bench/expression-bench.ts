// Routing-rule evaluation: our compiled expressions beside json-rules-engine and the
// @marcbachmann/cel-js interpreter, on the same rules over the same 1,000 tickets (DESIGN §4).
// Run alone with `node dist/bench/expression-bench.js`; bench/run.ts may import benchExpressions().
import { Environment } from '@marcbachmann/cel-js';
import { Engine, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { AGENT_TYPE, TICKET_TYPE, compileExpression, type EvalEnv, type Evaluator } from '../src/domain/expression/index.js';
import { mulberry32 } from './seeded-random.js';

/** Evaluations per second (median of the timed rounds) of one rule, or of all rules together. */
export interface ExpressionBenchResult {
  name: string;
  ours: number;
  jsonRulesEngine: number;
  celJs: number;
}

interface BenchRule {
  name: string;
  cel: string;
  conditions: TopLevelCondition;
}

const TICKETS = 1_000;
const AGENTS = 50;
const ROUNDS = 9;
const MIN_ROUND_MS = 40;
const SEED = 20260214;
const NOW = Date.UTC(2026, 1, 14, 12);

const RULES: BenchRule[] = [
  {
    name: 'enterprise and urgent/high',
    cel: "ticket.customer.tier == 'enterprise' && ticket.priority in ['urgent', 'high']",
    conditions: { all: [
      { fact: 'ticket', path: '$.customer.tier', operator: 'equal', value: 'enterprise' },
      { fact: 'ticket', path: '$.priority', operator: 'in', value: ['urgent', 'high'] },
    ] },
  },
  {
    name: 'tagged refund',
    cel: "ticket.tags.exists(t, t == 'refund')",
    conditions: { all: [{ fact: 'ticket', path: '$.tags', operator: 'contains', value: 'refund' }] },
  },
  {
    name: 'paying, by email, churn words',
    cel: "ticket.customer.tier in ['pro', 'enterprise', 'vip'] && ticket.channel == 'email' && ticket.text.contains_any(['cancel', 'refund', 'lawyer', 'chargeback'])",
    conditions: { all: [
      { fact: 'ticket', path: '$.customer.tier', operator: 'in', value: ['pro', 'enterprise', 'vip'] },
      { fact: 'ticket', path: '$.channel', operator: 'equal', value: 'email' },
      { fact: 'ticket', path: '$.text', operator: 'containsAnyIgnoringCase', value: ['cancel', 'refund', 'lawyer', 'chargeback'] },
    ] },
  },
  {
    name: 'low AI confidence',
    cel: 'ticket.ai.confidence < 0.6',
    conditions: { all: [{ fact: 'ticket', path: '$.ai.confidence', operator: 'lessThan', value: 0.6 }] },
  },
  {
    name: 'agent billing skill >= 5',
    cel: "has_skill(agent, 'billing', 5)",
    conditions: { all: [{ fact: 'agent', path: '$.skills.billing', operator: 'greaterThanInclusive', value: 5 }] },
  },
];

/** Each rule alone and all five together, for ours and both anchors; checks they agree first. */
export async function benchExpressions(): Promise<ExpressionBenchResult[]> {
  const envs = buildEnvironments(SEED);
  const results: ExpressionBenchResult[] = [];
  for (const rules of [...RULES.map((rule) => [rule]), RULES]) {
    const ours = oursRunner(rules);
    const cel = celJsRunner(rules);
    const engine = jsonRulesEngine(rules);
    const expected = ours(envs);
    assertSame(rules, expected, cel(envs), 'cel-js');
    assertSame(rules, expected, await engine(envs), 'json-rules-engine');
    const rates = await interleavedRates(envs.length * rules.length, [
      async () => ours(envs), () => engine(envs), async () => cel(envs),
    ]);
    results.push({
      name: rules.length === 1 ? rules[0]?.name ?? '' : `all ${rules.length} rules`,
      ours: rates[0] ?? 0,
      jsonRulesEngine: rates[1] ?? 0,
      celJs: rates[2] ?? 0,
    });
  }
  return results;
}

type Runner = (envs: EvalEnv[]) => number;

function oursRunner(rules: BenchRule[]): Runner {
  const evaluators: Evaluator[] = rules.map((rule) => {
    const compiled = compileExpression(rule.cel, { variables: { ticket: TICKET_TYPE, agent: AGENT_TYPE }, result: { kind: 'bool' } });
    if (!compiled.ok) throw new Error(`${rule.name}: ${compiled.errors.map((e) => e.message).join('; ')}`);
    return compiled.evaluate;
  });
  return (envs) => {
    let matches = 0;
    for (const env of envs) for (const evaluate of evaluators) if (evaluate(env) === true) matches++;
    return matches;
  };
}

function celJsRunner(rules: BenchRule[]): Runner {
  const environment = new Environment()
    .registerVariable('ticket', 'map')
    .registerVariable('agent', 'map')
    .registerFunction('string.contains_any(list<string>): bool', (text: string, needles: string[]) => {
      const lower = text.toLowerCase();
      return needles.some((needle) => lower.includes(needle.toLowerCase()));
    })
    .registerFunction('has_skill(map, string, int): bool', (agent: { skills: Record<string, number> }, name: string, min: bigint) => {
      const level = agent.skills[name];
      return level !== undefined && level >= Number(min);
    });
  // Parsed once; evaluating the parsed function is cel-js's fastest documented mode.
  const programs = rules.map((rule) => environment.parse(rule.cel));
  return (envs) => {
    let matches = 0;
    for (const env of envs) for (const program of programs) if (program(env) === true) matches++;
    return matches;
  };
}

function jsonRulesEngine(rules: BenchRule[]): (envs: EvalEnv[]) => Promise<number> {
  const engine = new Engine();
  engine.addOperator('containsAnyIgnoringCase', (text: unknown, needles: unknown) =>
    typeof text === 'string' && Array.isArray(needles)
    && needles.some((needle) => text.toLowerCase().includes(String(needle).toLowerCase())));
  for (const rule of rules) {
    const properties: RuleProperties = { name: rule.name, conditions: rule.conditions, event: { type: rule.name } };
    engine.addRule(properties);
  }
  // As a user would: one engine.run per fact set, awaiting its result.
  return async (envs) => {
    let matches = 0;
    for (const env of envs) matches += (await engine.run({ ticket: env.ticket, agent: env.agent })).events.length;
    return matches;
  };
}

function assertSame(rules: BenchRule[], expected: number, actual: number, anchor: string): void {
  if (expected !== actual) {
    throw new Error(`${anchor} disagrees on ${rules.map((r) => r.name).join(', ')}: ${actual} matches, ours ${expected}`);
  }
}

/**
 * Median evaluations per second of each pass over ROUNDS rounds. The engines take turns within
 * each round, so a busy machine slows all of them alike instead of whichever ran at the time.
 */
async function interleavedRates(evaluationsPerPass: number, passes: Array<() => Promise<unknown>>): Promise<number[]> {
  for (const pass of passes) await pass();
  const samples: number[][] = passes.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, pass] of passes.entries()) samples[i]?.push(await roundRate(evaluationsPerPass, pass));
  }
  return samples.map((rates) => {
    rates.sort((a, b) => a - b);
    return rates[Math.floor(rates.length / 2)] ?? 0;
  });
}

/** Evaluations per second of one round: the pass repeated for at least MIN_ROUND_MS. */
async function roundRate(evaluationsPerPass: number, pass: () => Promise<unknown>): Promise<number> {
  let passes = 0;
  let elapsed = 0;
  const started = performance.now();
  do {
    await pass();
    passes++;
    elapsed = performance.now() - started;
  } while (elapsed < MIN_ROUND_MS);
  return (passes * evaluationsPerPass) / (elapsed / 1000);
}


const TIERS = ['free', 'free', 'pro', 'pro', 'enterprise', 'vip'];
const PRIORITIES = ['urgent', 'high', 'normal', 'normal', 'low'];
const CHANNELS = ['email', 'email', 'chat', 'form', 'phone', 'api'];
const TAGS = ['billing', 'refund', 'login', 'bug', 'invoice', 'shipping', 'vip', 'outage', 'feature'];
const SKILLS = ['billing', 'technical', 'sales', 'shipping', 'legal'];
const SUBJECTS = ['Cannot log in', 'Invoice is wrong', 'Please cancel my plan', 'Refund for order', 'App crashes on start', 'Question about shipping'];
const BODIES = [
  'I have tried resetting my password twice and it still fails.',
  'The amount on the last invoice does not match our contract. Otherwise we will call our lawyer.',
  'We want to cancel before the next billing period starts.',
  'The parcel arrived damaged; I would like my money back or a chargeback.',
  'Since the update the app closes immediately after the splash screen.',
  'When will the order ship to Helsinki?',
];

/** A fixed, varied set of ticket/agent pairs: the same input for every engine. */
function buildEnvironments(seed: number): EvalEnv[] {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const agents = Array.from({ length: AGENTS }, (_, i) => ({
    id: `agt_${i}`, name: `Agent ${i}`, languages: ['en'], teams: [], level: 1 + (i % 3), status: 'available',
    skills: Object.fromEntries(SKILLS.filter(() => random() < 0.6).map((skill) => [skill, 1 + Math.floor(random() * 10)])),
    capacity: { email: 5, chat: 2 }, load: { email: Math.floor(random() * 5) }, location: null, attributes: {}, idle_seconds: random() * 600,
  }));
  return Array.from({ length: TICKETS }, (_, i) => {
    const title = pick(SUBJECTS);
    const description = pick(BODIES);
    const ticket = {
      id: `tkt_${i}`, type: 'support', title, description, text: `${title}\n${description}`, channel: pick(CHANNELS),
      priority: pick(PRIORITIES), status: 'queued', tags: TAGS.filter(() => random() < 0.2), fields: { order: i },
      customer: { id: `cus_${i % 97}`, name: 'Customer', email: null, organization: null, tier: pick(TIERS) },
      location: null, language: 'en', queue: null, escalation_level: 0, reroutes: 0, created_at: NOW - i * 60_000, due_at: null,
      ai: { label: 'billing', confidence: Math.round(random() * 100) / 100, priority: 'normal' },
      signals: { sentiment: random() * 2 - 1, language: 'en', asks_for_human: random() < 0.1, flags: [] },
    };
    return { ticket, agent: agents[i % AGENTS], now: NOW };
  });
}

function formatRate(value: number): string {
  return value >= 1e6 ? `${(value / 1e6).toFixed(2)} M/s` : `${(value / 1e3).toFixed(1)} k/s`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await benchExpressions();
  console.log('rule                               ours         json-rules-engine   cel-js       ours/jre  ours/cel-js');
  for (const row of rows) {
    console.log([
      row.name.padEnd(34), formatRate(row.ours).padStart(11), formatRate(row.jsonRulesEngine).padStart(18),
      formatRate(row.celJs).padStart(12), `${(row.ours / row.jsonRulesEngine).toFixed(0)}×`.padStart(9),
      `${(row.ours / row.celJs).toFixed(1)}×`.padStart(12),
    ].join(' '));
  }
}
