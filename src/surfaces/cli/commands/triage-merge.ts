import type { Command } from 'commander';
import { mergeTicketCommand } from '../../../commands/triage/merge-tickets.js';
import { presentTicket } from '../../wire/tickets/ticket-presenter.js';
import { reportDomainError } from '../json-file.js';
import { printJson } from '../print-json.js';
import { TRIAGE_CLI_ACTOR, triageSubcommand } from '../triage-text-options.js';
import { inWorkspace, type DatabaseFlags } from '../workspace-session.js';

/** `switchboard triage merge TICKET_ID --into TARGET_ID`: folds a duplicate into the ticket it repeats. */
export function registerTriageMerge(triage: Command): void {
  triageSubcommand(triage, 'merge')
    .description('merge a duplicate into another ticket: copy its conversation there, link it duplicate_of, close it (as POST /v1/tickets/:id/merge)')
    .argument('<ticket>', 'the duplicate')
    .requiredOption('--into <ticket>', 'the ticket it repeats')
    .action((ticketId: string, flags: DatabaseFlags & { into: string; json?: boolean }) =>
      inWorkspace(flags, TRIAGE_CLI_ACTOR, async ({ store, context }) => {
        const outcome = await store.transaction((tx) => mergeTicketCommand(context(tx), ticketId, flags.into)).catch(reportDomainError);
        if (flags.json) return printJson({ merged: presentTicket(outcome.merged), target: presentTicket(outcome.target), comments: outcome.comments });
        console.log(`Merged ${outcome.merged.id} into ${outcome.target.id} (${outcome.comments} comment(s) copied); ${outcome.merged.id} is closed.`);
      }));
}
