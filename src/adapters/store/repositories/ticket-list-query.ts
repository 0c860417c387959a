import { sql, type Kysely } from 'kysely';
import type { TicketQuery } from '../../../domain/store/store.js';
import { likeContains } from '../codec.js';
import { runShaped } from '../compiled-shapes.js';
import type { Database } from '../schema.js';
import { customerTicketIds } from './customer-tickets.js';
import type { TicketRow } from './ticket-repository.js';

/**
 * A list query with its values as the statement takes them: lists without repeats, the
 * customer's e-mail and the tag lowered, the words as LIKE patterns, the page size plus one. A
 * value is a string or number, or a stand-in while the statement's shape is compiled.
 */
interface ListFilter {
  workspaceId: unknown;
  statuses: unknown[];
  priorities: unknown[];
  queue?: unknown;
  /** An agent's id; `unassigned` asks for none. */
  assigneeId?: unknown;
  unassigned: boolean;
  type?: unknown;
  updatedSince?: unknown;
  customer?: { id: unknown; email: unknown };
  tag?: unknown;
  patterns: unknown[];
  after?: unknown;
  size: unknown;
}

/**
 * One page of ticket rows, newest first, and one more to tell whether a page follows. The
 * statement is compiled once per shape (which filters a query sets, how many statuses and
 * priorities), as the desk's lists repeat a few shapes all day; a search by words is built
 * each time, its shapes being as many as the words people type.
 */
export async function listRows(db: Kysely<Database>, query: TicketQuery): Promise<TicketRow[]> {
  const filter = listFilter(query);
  if (filter.patterns.length > 0) return pageRows(db, filter).execute();
  const values = valuesOf(filter);
  const { rows } = await runShaped(db, `ticket list ${shapeOf(filter)}`, values, (slots) => pageRows(db, withValues(filter, slots)));
  return rows;
}

function listFilter(query: TicketQuery): ListFilter {
  return {
    workspaceId: query.workspaceId,
    statuses: [...new Set(query.statuses ?? [])],
    priorities: [...new Set(query.priorities ?? [])],
    queue: query.queue,
    assigneeId: query.assigneeId ?? undefined,
    unassigned: query.assigneeId === null,
    type: query.type,
    updatedSince: query.updatedSince,
    customer: query.customer === undefined ? undefined : { id: query.customer, email: query.customer.toLowerCase() },
    tag: query.tag?.toLowerCase(),
    patterns: (query.text ?? '').toLowerCase().split(/\s+/).filter(Boolean).map(likeContains),
    after: query.after,
    size: query.limit + 1,
  };
}

/** The filter's values in a fixed order: scalars, then the lists. */
function valuesOf(filter: ListFilter): unknown[] {
  const { workspaceId, queue, assigneeId, type, updatedSince, customer, tag, after, size } = filter;
  const scalars = [workspaceId, queue, assigneeId, type, updatedSince, customer?.id, customer?.email, tag, after, size];
  return [...scalars.filter((value) => value !== undefined), ...filter.statuses, ...filter.priorities];
}

/** Which filters are set and how long the lists are: what the statement's SQL depends on. */
function shapeOf(filter: ListFilter): string {
  const set = (value: unknown) => (value === undefined ? '-' : '+');
  const { queue, assigneeId, type, updatedSince, customer, tag, after } = filter;
  return [queue, assigneeId, type, updatedSince, customer, tag, after].map(set).join('')
    + `${filter.unassigned ? ' unassigned' : ''} × ${filter.statuses.length} × ${filter.priorities.length}`;
}

/** The filter with `values` (in `valuesOf` order) in place of its own. */
function withValues(filter: ListFilter, values: readonly unknown[]): ListFilter {
  let at = 0;
  const next = () => values[at++];
  const take = (value: unknown) => (value === undefined ? undefined : next());
  const workspaceId = next();
  const queue = take(filter.queue);
  const assigneeId = take(filter.assigneeId);
  const type = take(filter.type);
  const updatedSince = take(filter.updatedSince);
  const customer = filter.customer && { id: next(), email: next() };
  const tag = take(filter.tag);
  const after = take(filter.after);
  const size = next();
  const statuses = filter.statuses.map(next);
  const priorities = filter.priorities.map(next);
  return { ...filter, workspaceId, queue, assigneeId, type, updatedSince, customer, tag, after, size, statuses, priorities };
}

/**
 * Given several statuses or priorities, no index holds the matches in id order, so the page is
 * merged from one ordered walk of `tickets_priority` per (status, priority) pair, each stopped at
 * the page size: a page costs the same whether the pairs are common or rare.
 */
function pageRows(db: Kysely<Database>, filter: ListFilter) {
  const size = filter.size as number;
  const pairs = filter.statuses.flatMap((status) => filter.priorities.map((priority) => [status, priority]));
  if (pairs.length < 2) return filtered(db, filter).selectAll().orderBy('id', 'desc').limit(size);
  const walks = pairs.map(([status, priority]) => db
    .selectFrom(filtered(db, { ...filter, statuses: [status], priorities: [priority] })
      .select('id').orderBy('id', 'desc').limit(size).as('walk'))
    .select('walk.id'));
  const ids = walks.reduce((merged, walk) => merged.unionAll(walk));
  return db.selectFrom('tickets').selectAll()
    .where('workspace_id', '=', filter.workspaceId as string).where('id', 'in', ids).orderBy('id', 'desc').limit(size);
}

/** The tickets a filter lets through, before columns, order and limit are chosen. */
function filtered(db: Kysely<Database>, filter: ListFilter) {
  const workspaceId = filter.workspaceId as string;
  let q = db.selectFrom('tickets').where('workspace_id', '=', workspaceId);
  if (filter.statuses.length > 0) q = q.where('status', 'in', filter.statuses as string[]);
  if (filter.priorities.length > 0) q = q.where('priority', 'in', filter.priorities as string[]);
  if (filter.queue !== undefined) q = q.where('queue', '=', filter.queue as string);
  if (filter.unassigned) q = q.where('assignee_id', 'is', null);
  if (filter.assigneeId !== undefined) q = q.where('assignee_id', '=', filter.assigneeId as string);
  if (filter.type !== undefined) q = q.where('type', '=', filter.type as string);
  if (filter.updatedSince !== undefined) q = q.where('updated_at', '>=', filter.updatedSince as number);
  if (filter.customer) q = q.where('id', 'in', customerTicketIds(db, workspaceId, filter.customer as { id: string; email: string }));
  if (filter.tag !== undefined) {
    const tag = filter.tag as string;
    q = q.where('id', 'in', (eb) => eb.selectFrom('ticket_tags').select('ticket_id').where('workspace_id', '=', workspaceId).where('tag', '=', tag));
  }
  for (const pattern of filter.patterns as string[]) q = q.where((eb) => eb.or([lowerLike('title', pattern), lowerLike('description', pattern)]));
  return filter.after !== undefined ? q.where('id', '<', filter.after as string) : q;
}

/** `lower(column) LIKE pattern`, naming the escape likeContains uses: SQLite has no default one. */
function lowerLike(column: 'title' | 'description', pattern: string) {
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}
