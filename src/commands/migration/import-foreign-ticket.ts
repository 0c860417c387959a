import {
  foreignDraft, historicalComment, historicalTicket, isHistorical, type ForeignComment, type ForeignTicket,
} from '../../domain/migration/foreign-ticket.js';
import { outcomeCategory } from '../../domain/portal/csat.js';
import type { Actor } from '../../domain/shared/actor.js';
import type { Clock } from '../../domain/shared/clock.js';
import { DONE_STATUSES } from '../../domain/ticket/status.js';
import type { Ticket, TicketPatch } from '../../domain/ticket/ticket.js';
import { ticketSnapshot } from '../../domain/ticket/ticket-snapshot.js';
import { addCommentCommand } from '../add-comment.js';
import type { CommandContext } from '../context.js';
import { submitTicketCommand } from '../intake/submit-ticket.js';
import { loadTicket } from '../load-ticket.js';
import { commit } from '../pipeline/commit.js';
import type { Reactions } from '../pipeline/reactor.js';
import { recordEvent } from '../record-event.js';
import type { RoutingContext } from '../routing/routing-context.js';
import { updateTicketCommand } from '../update-ticket.js';

export type ImportOutcome = 'created' | 'updated' | 'unchanged';

/** What the import knows before its transactions: the workspace's agent ids by lower-cased e-mail and by name. */
export interface ImportDirectory {
  agents: ReadonlyMap<string, string>;
}

/** Finished history is written as it was: nothing routes, escalates or automates it again. */
const NO_REACTIONS: Reactions = Object.freeze({ reactors: [], carryOut: async () => {} });

const at = (time: number): Clock => ({ now: () => time });

/**
 * Brings one ticket of another help desk in. Finished tickets keep their status, times and
 * assignee and are not routed; open ones go through intake as `POST /v1/tickets` would, on a
 * clock set to their real creation, so their SLA runs from then. The conversation follows with
 * each entry's author and time. A ticket imported before (same source and id) is updated, and
 * only comments not seen before are added, so running an import again makes no duplicates.
 */
export async function importForeignTicketCommand(ctx: RoutingContext, foreign: ForeignTicket, directory: ImportDirectory): Promise<ImportOutcome> {
  const known = await ctx.tx.externalReferences.find(ctx.workspaceId, foreign.source, `ticket:${foreign.externalId}`);
  const assigneeId = agentFor(directory, foreign.assigneeEmail);
  if (known) return refreshTicket(ctx, await loadTicket(ctx, known), foreign, directory);
  const ticket = isHistorical(foreign) ? await insertHistory(ctx, foreign, assigneeId) : await takeIn(ctx, foreign, assigneeId);
  await noteReference(ctx, foreign.source, `ticket:${foreign.externalId}`, ticket.id);
  await addNewComments(ctx, ticket, foreign, directory);
  if (isHistorical(foreign)) await keepRating(ctx, ticket, foreign);
  return 'created';
}

/** The agent an export names by e-mail (or only by name, as Freshdesk's CSV does). */
function agentFor(directory: ImportDirectory, address: string | null): string | null {
  return address ? directory.agents.get(address.trim().toLowerCase()) ?? null : null;
}

async function takeIn(ctx: RoutingContext, foreign: ForeignTicket, assigneeId: string | null): Promise<Ticket> {
  const { ticket } = await submitTicketCommand({ ...ctx, clock: at(foreign.createdAt) }, foreignDraft(foreign, assigneeId));
  return ticket;
}

async function insertHistory(ctx: CommandContext, foreign: ForeignTicket, assigneeId: string | null): Promise<Ticket> {
  const ticket = historicalTicket(foreign, ctx.ids.next('tkt'), ctx.workspaceId, assigneeId);
  await commit({ ...ctx, clock: at(foreign.createdAt), reactions: NO_REACTIONS }, {
    before: null,
    after: ticket,
    events: [{ type: 'ticket.imported', after: ticketSnapshot(ticket), data: { source: foreign.source, external_id: foreign.externalId } }],
  });
  return ticket;
}

