import type { Command } from 'commander';
import { newWebhookSecret } from '../../../adapters/webhooks/standard-webhooks.js';
import { checkTarget, parseTargetUrl } from '../../../adapters/webhooks/webhook-target.js';
import { createWebhookCommand } from '../../../commands/webhooks/webhook-commands.js';
import { presentWebhookWithSecret } from '../../wire/webhooks/webhook-presenter.js';
import { reportDomainError } from '../json-file.js';
import { configFrom } from '../options.js';
import { printJson } from '../print-json.js';
import { CLI_ACTOR, workspaceSubcommand } from '../workspace-subcommand.js';
import { inWorkspace, type DatabaseFlags } from '../workspace-session.js';

/** `switchboard webhooks create`: subscribes an endpoint, checking its URL as the API does; prints the secret once. */
export function registerWebhooksCreate(webhooks: Command): void {
  workspaceSubcommand(webhooks, 'create')
    .description('subscribe an endpoint to events; prints its signing secret once')
    .argument('<url>', 'http(s) URL to post to')
    .requiredOption('--events <types>', 'comma-separated event types or prefixes, e.g. "ticket.*,comment.added"')
    .option('--description <text>', 'what the endpoint is for')
    .action((url: string, flags: DatabaseFlags & { events: string; description?: string; json?: boolean }) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      const policy = { allowPrivate: configFrom({}).webhookAllowPrivate };
      const input = { url, eventTypes: flags.events.split(',').map((type) => type.trim()).filter(Boolean), description: flags.description };
      const endpoint = await checkTarget(parseTargetUrl(url), policy)
        .then(() => store.transaction((tx) => createWebhookCommand(context(tx), input, newWebhookSecret())))
        .catch(reportDomainError);
      if (flags.json) return printJson(presentWebhookWithSecret(endpoint));
      console.log(`Created webhook ${endpoint.id} for ${endpoint.url}.`);
      console.log(`Signing secret (shown once, keep it): ${endpoint.secret}`);
    }));
}
