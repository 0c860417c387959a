import { checkApprovalSpec } from '../approval/approval-spec.js';
import { MAX_LEVEL } from '../escalation/escalation-config.js';
import { unknownAction, type ActionDocument } from './automation.js';
import { checkAgent, checkQueue, type ConfigError, type ConfigReferences } from './config-errors.js';
import { checkSet } from './settable-fields.js';
import { checkTemplate } from './template.js';

/** Checks one action against what exists; the switch covers every kind. */
export function checkAction(action: ActionDocument, path: string, refs: ConfigReferences | null, errors: ConfigError[]): void {
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
    case 'request_approval': return checkApprovalSpec(action, path, refs, errors, checkAction);
    default:
      unknownAction(action);
  }
}

