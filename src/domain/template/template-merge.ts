import type { EscalationDocument } from '../escalation/escalation-config.js';
import type { PolicyDocument } from '../routing/policy.js';

/** What applying a template does to one item of a section. */
export const DIFF_STATUSES = ['added', 'changed', 'unchanged', 'kept', 'removed'] as const;
export type DiffStatus = (typeof DIFF_STATUSES)[number];

/** One item of a section, before (in the workspace) and after (as the template would leave it). */
export interface DiffItem<T> {
  key: string;
  status: DiffStatus;
  before: T | null;
  after: T | null;
}

/** The value as JSON with object keys sorted and undefined members left out, so equal settings compare equal. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    : v));
}

/**
 * Promises a diff per key: template items are added, changed or unchanged; workspace items the
 * template leaves out are kept, or removed when the template replaces the section.
 */
export function diffByKey<T>(template: readonly T[], workspace: readonly T[], keyOf: (item: T) => string, replace: boolean): DiffItem<T>[] {
  const current = new Map(workspace.map((item) => [keyOf(item), item]));
  const named = new Set(template.map(keyOf));
  const items: DiffItem<T>[] = template.map((after) => {
    const before = current.get(keyOf(after)) ?? null;
    const status = before === null ? 'added' : canonical(before) === canonical(after) ? 'unchanged' : 'changed';
    return { key: keyOf(after), status, before, after };
  });
  for (const [key, before] of current) {
    if (!named.has(key)) items.push({ key, status: replace ? 'removed' : 'kept', before, after: replace ? null : before });
  }
  return items;
}

/** Template items in the template's order, then (unless replacing) the workspace's items it does not name. */
export function mergeByKey<T>(workspace: readonly T[], template: readonly T[], keyOf: (item: T) => string, replace: boolean): T[] {
  const named = new Set(template.map(keyOf));
  return [...template, ...(replace ? [] : workspace.filter((item) => !named.has(keyOf(item))))];
}

/**
 * The routing policy after applying a template's: its queues and rules replace those of the same
 * id or name, its rules come first (first match wins, so the template's intent holds), its default
 * is the default; the workspace's other queues and rules stay unless replacing.
 */
export function mergePolicy(current: PolicyDocument | null, template: PolicyDocument, replace: boolean): PolicyDocument {
  if (current === null || replace) return template;
  const merged: PolicyDocument = {
    queues: mergeByKey(current.queues, template.queues, (q) => q.id, false),
    rules: mergeByKey(current.rules, template.rules, (r) => r.name, false),
    default: template.default,
  };
  const sizes = { ...current.ticket_sizes, ...template.ticket_sizes };
  if (Object.keys(sizes).length > 0) merged.ticket_sizes = sizes;
  const aging = template.aging_minutes ?? current.aging_minutes;
  if (aging !== undefined) merged.aging_minutes = aging;
  return merged;
}

/** The escalation config after applying a template's: levels by number and triggers by name replace, the rest stays unless replacing. */
export function mergeEscalation(current: EscalationDocument | null, template: EscalationDocument, replace: boolean): EscalationDocument {
  if (current === null || replace) return template;
  const merged: EscalationDocument = {
    levels: mergeByKey(current.levels, template.levels, (l) => String(l.level), false).sort((a, b) => a.level - b.level),
    triggers: mergeByKey(current.triggers, template.triggers, (t) => t.name, false),
  };
  const categories = { ...current.categories, ...template.categories };
  if (Object.keys(categories).length > 0) merged.categories = categories;
  const thresholds = { ...current.thresholds, ...template.thresholds };
  if (Object.keys(thresholds).length > 0) merged.thresholds = thresholds;
  const checks = template.checks ?? current.checks;
  if (checks !== undefined) merged.checks = checks;
  return merged;
}
