import { fail } from '../../domain/errors.js';
import type { ForeignAuthor, ForeignComment, ForeignTicket } from '../../domain/migration/foreign-ticket.js';
import type { JsonObject, JsonValue } from '../../domain/shared/json.js';
import type { TicketStatus } from '../../domain/ticket/status.js';
import type { Channel, Priority } from '../../domain/ticket/ticket.js';
import { checkForeignTicket, isoTime, optionalTime } from './foreign-check.js';
import { isObject, readListing } from './listing-file.js';
import { fieldName, queueName } from './names.js';

/** The side files of a Zendesk export that name what the tickets point at by id. */
export interface ZendeskFiles {
  users?: string;
  organizations?: string;
  groups?: string;
  ticketFields?: string;
}

interface ZendeskUser {
  name: string | null;
  email: string | null;
  /** `end-user`, `agent` or `admin`. */
  role: string | null;
  organizationId: string | null;
}

/** Zendesk's ids resolved to what Switchboard keeps: people, organization and group names, field titles. */
export interface ZendeskDirectory {
  users: ReadonlyMap<string, ZendeskUser>;
  organizations: ReadonlyMap<string, string>;
  groups: ReadonlyMap<string, string>;
  fields: ReadonlyMap<string, string>;
}

const STATUSES: Record<string, TicketStatus> = {
  new: 'queued', open: 'queued', pending: 'pending', hold: 'on_hold', solved: 'resolved', closed: 'closed',
};
const TYPES: Record<string, string> = { question: 'support', incident: 'incident', problem: 'incident', task: 'task' };
const CHANNELS: Record<string, Channel> = {
  email: 'email', web: 'form', chat: 'chat', native_messaging: 'chat', voice: 'phone', api: 'api', mobile: 'form', mobile_sdk: 'form',
};
const PRIORITIES = new Set<Priority>(['urgent', 'high', 'normal', 'low']);
/** Zendesk rates good or bad; on Switchboard's 1–5 scale those are the ends. */
const CSAT_SCORES: Record<string, number> = { good: 5, bad: 1 };

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);
const id = (value: unknown): string | null => (typeof value === 'number' || typeof value === 'string' ? String(value) : null);

/** Reads the side files given; a missing one leaves its ids unresolved (fields then keep Zendesk's ids in their names). */
export async function zendeskDirectory(files: ZendeskFiles): Promise<ZendeskDirectory> {
  const pairs = async (file: string | undefined, key: string, value: (item: Record<string, unknown>) => string | null) =>
    new Map(file ? (await readListing(file, key, (item) => [id(item.id), value(item)] as const)).filter(isPair) : []);
  const users = new Map(files.users ? (await readListing(files.users, 'users', (item) => [id(item.id), {
    name: text(item.name), email: text(item.email)?.toLowerCase() ?? null, role: text(item.role), organizationId: id(item.organization_id),
  }] as const)).filter((pair): pair is [string, ZendeskUser] => pair[0] !== null) : []);
  return {
    users,
    organizations: await pairs(files.organizations, 'organizations', (item) => text(item.name)),
    groups: await pairs(files.groups, 'groups', (item) => text(item.name)),
    fields: await pairs(files.ticketFields, 'ticket_fields', (item) => text(item.title)),
  };
}

function isPair(pair: readonly [string | null, string | null]): pair is [string, string] {
  return pair[0] !== null && pair[1] !== null;
}

/**
 * One ticket of Zendesk's JSON export (or API, with its `comments`) in Switchboard's terms.
 * Throws a coded error for a ticket that cannot be imported.
 */
