import type { Command } from 'commander';
import type { Static } from 'typebox';
import { escalateTicketCommand } from '../../../commands/escalation/escalate-ticket.js';
import { submitTicketCommand } from '../../../commands/intake/submit-ticket.js';
import { CHANNELS, PRIORITIES } from '../../../domain/ticket/ticket.js';
import { presentTicket } from '../../wire/tickets/ticket-presenter.js';
import { draftFromBody } from '../../wire/tickets/ticket-input.js';
import { TicketCreateBody } from '../../wire/tickets/ticket-schemas.js';
import { presentEscalationOutcome } from '../../wire/workflows/workflow-presenter.js';
import { EscalateBody } from '../../wire/workflows/workflow-schemas.js';
import { checkedBody } from '../json-file.js';
import { printJson } from '../print-json.js';
import { refusedAsUsage } from '../usage-error.js';
import { CLI_ACTOR, workspaceSubcommand } from '../workspace-subcommand.js';
import { inWorkspace, type DatabaseFlags } from '../workspace-session.js';

interface CreateFlags extends DatabaseFlags {
  json?: boolean;
  title: string;
  description?: string;
  type?: string;
  channel?: string;
  priority?: string;
  queue?: string;
  tags?: string;
  assignee?: string;
  language?: string;
  customerEmail?: string;
  customerName?: string;
}

type Shown = ReturnType<typeof presentTicket>;
const placeOf = (t: Shown) => `${t.status} · ${t.priority} · queue ${t.queue ?? '—'} · assignee ${t.assignee ?? '—'}`;

/** `switchboard tickets create|escalate`: intake as `POST /v1/tickets`, and a manual escalation as the API's. */
export function registerTicketIntake(tickets: Command): void {
  workspaceSubcommand(tickets, 'create')
    .description('take a ticket in as POST /v1/tickets: triage, SLA and routing')
    .requiredOption('--title <text>', 'what the ticket is about')
    .option('--description <text>', 'the request in full')
    .option('--type <type>', 'support (default), incident, … or a custom type')
    .option('--channel <channel>', `one of ${CHANNELS.join(', ')}`)
    .option('--priority <priority>', `one of ${PRIORITIES.join(', ')}`)
    .option('--queue <queue>', 'a queue of the routing policy (default: the policy decides)')
    .option('--tags <tags>', 'comma-separated tags')
    .option('--assignee <id>', 'an agent id')
    .option('--language <tag>', 'BCP 47 language tag, e.g. fi')
    .option('--customer-email <address>', "the requester's e-mail")
    .option('--customer-name <name>', "the requester's name")
    .action((flags: CreateFlags) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      const draft = draftFromBody(checkedBody<Static<typeof TicketCreateBody>>(createBody(flags), TicketCreateBody));
      const { ticket } = await store.transaction((tx) => submitTicketCommand(context(tx), draft)).catch(refusedAsUsage);
      const shown = presentTicket(ticket);
      if (flags.json) return printJson(shown);
      console.log(`Created ${shown.id}: ${placeOf(shown)}`);
    }));
  workspaceSubcommand(tickets, 'escalate')
    .description('move a ticket one level up, or to --level, as POST /v1/tickets/:id/escalate')
    .argument('<id>', 'the ticket id')
    .requiredOption('--reason <text>', 'why it needs the next level')
    .option('--level <n>', 'the level to go to (default: one up)')
    .action((id: string, flags: DatabaseFlags & { json?: boolean; reason: string; level?: string }) =>
      inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
        const level = flags.level === undefined ? {} : { level: Number(flags.level) };
        const body = checkedBody<Static<typeof EscalateBody>>({ reason: flags.reason, ...level }, EscalateBody);
        const request = { ...body, trigger: 'manual' };
        const outcome = presentEscalationOutcome(
          await store.transaction((tx) => escalateTicketCommand(context(tx), id, request)).catch(refusedAsUsage));
        if (flags.json) return printJson(outcome);
        const moved = outcome.escalation ? `level ${outcome.escalation.from_level} → ${outcome.escalation.to_level}` : 'waits for approval';
        console.log(`${outcome.ticket.id} ${moved}: ${placeOf(outcome.ticket)}`);
      }));
}

/** The `POST /v1/tickets` body the flags describe; the schema checks it as the API would. */
function createBody(flags: CreateFlags): Record<string, unknown> {
  const customer = flags.customerEmail ?? flags.customerName
    ? { customer: { email: flags.customerEmail ?? null, name: flags.customerName ?? null } } : {};
  const given = {
    title: flags.title, description: flags.description, type: flags.type, channel: flags.channel, priority: flags.priority,
    queue: flags.queue, assignee: flags.assignee, language: flags.language,
    tags: flags.tags?.split(',').map((tag) => tag.trim()).filter(Boolean),
  };
  return { ...Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)), ...customer };
}
