import type { Command } from 'commander';
import { addCommentCommand } from '../../../commands/add-comment.js';
import { loadTicket } from '../../../commands/load-ticket.js';
import { updateTicketCommand } from '../../../commands/update-ticket.js';
import { TICKET_STATUSES, type TicketStatus } from '../../../domain/ticket/status.js';
import { PRIORITIES, type Priority, type TicketPatch } from '../../../domain/ticket/ticket.js';
import { presentComment, presentTicket } from '../../wire/tickets/ticket-presenter.js';
import { formatTable } from '../evaluation-table.js';
import { printJson } from '../print-json.js';
import { refusedAsUsage, usageError } from '../usage-error.js';
import { CLI_ACTOR, workspaceSubcommand } from '../workspace-subcommand.js';
import { inWorkspace, type DatabaseFlags } from '../workspace-session.js';

type Flags = DatabaseFlags & { json?: boolean };
interface ListFlags extends Flags { status?: string; queue?: string; assignee?: string; limit: string }
interface UpdateFlags extends Flags { status?: string; priority?: string; queue?: string; tags?: string; assignee?: string }


function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], name: string): T | undefined {
  if (value !== undefined && !(allowed as readonly string[]).includes(value)) usageError(`--${name} must be one of ${allowed.join(', ')}.`);
  return value as T | undefined;
}

/**
 * `switchboard tickets list|show|update|assign|comment`: the daily work on tickets, with the API's
 * commands and rules; returns `tickets` for its other sub-commands.
 */
export function registerTickets(program: Command): Command {
  const tickets = program.command('tickets').alias('ticket').description('list, read and work tickets');
  workspaceSubcommand(tickets, 'list')
    .description('the newest tickets, with filters')
    .option('--status <status>', `one of ${TICKET_STATUSES.join(', ')}`)
    .option('--queue <queue>', 'only this queue')
    .option('--assignee <id>', 'an agent id, or none for unassigned work')
    .option('--limit <n>', 'how many (1–200)', '50')
    .action((flags: ListFlags) => inWorkspace(flags, CLI_ACTOR, async ({ store, workspaceId }) => {
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 200) usageError('--limit must be a whole number from 1 to 200.');
      const status = oneOf<TicketStatus>(flags.status, TICKET_STATUSES, 'status');
      const assigneeId = flags.assignee === undefined ? undefined : flags.assignee === 'none' ? null : flags.assignee;
      const page = await store.read((tx) => tx.tickets.list({ workspaceId, statuses: status && [status], queue: flags.queue, assigneeId, limit }));
      const shown = page.items.map((ticket) => presentTicket(ticket));
      if (flags.json) return printJson({ data: shown });
      console.log(formatTable(['id', 'status', 'priority', 'queue', 'assignee', 'created', 'title'],
        shown.map((t) => [t.id, t.status, t.priority, t.queue ?? '', t.assignee ?? '', t.created_at, t.title.slice(0, 60)]), true));
    }));
  workspaceSubcommand(tickets, 'show')
    .description('one ticket with its conversation')
    .argument('<id>', 'the ticket id')
    .action((id: string, flags: Flags) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      const { ticket, comments } = await store.read(async (tx) => {
        const found = await loadTicket(context(tx), id);
        return { ticket: presentTicket(found), comments: (await tx.comments.list(found.workspaceId, id, undefined, 200)).items.map(presentComment) };
      }).catch(refusedAsUsage);
      if (flags.json) return printJson({ ...ticket, comments });
      console.log(`${ticket.id}  ${ticket.title}\n${ticket.status} · ${ticket.priority} · ${ticket.type} · queue ${ticket.queue ?? '—'} · assignee ${ticket.assignee ?? '—'}`);
      console.log(`created ${ticket.created_at} · updated ${ticket.updated_at}${ticket.customer?.email ? ` · from ${ticket.customer.email}` : ''}`);
      if (ticket.description) console.log(`\n${ticket.description}`);
      for (const c of comments) console.log(`\n— ${c.created_at} ${c.author.kind} ${c.author.name ?? ''} (${c.visibility})\n${c.body}`);
    }));
  workspaceSubcommand(tickets, 'update')
    .description('change status, priority, queue, tags or assignee, as PATCH /v1/tickets/:id')
    .argument('<id>', 'the ticket id')
    .option('--status <status>', `one of ${TICKET_STATUSES.join(', ')}`)
    .option('--priority <priority>', `one of ${PRIORITIES.join(', ')}`)
    .option('--queue <queue>', 'a queue of the routing policy')
    .option('--tags <tags>', 'the whole tag list, comma-separated')
    .option('--assignee <id>', 'an agent id, or none')
    .action((id: string, flags: UpdateFlags) => changeTicket(id, flags, patchOf(flags)));
  workspaceSubcommand(tickets, 'assign')
    .description('hand a ticket to an agent (none: back to its queue)')
    .argument('<id>', 'the ticket id')
    .argument('<agent>', 'an agent id, or none')
    .action((id: string, agent: string, flags: Flags) => changeTicket(id, flags, { assigneeId: agent === 'none' ? null : agent }));
  workspaceSubcommand(tickets, 'comment')
    .description('add a public reply or, with --internal, a note')
    .argument('<id>', 'the ticket id')
    .requiredOption('--body <text>', 'what to say')
    .option('--internal', 'a note among agents instead of a public reply')
    .action((id: string, flags: Flags & { body: string; internal?: boolean }) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      const visibility = flags.internal ? 'internal' : 'public';
      const { comment } = await store.transaction((tx) => addCommentCommand(context(tx), id, { body: flags.body, visibility })).catch(refusedAsUsage);
      if (flags.json) return printJson(presentComment(comment));
      console.log(`Comment ${comment.id} added (${visibility}).`);
    }));
  return tickets;
}

function patchOf(flags: UpdateFlags): TicketPatch {
  const patch: TicketPatch = {
    status: oneOf<TicketStatus>(flags.status, TICKET_STATUSES, 'status'),
    priority: oneOf<Priority>(flags.priority, PRIORITIES, 'priority'),
    queue: flags.queue,
    tags: flags.tags?.split(',').map((tag) => tag.trim()).filter(Boolean),
    assigneeId: flags.assignee === undefined ? undefined : flags.assignee === 'none' ? null : flags.assignee,
  };
  const given = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as TicketPatch;
  if (Object.keys(given).length === 0) usageError('Give at least one of --status, --priority, --queue, --tags, --assignee.');
  return given;
}

function changeTicket(id: string, flags: Flags, patch: TicketPatch): Promise<void> {
  return inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
    const ticket = presentTicket(await store.transaction((tx) => updateTicketCommand(context(tx), id, patch)).catch(refusedAsUsage));
    if (flags.json) return printJson(ticket);
    console.log(`${ticket.id}  ${ticket.status} · ${ticket.priority} · queue ${ticket.queue ?? '—'} · assignee ${ticket.assignee ?? '—'} (version ${ticket.version})`);
  });
}