export function zendeskTicket(raw: unknown, directory: ZendeskDirectory): ForeignTicket {
  if (!isObject(raw)) throw fail('validation_failed', 'A Zendesk ticket must be an object.', { path: '' });
  const externalId = id(raw.id);
  if (externalId === null) throw fail('validation_failed', 'The ticket has no id.', { path: '/id' });
  const status = STATUSES[String(raw.status)];
  if (!status) throw fail('invalid_value', `Unknown Zendesk status "${String(raw.status)}".`, { path: '/status' });
  const description = text(raw.description) ?? '';
  const requester = directory.users.get(id(raw.requester_id) ?? '');
  const organizationId = id(raw.organization_id) ?? requester?.organizationId ?? null;
  const metrics = isObject(raw.metric_set) ? raw.metric_set : {};
  const rating = isObject(raw.satisfaction_rating) ? raw.satisfaction_rating : null;
  const score = rating ? CSAT_SCORES[String(rating.score)] : undefined;
  return checkForeignTicket({
    source: 'zendesk',
    externalId,
    title: text(raw.subject) ?? text(raw.raw_subject) ?? (description.split('\n')[0]!.slice(0, 200) || `Zendesk ticket ${externalId}`),
    description,
    status,
    priority: PRIORITIES.has(raw.priority as Priority) ? raw.priority as Priority : null,
    type: TYPES[String(raw.type)] ?? null,
    channel: CHANNELS[String(isObject(raw.via) ? raw.via.channel : '')] ?? null,
    tags: Array.isArray(raw.tags) ? raw.tags.filter((tag): tag is string => typeof tag === 'string') : [],
    fields: customFields(raw.custom_fields, directory.fields),
    requester: requester || organizationId ? {
      name: requester?.name ?? null, email: requester?.email ?? null, organization: directory.organizations.get(organizationId ?? '') ?? null,
    } : null,
    group: queueName(directory.groups.get(id(raw.group_id) ?? '') ?? null),
    assigneeEmail: directory.users.get(id(raw.assignee_id) ?? '')?.email ?? null,
    createdAt: isoTime(raw.created_at),
    updatedAt: isoTime(raw.updated_at),
    solvedAt: optionalTime(metrics.solved_at),
    closedAt: status === 'closed' ? optionalTime(raw.updated_at) : null,
    comments: conversation(raw, description, directory),
    csat: score === undefined ? null : { score, comment: text(rating?.comment) },
  });
}

/** Custom fields by their titles (`Category` → `category`), or `field_<id>` without the ticket fields file; empty ones left out. */
function customFields(raw: unknown, titles: ReadonlyMap<string, string>): JsonObject {
  const fields: JsonObject = {};
  for (const field of Array.isArray(raw) ? raw : []) {
    if (!isObject(field) || field.value === null || field.value === undefined || field.value === '') continue;
    const fieldId = id(field.id);
    if (fieldId === null) continue;
    fields[fieldName(titles.get(fieldId) ?? `field ${fieldId}`)] = field.value as JsonValue;
  }
  return fields;
}

/** The comments after the first, which Zendesk repeats as the description. */
function conversation(raw: Record<string, unknown>, description: string, directory: ZendeskDirectory): ForeignComment[] {
  const comments = Array.isArray(raw.comments) ? raw.comments.filter(isObject) : [];
  const rest = comments.length > 0 && bodyOf(comments[0]!).trim() === description.trim() ? comments.slice(1) : comments;
  const requesterId = id(raw.requester_id);
  return rest.map((comment, i) => ({
    externalId: id(comment.id) ?? `${id(raw.id)}-${i}`,
    author: authorOf(id(comment.author_id), requesterId, directory),
    body: bodyOf(comment),
    visibility: comment.public === false ? 'internal' : 'public',
    createdAt: isoTime(comment.created_at),
  }));
}

function bodyOf(comment: Record<string, unknown>): string {
  return text(comment.plain_body) ?? text(comment.body) ?? '';
}

function authorOf(authorId: string | null, requesterId: string | null, directory: ZendeskDirectory): ForeignAuthor {
  const user = directory.users.get(authorId ?? '');
  const isCustomer = user ? user.role === 'end-user' : authorId === requesterId;
  return { kind: isCustomer ? 'customer' : 'agent', name: user?.name ?? null, email: user?.email ?? null };
}
