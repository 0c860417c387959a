import { ApiError } from '../../lib/api';
import { detailIssues } from '../../lib/issues';
import type { PolicyDocument, PolicyIssue, PolicyVersion } from '../../lib/types';

/** One group of identical simulated agents, as the form holds it (text, so a half-typed value stays). */
export interface AgentGroupForm {
  name: string;
  count: string;
  skills: string;
  level: string;
  phone: string;
  chat: string;
  email: string;
}

/** Where a compared policy comes from: the one in force, a saved version, pasted JSON, or (for B) none. */
export type PolicySource = 'none' | 'current' | 'pasted' | `v${number}`;

export interface PolicyChoice {
  source: PolicySource;
  text: string;
}

/** The simulator's form: every number as typed; `toScenario` turns it into the API's scenario. */
export interface ScenarioForm {
  arrivals: 'poisson' | 'history';
  rate: string;
  hourly: string;
  durationHours: string;
  historyFrom: string;
  historyTo: string;
  channel: string;
  handleDist: 'exponential' | 'lognormal' | 'constant' | 'history';
  handleMean: string;
  handleSd: string;
  patience: string;
  serviceLevel: string;
  seed: string;
  agents: AgentGroupForm[];
  a: PolicyChoice;
  b: PolicyChoice;
}

/** The most intervals the server reports per run (MAX_REPORTED_INTERVALS), as hours. */
const MAX_REPORTED_HOURS = 10_000;

export const NEW_GROUP: AgentGroupForm = { name: '', count: '5', skills: '', level: '1', phone: '1', chat: '', email: '' };

export const DEFAULT_FORM: ScenarioForm = {
  arrivals: 'poisson',
  rate: '60',
  hourly: '',
  durationHours: '24',
  historyFrom: '',
  historyTo: '',
  channel: 'phone',
  handleDist: 'exponential',
  handleMean: '240',
  handleSd: '',
  patience: '',
  serviceLevel: '20',
  seed: '1',
  agents: [{ ...NEW_GROUP, name: 'team', count: '5' }],
  a: { source: 'current', text: '' },
  b: { source: 'none', text: '' },
};

