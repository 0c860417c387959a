/**
 * The built-in escalation triggers. Each preset is a CEL condition over the workflow scope with a
 * few parameters; a saved trigger keeps the expanded expression, so what runs is always readable.
 */

type ParamSpec =
  | { kind: 'number'; min: number; max: number; default: number }
  | { kind: 'strings'; default: string[] };

export interface PresetDefinition {
  description: string;
  /** The reason an escalation by this preset records unless the trigger names its own. */
  reason: string;
  params: Record<string, ParamSpec>;
  build(params: Record<string, number | string[]>): string;
  /** Checked by the worker on a schedule as well as on events (conditions that become true by waiting). */
  scheduled?: boolean;
}

const list = (values: readonly string[]) => `[${values.map((v) => JSON.stringify(v)).join(', ')}]`;

export const PRESETS = {
  ai_confidence: {
    description: 'The AI was involved and its confidence is below the threshold of the ticket\'s category (always, for mandatory human review).',
    reason: 'AI confidence below the category\'s threshold',
    params: {},
    build: () => 'ai_involved && (risk.mandatory_review || confidence < risk.threshold)',
  },
  keywords: {
    description: 'The ticket\'s title or description contains one of the words (ignoring case).',
    reason: 'Keyword in the ticket',
    params: { words: { kind: 'strings', default: ['cancel', 'legal', 'lawyer', 'refund'] } },
    build: (p) => `ticket.text.contains_any(${list(p.words as string[])})`,
  },
  negative_sentiment: {
    description: 'The sentiment read from the text is at or below a score (-1 … 1).',
    reason: 'Negative customer sentiment',
    params: { below: { kind: 'number', min: -1, max: 1, default: -0.5 } },
    build: (p) => `ticket.signals.sentiment <= ${Number(p.below)}`,
  },
  customer_tier: {
    description: 'The customer belongs to one of the tiers.',
    reason: 'Customer tier',
    params: { tiers: { kind: 'strings', default: ['enterprise', 'vip'] } },
    build: (p) => `ticket.customer != null && ticket.customer.tier in ${list(p.tiers as string[])}`,
  },
  asks_for_human: {
    description: 'Reactive: the customer asked for a person (read from the text, or a reactive hand-off).',
    reason: 'The customer asked for a person',
    params: {},
    build: () => 'ticket.signals.asks_for_human || (handoff != null && handoff.mode == "reactive")',
  },
  ai_limits: {
    description: 'Proactive: the bot recognised its limits and handed the conversation over.',
    reason: 'The AI reached its limits',
    params: {},
    build: () => 'handoff != null && handoff.mode == "proactive"',
  },
  business_rules: {
    description: 'A business-rule check failed: missing fields, policy flags, ambiguous input or a failed format check.',
    reason: 'Business-rule check failed',
    params: {},
    build: () => 'size(checks.missing_fields) > 0 || size(checks.policy_flags) > 0 || checks.ambiguous || size(checks.format_errors) > 0',
  },
  sla_at_risk: {
    description: 'An SLA clock of the ticket warned or breached.',
    reason: 'SLA at risk',
    params: {},
    build: () => 'sla.warning || sla.breached',
  },
  sla_breached: {
    description: 'An SLA clock of the ticket breached.',
    reason: 'SLA breached',
    params: {},
    build: () => 'sla.breached',
  },
  rerouted: {
    description: 'The ticket was re-routed more than N times.',
    reason: 'Re-routed too often',
    params: { more_than: { kind: 'number', min: 0, max: 1000, default: 3 } },
    build: (p) => `ticket.reroutes > ${Math.floor(Number(p.more_than))}`,
    scheduled: true,
  },
  idle: {
    description: 'Nothing happened on the open ticket for N hours (checked by the worker every minute).',
    reason: 'No update for too long',
    params: { hours: { kind: 'number', min: 0.1, max: 10_000, default: 48 } },
    build: (p) => `idle_hours >= ${Number(p.hours)}`,
    scheduled: true,
  },
} as const satisfies Record<string, PresetDefinition>;

export type PresetName = keyof typeof PRESETS;
export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];

/** True when the name is a built-in trigger. */
export function isPresetName(name: string): name is PresetName {
  return Object.hasOwn(PRESETS, name);
}

/** A preset's parameters with defaults filled in, or the mistakes (path relative to `params`). */
export function presetParams(
  name: PresetName, given: Record<string, unknown>,
): { ok: true; params: Record<string, number | string[]> } | { ok: false; errors: { path: string; message: string }[] } {
  const specs: Record<string, ParamSpec> = PRESETS[name].params;
  const errors: { path: string; message: string }[] = [];
  const params: Record<string, number | string[]> = {};
  for (const key of Object.keys(given)) {
    if (!Object.hasOwn(specs, key)) errors.push({ path: `/${key}`, message: `The preset "${name}" has no parameter "${key}".` });
  }
  for (const [key, spec] of Object.entries(specs)) {
    const value = Object.hasOwn(given, key) ? given[key] : spec.default;
    if (spec.kind === 'number') {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < spec.min || value > spec.max) {
        errors.push({ path: `/${key}`, message: `"${key}" must be a number from ${spec.min} to ${spec.max}.` });
      } else params[key] = value;
    } else if (!Array.isArray(value) || value.length === 0 || value.some((v) => typeof v !== 'string' || v.length === 0 || v.length > 100)) {
      errors.push({ path: `/${key}`, message: `"${key}" must be a non-empty list of words.` });
    } else params[key] = value as string[];
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, params };
}
