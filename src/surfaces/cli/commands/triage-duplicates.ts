import type { Command } from 'commander';
import { findDuplicatesCommand } from '../../../commands/triage/find-duplicates.js';
import { presentDuplicates } from '../../wire/ticket-text/ticket-text-presenter.js';
import { reportDomainError } from '../json-file.js';
import { printJson } from '../print-json.js';
import { TRIAGE_CLI_ACTOR, triageSubcommand, wholeNumberOption } from '../triage-text-options.js';
import { inWorkspace, type DatabaseFlags } from '../workspace-session.js';

/** `switchboard triage duplicates TICKET_ID`: open tickets that look like repeats of this one. */
export function registerTriageDuplicates(triage: Command): void {
  triageSubcommand(triage, 'duplicates')
    .description('list open tickets whose text is nearly the same, most similar first (as GET /v1/tickets/:id/duplicates)')
    .argument('<ticket>', 'ticket id')
    .option('--limit <n>', 'at most this many (1-20)', '5')
    .action((ticketId: string, flags: DatabaseFlags & { limit: string; json?: boolean }) => {
      const limit = wholeNumberOption('limit', flags.limit, 1, 20);
      return inWorkspace(flags, TRIAGE_CLI_ACTOR, async ({ store, workspaceId }) => {
        const found = await store.read((tx) => findDuplicatesCommand({ tx, workspaceId }, ticketId, limit)).catch(reportDomainError);
        const shown = presentDuplicates(ticketId, found);
        if (flags.json) return printJson(shown);
        if (shown.data.length === 0) console.log('No open ticket looks like a duplicate.');
        for (const d of shown.data) console.log(`${d.score.toFixed(2)}  ${d.ticket_id}  ${d.status.padEnd(11)} ${d.title}${d.linked ? '  (linked)' : ''}`);
      });
    });
}
