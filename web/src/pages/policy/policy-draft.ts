import { EMPTY_DRAFT, type TicketDraftForm } from '../ticket-draft-fields';
import type { PolicyDocument, PolicyIssue, PolicyQueue, PolicyRule, PolicyTarget } from '../../lib/types';

/** Where a new workspace starts: one queue everybody belongs to. */
export const STARTER_POLICY: PolicyDocument = {
  queues: [{ id: 'general', agents: 'true', strategy: 'least_busy' }],
  rules: [],
  default: { queue: 'general' },
};

/** The dry run's first sample ticket, as the ticket form holds it. */
export const SAMPLE_TICKET: TicketDraftForm = {
  ...EMPTY_DRAFT,
  title: 'I was charged twice for my subscription',
  description: 'Please refund the second payment.',
  channel: 'email',
  tags: 'payment',
  customerName: 'Dana Reyes',
  customerEmail: 'dana@example.com',
  tier: 'enterprise',
};

/** The mistakes by the path they point at (`/rules/0/when`); the first mistake of a path wins. */
export function issuesByPath(issues: readonly PolicyIssue[]): Map<string, PolicyIssue> {
  const map = new Map<string, PolicyIssue>();
  for (const issue of issues) if (!map.has(issue.path)) map.set(issue.path, issue);
  return map;
}

/** Optional text fields left empty are dropped rather than sent as "" (which the schema refuses). */
function cleanTarget(target: PolicyTarget): PolicyTarget {
  return { queue: target.queue, ...(target.agents ? { agents: target.agents } : {}), ...(target.timeout ? { timeout: target.timeout } : {}) };
}

function cleanQueue(queue: PolicyQueue): PolicyQueue {
  const copy: PolicyQueue = { ...queue };
  for (const key of ['strategy', 'mode', 'offer_timeout'] as const) if (!copy[key]) delete copy[key];
  return copy;
}

function cleanRule(rule: PolicyRule): PolicyRule {
  return { ...rule, targets: rule.targets.map(cleanTarget) };
}

/** The draft as the API takes it. */
export function policyBody(draft: PolicyDocument): PolicyDocument {
  return { ...draft, queues: draft.queues.map(cleanQueue), rules: draft.rules.map(cleanRule), default: cleanTarget(draft.default) };
}

/** Immutable edits of one part of the draft. */
export function replaceAt<T>(list: readonly T[], index: number, value: T): T[] {
  return list.map((item, i) => (i === index ? value : item));
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

export function moveAt<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= list.length) return [...list];
  const copy = [...list];
  [copy[index], copy[target]] = [copy[target]!, copy[index]!];
  return copy;
}
