import type { Command } from 'commander';
import { loadWebhook } from '../../../commands/webhooks/webhook-commands.js';
import { presentDelivery } from '../../wire/webhooks/webhook-presenter.js';
import { reportDomainError } from '../json-file.js';
import { printJson } from '../print-json.js';
import { wholeNumberOption } from '../triage-text-options.js';
import { CLI_ACTOR, workspaceSubcommand } from '../workspace-subcommand.js';
import { inWorkspace, type DatabaseFlags } from '../workspace-session.js';

/** `switchboard webhooks deliveries <id>`: the newest deliveries of an endpoint with each attempt. */
export function registerWebhooksDeliveries(webhooks: Command): void {
  workspaceSubcommand(webhooks, 'deliveries')
    .description('show the delivery log of an endpoint, newest first')
    .argument('<webhook>', 'endpoint id (whk_…)')
    .option('--limit <n>', 'how many deliveries', '20')
    .action((id: string, flags: DatabaseFlags & { limit: string; json?: boolean }) => inWorkspace(flags, CLI_ACTOR, async ({ store, workspaceId }) => {
      const limit = wholeNumberOption('limit', flags.limit, 1, 200);
      const deliveries = await store.read(async (tx) => {
        const endpoint = await loadWebhook({ tx, workspaceId }, id);
        const page = await tx.webhooks.listDeliveries(workspaceId, endpoint.id, undefined, limit);
        const attempts = await tx.webhooks.attemptsOf(page.items.map((d) => d.id));
        return page.items.map((d) => presentDelivery(d, attempts.filter((a) => a.deliveryId === d.id)));
      }).catch(reportDomainError);
      if (flags.json) return printJson({ data: deliveries });
      if (deliveries.length === 0) console.log('No deliveries yet.');
      for (const d of deliveries) {
        const last = d.log.at(-1);
        const outcome = last ? `${last.http_status ?? '-'} ${last.error ?? ''}`.trim() : 'not tried yet';
        console.log(`${d.id}  ${d.created_at}  ${d.event_type}  ${d.status}  ${d.attempts} attempt(s)  ${outcome}`);
      }
    }));
}
