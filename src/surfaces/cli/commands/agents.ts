import type { Command } from 'commander';
import { loadAgent } from '../../../commands/agent-commands.js';
import { PRESENCES, type Presence } from '../../../domain/agent/agent.js';
import { presentAgent } from '../../wire/agents/agent-presenter.js';
import { formatTable } from '../evaluation-table.js';
import { printJson } from '../print-json.js';
import { refusedAsUsage, usageError } from '../usage-error.js';
import { CLI_ACTOR, workspaceSubcommand } from '../workspace-subcommand.js';
import { inWorkspace, type DatabaseFlags } from '../workspace-session.js';

type Flags = DatabaseFlags & { json?: boolean };
interface ListFlags extends Flags { status?: string; team?: string; skill?: string; limit: string }

const pairs = (map: Record<string, number | undefined>) => Object.entries(map).map(([name, n]) => `${name}:${n}`).join(',');

/** `switchboard agents list|show`: the people who take work, as GET /v1/agents; returns `agents` for its other sub-commands. */
export function registerAgents(program: Command): Command {
  const agents = program.command('agents').alias('agent').description('list, read and change agents and their presence');
  workspaceSubcommand(agents, 'list')
    .description('the agents, with filters (removed ones left out)')
    .option('--status <list>', `comma-separated presences: ${PRESENCES.join(', ')}`)
    .option('--team <team>', 'only this team')
    .option('--skill <skill>', 'only agents with this skill')
    .option('--limit <n>', 'how many (1–200)', '50')
    .action((flags: ListFlags) => inWorkspace(flags, CLI_ACTOR, async ({ store, workspaceId }) => {
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 200) usageError('--limit must be a whole number from 1 to 200.');
      const statuses = flags.status?.split(',').map((s) => s.trim()).filter(Boolean);
      const unknown = statuses?.filter((s) => !(PRESENCES as readonly string[]).includes(s)) ?? [];
      if (unknown.length > 0) usageError(`Unknown status ${unknown.join(', ')}; use ${PRESENCES.join(', ')}.`);
      const page = await store.read((tx) =>
        tx.agents.list({ workspaceId, statuses: statuses as Presence[] | undefined, team: flags.team, skill: flags.skill, limit }));
      const shown = page.items.map(presentAgent);
      if (flags.json) return printJson({ data: shown });
      console.log(formatTable(['id', 'name', 'status', 'level', 'skills', 'capacity', 'teams'],
        shown.map((a) => [a.id, a.name, a.status, String(a.level), pairs(a.skills), pairs(a.capacity), a.teams.join(',')]), true));
    }));
  workspaceSubcommand(agents, 'show')
    .description('one agent: skills, languages, capacity, presence')
    .argument('<id>', 'the agent id')
    .action((id: string, flags: Flags) => inWorkspace(flags, CLI_ACTOR, async ({ store, workspaceId }) => {
      const agent = presentAgent(await store.read((tx) => loadAgent({ tx, workspaceId }, id)).catch(refusedAsUsage));
      if (flags.json) return printJson(agent);
      printAgent(agent);
    }));
  return agents;
}

/** An agent as a person reads it: who, presence, and what they take. */
export function printAgent(agent: ReturnType<typeof presentAgent>): void {
  console.log(`${agent.id}  ${agent.name}${agent.email ? ` <${agent.email}>` : ''}`);
  console.log(`${agent.status} since ${agent.status_changed_at ?? '—'} · level ${agent.level} · teams ${agent.teams.join(',') || '—'}`);
  console.log(`skills ${pairs(agent.skills) || '—'} · languages ${agent.languages.join(',') || '—'} · capacity ${pairs(agent.capacity) || '—'}`);
}
