import type { Command } from 'commander';
import { ticketSummaryCommand } from '../../../commands/triage/summarize-ticket.js';
import { presentSummary } from '../../wire/ticket-text/ticket-text-presenter.js';
import { reportDomainError } from '../json-file.js';
import { printJson } from '../print-json.js';
import {
  configuredTriage, TRIAGE_CLI_ACTOR, triageSubcommand, wholeNumberOption,
} from '../triage-text-options.js';
import { inWorkspace, type DatabaseFlags } from '../workspace-session.js';

/** `switchboard triage summary TICKET_ID`: what a ticket and its conversation are about. */
export function registerTriageSummary(triage: Command): void {
  triageSubcommand(triage, 'summary')
    .description("summarise a ticket's description and conversation (as GET /v1/tickets/:id/summary)")
    .argument('<ticket>', 'ticket id')
    .option('--sentences <n>', 'how many sentences (1-20)', '3')
    .action((ticketId: string, flags: DatabaseFlags & { sentences: string; json?: boolean }) => {
      const sentences = wholeNumberOption('sentences', flags.sentences, 1, 20);
      return inWorkspace(flags, TRIAGE_CLI_ACTOR, async ({ store, workspaceId }) => {
        const summary = await ticketSummaryCommand(store, { workspaceId }, ticketId, sentences, configuredTriage()).catch(reportDomainError);
        const shown = presentSummary(summary);
        if (flags.json) return printJson(shown);
        console.log(shown.text);
        console.log(`(${shown.source === 'external' ? 'written by the external model' : 'extractive'}; read the description and ${shown.comments} comment(s))`);
      });
    });
}
