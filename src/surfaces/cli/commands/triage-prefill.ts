import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { prefillTicketCommand } from '../../../commands/triage/prefill-ticket.js';
import { presentPrefill } from '../../wire/triage/triage-presenter.js';
import { reportDomainError } from '../json-file.js';
import { printJson } from '../print-json.js';
import { configuredTriage, TRIAGE_CLI_ACTOR, triageSubcommand } from '../triage-text-options.js';
import { usageError } from '../usage-error.js';
import { inWorkspace, type DatabaseFlags } from '../workspace-session.js';

type Suggestion = { value: string; confidence: number; source: string } | null;

const line = (name: string, s: Suggestion) => `${name.padEnd(9)}${s ? `${s.value}  (${(s.confidence * 100).toFixed(0)}%, ${s.source})` : '-'}`;

/** `switchboard triage prefill`: a new ticket's type, category, priority and tags from free text. */
export function registerTriagePrefill(triage: Command): void {
  triageSubcommand(triage, 'prefill')
    .description("suggest a new ticket's type, category, priority and tags from free text (as POST /v1/tickets/prefill)")
    .option('--text <text>', 'the text; read from stdin when left out')
    .action((flags: DatabaseFlags & { text?: string; json?: boolean }) => {
      const text = flags.text ?? readStdin();
      return inWorkspace(flags, TRIAGE_CLI_ACTOR, async ({ store, workspaceId }) => {
        const shown = presentPrefill(await prefillTicketCommand(store, { workspaceId }, text, configuredTriage()).catch(reportDomainError));
        if (flags.json) return printJson(shown);
        if (shown.model_version === null) console.error('No triage model yet: run `switchboard triage train` once there are resolved tickets.');
        for (const [name, value] of [['type', shown.type], ['category', shown.category], ['priority', shown.priority]] as const) console.log(line(name, value));
        console.log(`${'tags'.padEnd(9)}${shown.tags.map((t) => t.value).join(', ') || '-'}`);
      });
    });
}

function readStdin(): string {
  if (process.stdin.isTTY) usageError('Give the text with --text, or pipe it on stdin.');
  return readFileSync(0, 'utf8');
}
