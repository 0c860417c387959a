import type { Command } from 'commander';
import { presentWebhook } from '../../wire/webhooks/webhook-presenter.js';
import { printJson } from '../print-json.js';
import { CLI_ACTOR, workspaceSubcommand } from '../workspace-subcommand.js';
import { inWorkspace, type DatabaseFlags } from '../workspace-session.js';

/** `switchboard webhooks list`: the endpoints (as GET /v1/webhooks, never their secrets). */
export function registerWebhooksList(webhooks: Command): void {
  workspaceSubcommand(webhooks, 'list')
    .description('list the webhook endpoints and the events they receive')
    .action((flags: DatabaseFlags & { json?: boolean }) => inWorkspace(flags, CLI_ACTOR, async ({ store, workspaceId }) => {
      const endpoints = (await store.read((tx) => tx.webhooks.listEndpoints(workspaceId))).map(presentWebhook);
      if (flags.json) return printJson({ data: endpoints });
      if (endpoints.length === 0) console.log('No webhook endpoints.');
      for (const w of endpoints) {
        const state = w.enabled ? 'enabled' : `disabled${w.disabled_reason ? ` (${w.disabled_reason})` : ''}`;
        console.log(`${w.id}  ${w.url}  ${w.event_types.join(',')}  ${state}`);
      }
    }));
}