/** Changes what the other help desk changed since the last run, as `PATCH /v1/tickets/:id` would. */
async function refreshTicket(ctx: RoutingContext, current: Ticket, foreign: ForeignTicket, directory: ImportDirectory): Promise<ImportOutcome> {
  const added = await addNewComments(ctx, current, foreign, directory);
  const patch = refreshPatch(current, foreign);
  if (Object.keys(patch).length > 0) {
    await updateTicketCommand({ ...ctx, clock: at(foreign.updatedAt) }, current.id, patch);
  }
  const changed = added > 0 || Object.keys(patch).length > 0;
  if (isHistorical(foreign)) await keepRating(ctx, await loadTicket(ctx, current.id), foreign);
  return changed ? 'updated' : 'unchanged';
}

function refreshPatch(current: Ticket, foreign: ForeignTicket): TicketPatch {
  const patch: TicketPatch = {};
  if (foreign.title.trim() !== current.title) patch.title = foreign.title;
  if (foreign.description !== current.description) patch.description = foreign.description;
  if (foreign.priority && foreign.priority !== current.priority) patch.priority = foreign.priority;
  if (JSON.stringify(foreign.tags.map((t) => t.trim().toLowerCase())) !== JSON.stringify(current.tags)) patch.tags = foreign.tags;
  if (JSON.stringify(foreign.fields) !== JSON.stringify(current.fields)) patch.fields = foreign.fields;
  const done = DONE_STATUSES.has(foreign.status);
  if (done && foreign.status !== current.status) patch.status = foreign.status;
  else if (!done && DONE_STATUSES.has(current.status)) patch.status = 'queued';
  return patch;
}

/** Adds the comments no earlier run added, each by its author at its time; returns how many. */
async function addNewComments(ctx: CommandContext, ticket: Ticket, foreign: ForeignTicket, directory: ImportDirectory): Promise<number> {
  let added = 0;
  for (const comment of foreign.comments) {
    const key = `comment:${comment.externalId}`;
    if (await ctx.tx.externalReferences.find(ctx.workspaceId, foreign.source, key)) continue;
    const agentId = comment.author.kind === 'agent' ? agentFor(directory, comment.author.email) : null;
    const id = DONE_STATUSES.has(ticket.status) ? await insertComment(ctx, ticket, comment, agentId) : await replay(ctx, ticket, comment, agentId);
    await noteReference(ctx, foreign.source, key, id);
    added++;
  }
  return added;
}

/** A comment on open work, as `POST /v1/tickets/:id/comments` by its author at its time (first response, SLA). */
async function replay(ctx: CommandContext, ticket: Ticket, comment: ForeignComment, agentId: string | null): Promise<string> {
  const author = { ...ctx, clock: at(comment.createdAt), actor: authorOf(comment, agentId) };
  const { comment: added } = await addCommentCommand(author, ticket.id, { body: comment.body, visibility: comment.visibility });
  return added.id;
}

function noteReference(ctx: CommandContext, source: string, externalId: string, localId: string): Promise<void> {
  return ctx.tx.externalReferences.insert({ workspaceId: ctx.workspaceId, source, externalId, localId, at: ctx.clock.now() });
}

function authorOf(comment: ForeignComment, agentId: string | null): Actor {
  return { kind: comment.author.kind, id: agentId, name: comment.author.name ?? comment.author.email };
}

/** A comment of finished work: stored with its history entry, changing nothing on the ticket. */
async function insertComment(ctx: CommandContext, ticket: Ticket, comment: ForeignComment, agentId: string | null): Promise<string> {
  const stored = historicalComment(comment, ctx.ids.next('cmt'), ticket, agentId);
  await ctx.tx.comments.insert(stored);
  await recordEvent({ ...ctx, clock: at(comment.createdAt), actor: authorOf(comment, agentId) }, {
    entityKind: 'ticket', entityId: ticket.id, ticketId: ticket.id, type: 'comment.added',
    data: { comment_id: stored.id, visibility: stored.visibility, author_kind: stored.authorKind },
  });
  return stored.id;
}

/** The requester's rating of the resolution, once per resolution. */
async function keepRating(ctx: CommandContext, ticket: Ticket, foreign: ForeignTicket): Promise<void> {
  if (!foreign.csat || ticket.resolvedAt === null) return;
  await ctx.tx.portal.insertRating({
    id: ctx.ids.next('csat'), workspaceId: ctx.workspaceId, ticketId: ticket.id, resolvedAt: ticket.resolvedAt,
    score: foreign.csat.score, comment: foreign.csat.comment, agentId: ticket.assigneeId, category: outcomeCategory(ticket),
    ratedAt: foreign.updatedAt,
  });
}