/** A number as typed, or undefined when the box is empty; what is not a number is left for the server to name. */
function num(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

function defined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

/** "billing:5, refund:3" as a skills record. */
function skillsOf(text: string): Record<string, number> {
  const pairs = text.split(',').map((part) => part.trim()).filter(Boolean).map((part) => {
    const [name = '', level = ''] = part.split(':').map((s) => s.trim());
    return [name, level === '' ? 5 : Number(level)] as const;
  });
  return Object.fromEntries(pairs);
}

function groupOf(group: AgentGroupForm): Record<string, unknown> {
  const capacity = defined({ phone: num(group.phone), chat: num(group.chat), email: num(group.email) });
  return defined({
    count: num(group.count) ?? 0,
    name: group.name.trim() || undefined,
    skills: skillsOf(group.skills),
    level: num(group.level),
    capacity,
  });
}

/** What a policy choice sends: "current", a saved version's document, or the pasted JSON (which must parse). */
function policyOf(choice: PolicyChoice, versions: PolicyVersion[]): PolicyDocument | 'current' {
  if (choice.source === 'current') return 'current';
  if (choice.source === 'pasted') {
    try {
      return JSON.parse(choice.text) as PolicyDocument;
    } catch {
      throw new ScenarioInputError('The pasted policy is not valid JSON.');
    }
  }
  const version = versions.find((v) => `v${v.version}` === choice.source);
  if (!version) throw new ScenarioInputError(`There is no saved version ${choice.source}.`);
  return version.policy;
}

/** A mistake found before asking the server (a policy that is not JSON). */
export class ScenarioInputError extends Error {}

export function policyName(side: 'A' | 'B', choice: PolicyChoice): string {
  const what = choice.source === 'current' ? 'in force' : choice.source === 'pasted' ? 'pasted' : choice.source;
  return `${side} (${what})`;
}

/** The form as the body of POST /v1/simulations (docs/simulator.md). */
export function toScenario(form: ScenarioForm, versions: PolicyVersion[]): Record<string, unknown> {
  const history = form.arrivals === 'history';
  const hourly = form.hourly.trim() === '' ? undefined : form.hourly.split(/[\s,]+/).filter(Boolean).map(Number);
  const handle = form.handleDist === 'history' ? { dist: 'history' }
    : form.handleDist === 'constant' ? { dist: 'constant', value_s: num(form.handleMean) }
      : defined({ dist: form.handleDist, mean_s: num(form.handleMean), sd_s: form.handleDist === 'lognormal' ? num(form.handleSd) : undefined });
  const patience = num(form.patience);
  const policies = [{ name: policyName('A', form.a), policy: policyOf(form.a, versions) }];
  if (form.b.source !== 'none') policies.push({ name: policyName('B', form.b), policy: policyOf(form.b, versions) });
  return defined({
    seed: num(form.seed),
    duration_s: history ? undefined : (num(form.durationHours) ?? 0) * 3600,
    // Per-hour figures for the interval chart; a replay's length is only known on the server, and
    // a run of more hours than the server reports keeps its totals only.
    report_interval_min: history || (num(form.durationHours) ?? 0) > MAX_REPORTED_HOURS ? undefined : 60,
    history: history ? { from: isoOf(form.historyFrom), to: isoOf(form.historyTo) } : undefined,
    channel: form.channel,
    service_level_s: num(form.serviceLevel),
    arrivals: history ? { replay: 'history' } : defined({ rate_per_hour: num(form.rate) ?? 0, hourly_profile: hourly }),
    handle_time: handle,
    patience: patience === undefined ? undefined : { dist: 'exponential', mean_s: patience },
    agents: form.agents.map(groupOf),
    policies,
  });
}

/** A datetime-local value ("2026-03-02T09:00") as an ISO instant in the browser's zone. */
function isoOf(local: string): string {
  const time = new Date(local);
  return Number.isNaN(time.getTime()) ? local : time.toISOString();
}

/** The scenario's mistakes (422 invalid_scenario, or the schema's 400) with their paths, or null for another error. */
export function scenarioIssues(error: unknown): PolicyIssue[] | null {
  if (!(error instanceof ApiError) || (error.code !== 'invalid_scenario' && error.code !== 'validation_failed')) return null;
  return detailIssues(error);
}

/**
 * The form field a path points at (`/agents/0/count` → `agents.0.count`), so each mistake is shown
 * under its field; null when no field holds it (it is listed at the top instead).
 */
export function fieldOfPath(path: string): string | null {
  const rules: [RegExp, string | ((m: RegExpMatchArray) => string)][] = [
    [/^\/arrivals\/rate_per_hour/, 'rate'],
    [/^\/arrivals\/hourly_profile/, 'hourly'],
    [/^\/duration_s/, 'durationHours'],
    [/^\/history\/from/, 'historyFrom'],
    [/^\/history\/to/, 'historyTo'],
    [/^\/history$/, 'historyFrom'],
    [/^\/handle_time\/(mean_s|value_s|dist)/, 'handleMean'],
    [/^\/handle_time\/sd_s/, 'handleSd'],
    [/^\/patience/, 'patience'],
    [/^\/service_level_s/, 'serviceLevel'],
    [/^\/seed/, 'seed'],
    [/^\/channel/, 'channel'],
    [/^\/agents\/(\d+)\/capacity\/(phone|chat|email)/, (m) => `agents.${m[1]}.${m[2]}`],
    [/^\/agents\/(\d+)\/(count|skills|level|name)/, (m) => `agents.${m[1]}.${m[2]}`],
    [/^\/policies\/0\//, 'a'],
    [/^\/policies\/1\//, 'b'],
  ];
  for (const [pattern, field] of rules) {
    const match = path.match(pattern);
    if (match) return typeof field === 'string' ? field : field(match);
  }
  return null;
}

/** The mistakes grouped by the field that shows them; `''` holds those no field shows. */
export function issuesByField(issues: readonly PolicyIssue[]): Map<string, PolicyIssue[]> {
  const map = new Map<string, PolicyIssue[]>();
  for (const issue of issues) {
    const field = fieldOfPath(issue.path) ?? '';
    map.set(field, [...(map.get(field) ?? []), issue]);
  }
  return map;
}
