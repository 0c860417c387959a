import { describeApprovers, type ApprovalSpecDocument } from '../approval/approval.js';
import type { Evaluator } from '../expression/index.js';
import type { JsonValue } from '../shared/json.js';
import type { Priority } from '../ticket/ticket.js';

/** The history events an automation can listen to. */
export const AUTOMATION_EVENTS = [
  'ticket.created', 'ticket.updated', 'ticket.status_changed', 'ticket.assigned', 'ticket.escalated',
  'comment.added', 'sla.warning', 'sla.breached', 'handoff.received', 'ticket.rated',
] as const;
export type AutomationEvent = (typeof AUTOMATION_EVENTS)[number];

/** What an automation does, tagged by `kind`; every consumer switches over all kinds. */
export type ActionDocument =
  | { kind: 'set'; field: string; value: JsonValue }
  | { kind: 'add_tags'; tags: string[] }
  | { kind: 'remove_tags'; tags: string[] }
  | { kind: 'assign_queue'; queue: string }
  | { kind: 'assign_agent'; agent: string }
  | { kind: 'escalate'; level?: number; reason: string }
  | { kind: 'reply'; canned_response: string }
  | { kind: 'note'; canned_response: string }
  | { kind: 'add_watcher'; agent: string }
  | { kind: 'notify_webhook'; webhook: string }
  | { kind: 'create_follow_up'; title: string; description?: string; type?: string; priority?: Priority; queue?: string }
  | ({ kind: 'request_approval' } & ApprovalSpecDocument);

export type ActionKind = ActionDocument['kind'];

// A record, so that a kind added to ActionDocument without a place here does not compile.
const LISTED_KINDS: Record<ActionKind, true> = {
  set: true, add_tags: true, remove_tags: true, assign_queue: true, assign_agent: true, escalate: true, reply: true,
  note: true, add_watcher: true, notify_webhook: true, create_follow_up: true, request_approval: true,
};
/** Every kind of action, for whoever must name each one (the dashboard's catalogue). */
export const ACTION_KINDS = Object.keys(LISTED_KINDS) as ActionKind[];

/** When a scheduled automation runs, and which open tickets it looks at. */
export interface ScheduleDocument {
  /** e.g. "15m"; at least one minute. */
  every: string;
  /** Only tickets with no update for this long, e.g. "48h". */
  idle_for?: string;
}

/** An event–condition–action rule as a lead writes it. */
export interface AutomationDocument {
  name: string;
  enabled?: boolean;
  /** Run on these events … */
  events?: AutomationEvent[];
  /** … or on a schedule. */
  schedule?: ScheduleDocument;
  /** A CEL condition over the workflow scope; absent means always. */
  when?: string;
  actions: ActionDocument[];
}

/** A saved automation. */
export interface Automation {
  id: string;
  workspaceId: string;
  document: AutomationDocument;
  version: number;
  createdAt: number;
  updatedAt: number;
  /** When a scheduled automation runs next; null for event automations. */
  nextRunAt: number | null;
}

/** An automation ready to run. */
export interface CompiledAutomation {
  id: string;
  name: string;
  events: ReadonlySet<string> | null;
  schedule: { everyMs: number; idleForMs: number | null } | null;
  when: Evaluator | null;
  actions: readonly ActionDocument[];
}

/** A canned response: a reply or note with `{{variables}}`. */
export interface CannedResponse {
  id: string;
  workspaceId: string;
  name: string;
  body: string;
  version: number;
  createdAt: number;
  updatedAt: number;
}

/** Turns an unexpected value into a compile error at the call site of an exhaustive switch. */
export function unknownAction(action: never): never {
  throw new Error(`unknown action ${JSON.stringify(action)}`);
}

/** A one-line description of an action, for dry runs and history. */
export function describeAction(action: ActionDocument): string {
  switch (action.kind) {
    case 'set': return `set ${action.field} to ${JSON.stringify(action.value)}`;
    case 'add_tags': return `add tags ${action.tags.join(', ')}`;
    case 'remove_tags': return `remove tags ${action.tags.join(', ')}`;
    case 'assign_queue': return `send to queue ${action.queue}`;
    case 'assign_agent': return `assign to agent ${action.agent}`;
    case 'escalate': return `escalate${action.level === undefined ? ' one level' : ` to level ${action.level}`}: ${action.reason}`;
    case 'reply': return `reply with canned response ${action.canned_response}`;
    case 'note': return `internal note from canned response ${action.canned_response}`;
    case 'add_watcher': return `add watcher ${action.agent}`;
    case 'notify_webhook': return `notify webhook ${action.webhook}`;
    case 'create_follow_up': return `create follow-up "${action.title}" blocked by this ticket`;
    case 'request_approval': return `ask ${describeApprovers(action.approvers)} to approve: ${action.reason}`;
    default: return unknownAction(action);
  }
}
