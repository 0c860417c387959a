import { CONDITION_SCOPE } from '../escalation/condition-scope.js';
import { MAX_LEVEL } from '../escalation/escalation-config.js';
import { parseDuration } from '../routing/policy.js';
import { unknownAction, type ActionDocument, type AutomationDocument, type CompiledAutomation } from './automation.js';
import { checkAgent, checkQueue, compileCondition, type ConfigError, type ConfigReferences } from './config-errors.js';
import { checkSet } from './settable-fields.js';
import { checkTemplate } from './template.js';

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

/** Checks one action against what exists; the switch covers every kind. */
function checkAction(action: ActionDocument, path: string, refs: ConfigReferences | null, errors: ConfigError[]): void {
  switch (action.kind) {
    case 'set': {
      const problem = checkSet(action.field, action.value);
      if (problem) errors.push({ path: `${path}${problem.path}`, message: problem.message });
      return;
    }
    case 'add_tags':
    case 'remove_tags':
      if (action.tags.length === 0) errors.push({ path: `${path}/tags`, message: 'Name at least one tag.' });
      return;
    case 'assign_queue': return checkQueue(action.queue, `${path}/queue`, refs, errors);
    case 'assign_agent':
    case 'add_watcher': return checkAgent(action.agent, `${path}/agent`, refs, errors);
    case 'escalate':
      if (action.level !== undefined && (action.level < 1 || action.level > MAX_LEVEL)) {
        errors.push({ path: `${path}/level`, message: `Levels run from 1 to ${MAX_LEVEL}.` });
      }
      return;
    case 'reply':
    case 'note':
      if (refs !== null && !refs.cannedResponses.has(action.canned_response)) {
        errors.push({ path: `${path}/canned_response`, message: `There is no canned response "${action.canned_response}".` });
      }
      return;
    case 'notify_webhook':
      if (refs !== null && !refs.webhooks.has(action.webhook)) errors.push({ path: `${path}/webhook`, message: `There is no webhook "${action.webhook}".` });
      return;
    case 'create_follow_up':
      for (const key of ['title', 'description'] as const) {
        const text = action[key];
        for (const problem of text === undefined ? [] : checkTemplate(text)) errors.push({ path: `${path}/${key}`, message: `${problem.message} (at character ${problem.offset})` });
      }
      if (action.queue !== undefined) checkQueue(action.queue, `${path}/queue`, refs, errors);
      return;
    default:
      unknownAction(action);
  }
}

