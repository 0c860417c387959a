import { CONDITION_SCOPE } from '../escalation/condition-scope.js';
import { parseDuration } from '../routing/policy.js';
import { checkAction } from './action-checks.js';
import type { AutomationDocument, CompiledAutomation } from './automation.js';
import { compileCondition, type ConfigError, type ConfigReferences } from './config-errors.js';

/** The shortest schedule: a rule over many tickets every few seconds would crowd out real work. */
export const MIN_SCHEDULE_MS = 60_000;

export type AutomationCompilation = { ok: true; automation: CompiledAutomation } | { ok: false; errors: ConfigError[] };

/**
 * Checks an automation and compiles it. Every mistake is reported with its path: neither or both
 * of `events` and `schedule`, a duration that does not parse, a condition that does not
 * type-check (with its position), and any action that names a queue, agent, field or canned
 * response that does not exist.
 */
export function compileAutomation(id: string, document: AutomationDocument, refs: ConfigReferences | null): AutomationCompilation {
  const errors: ConfigError[] = [];
  if ((document.events === undefined) === (document.schedule === undefined)) {
    errors.push({ path: '', message: 'An automation runs either on "events" or on a "schedule", not both or neither.' });
  }
  if (document.events !== undefined && document.events.length === 0) errors.push({ path: '/events', message: 'Name at least one event.' });
  const schedule = document.schedule === undefined ? null : compileSchedule(document.schedule, errors);
  const when = document.when === undefined ? null : compileCondition(document.when, CONDITION_SCOPE, '/when', errors);
  if (document.actions.length === 0) errors.push({ path: '/actions', message: 'An automation needs at least one action.' });
  document.actions.forEach((action, i) => checkAction(action, `/actions/${i}`, refs, errors));
  if (errors.length > 0 || when === undefined) return { ok: false, errors };
  return {
    ok: true,
    automation: {
      id, name: document.name, events: document.events ? new Set(document.events) : null, schedule, when, actions: document.actions,
    },
  };
}

function compileSchedule(schedule: NonNullable<AutomationDocument['schedule']>, errors: ConfigError[]): CompiledAutomation['schedule'] {
  const everyMs = parseDuration(schedule.every);
  if (everyMs === undefined || everyMs < MIN_SCHEDULE_MS) {
    errors.push({ path: '/schedule/every', message: `"${schedule.every}" is not a duration of at least a minute; write e.g. "15m" or "1h".` });
  }
  const idleForMs = schedule.idle_for === undefined ? null : parseDuration(schedule.idle_for);
  if (idleForMs === undefined || idleForMs === 0) {
    errors.push({ path: '/schedule/idle_for', message: `"${schedule.idle_for}" is not a duration; write e.g. "48h" or "2d".` });
  }
  return { everyMs: everyMs ?? MIN_SCHEDULE_MS, idleForMs: idleForMs ?? null };
}
