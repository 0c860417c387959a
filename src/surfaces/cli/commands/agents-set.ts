import type { Command } from 'commander';
import type { Static } from 'typebox';
import { updateAgentCommand } from '../../../commands/agent-commands.js';
import { PRESENCES } from '../../../domain/agent/agent.js';
import { agentInput } from '../../wire/agents/agent-input.js';
import { presentAgent } from '../../wire/agents/agent-presenter.js';
import { AgentPatchBody } from '../../wire/agents/agent-schemas.js';
import { checkedBody } from '../json-file.js';
import { printJson } from '../print-json.js';
import { refusedAsUsage, usageError } from '../usage-error.js';
import { CLI_ACTOR, workspaceSubcommand } from '../workspace-subcommand.js';
import { inWorkspace, type DatabaseFlags } from '../workspace-session.js';
import { printAgent } from './agents.js';

type Flags = DatabaseFlags & { json?: boolean };
interface SetFlags extends Flags {
  name?: string; email?: string; skills?: string; languages?: string; teams?: string; level?: string; capacity?: string;
}

/** `switchboard agents set|presence`: change an agent as PATCH /v1/agents/:id does, presence included. */
export function registerAgentChanges(agents: Command): void {
  workspaceSubcommand(agents, 'set')
    .description('change an agent as PATCH /v1/agents/:id; lists and maps replace the whole value')
    .argument('<id>', 'the agent id')
    .option('--name <name>', 'display name')
    .option('--email <address>', 'e-mail address (none: remove it)')
    .option('--skills <pairs>', 'skill:level pairs, e.g. billing:7,refund:4')
    .option('--languages <list>', 'comma-separated language tags, e.g. en,fi')
    .option('--teams <list>', 'comma-separated teams')
    .option('--level <n>', 'tier: 1 = L1, 2 = L2 …')
    .option('--capacity <pairs>', 'tickets held at once per class, e.g. email:5,chat:2')
    .action((id: string, flags: SetFlags) => changeAgent(id, flags, setBody(flags)));
  workspaceSubcommand(agents, 'presence')
    .description('set an agent available, busy, away or offline; available agents pull waiting work')
    .argument('<id>', 'the agent id')
    .argument('<status>', PRESENCES.join(', '))
    .action((id: string, status: string, flags: Flags) => {
      if (!(PRESENCES as readonly string[]).includes(status)) usageError(`The presence must be one of ${PRESENCES.join(', ')}.`);
      return changeAgent(id, flags, { status });
    });
}

function changeAgent(id: string, flags: Flags, body: Record<string, unknown>): Promise<void> {
  const patch = agentInput(checkedBody<Static<typeof AgentPatchBody>>(body, AgentPatchBody));
  return inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
    const agent = presentAgent(await store.transaction((tx) => updateAgentCommand(context(tx), id, patch)).catch(refusedAsUsage));
    if (flags.json) return printJson(agent);
    printAgent(agent);
  });
}

const list = (value: string | undefined) => value?.split(',').map((item) => item.trim()).filter(Boolean);

/** `a:1,b:2` as a map; a level that is no number is kept for the schema to name. */
function pairsOf(value: string | undefined, flag: string): Record<string, unknown> | undefined {
  return value === undefined ? undefined : Object.fromEntries(list(value)!.map((entry) => {
    const at = entry.lastIndexOf(':');
    if (at <= 0) usageError(`--${flag}: "${entry}" is not name:number.`);
    const number = entry.slice(at + 1).trim();
    return [entry.slice(0, at).trim(), /^\d+$/.test(number) ? Number(number) : number];
  }));
}

/** The PATCH body the flags describe; at least one flag. */
function setBody(flags: SetFlags): Record<string, unknown> {
  const given = {
    name: flags.name, email: flags.email === 'none' ? null : flags.email, skills: pairsOf(flags.skills, 'skills'),
    languages: list(flags.languages), teams: list(flags.teams), level: flags.level === undefined ? undefined : Number(flags.level),
    capacity: pairsOf(flags.capacity, 'capacity'),
  };
  const body = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
  if (Object.keys(body).length === 0) usageError('Give at least one of --name, --email, --skills, --languages, --teams, --level, --capacity.');
  return body;
}
