import { createAgentCommand } from '../src/commands/agent-commands.js';
import type { CommandContext } from '../src/commands/context.js';
import { createTicketCommand } from '../src/commands/create-ticket.js';
import { openStore } from '../src/adapters/store/open-store.js';
import type { AgentDraft, Presence } from '../src/domain/agent/agent.js';
import type { StoreTx } from '../src/domain/store/store.js';
import { ensureDefaultWorkspace } from '../src/surfaces/bootstrap.js';
import { systemContext, systemIds } from '../src/surfaces/runtime.js';
import { cloneTickets } from './clone-tickets.js';
import type { TicketBody } from './ticket-bodies.js';

/** What was seeded, so the traffic can ask for tickets and agents that exist. */
export interface Backlog {
  ticketIds: string[];
  agentIds: string[];
  /** How many of the tickets the commands wrote; the rest are SQL copies of them. */
  byCommands: number;
  seconds: number;
}

// Agents and a few thousand template tickets go through the commands the API uses; the rest of
// the backlog are copies of those templates made in SQL (see clone-tickets.ts), which is ~50×
// faster than 100,000 commands and keeps every row in the shape the repository writes.
const TEMPLATES = 2_000;
const SKILLS = ['billing', 'refund', 'shipping', 'delivery', 'account', 'login', 'order', 'invoice', 'mobile', 'bug'];
const TEAMS = ['finance', 'fulfilment', 'accounts', 'mobile', 'tier2'];
const PRESENCES: Presence[] = ['available', 'available', 'busy', 'away', 'offline'];

/** Runs command work in one transaction of the seeding store. */
type InTx = <T>(work: (ctx: CommandContext) => Promise<T>) => Promise<T>;

function agentDraft(i: number): AgentDraft {
  return {
    name: `Agent ${i}`,
    email: `agent${i}@example.com`,
    skills: { [SKILLS[i % 10]!]: 5 + (i % 5), [SKILLS[(i * 3 + 1) % 10]!]: 3 + (i % 7), [SKILLS[(i * 7 + 2) % 10]!]: 2 },
    languages: i % 4 === 0 ? ['en', 'de'] : ['en'],
    teams: [TEAMS[i % TEAMS.length]!],
    level: 1 + (i % 3),
    capacity: { email: 8, chat: 3, phone: 1 },
    status: PRESENCES[i % PRESENCES.length]!,
  };
}

/** Fills a new SQLite file with `agents` agents and `tickets` open tickets (60 % of the copies assigned). */
export async function seedBacklog(file: string, adminToken: string, bodies: readonly TicketBody[], sizes: { tickets: number; agents: number }): Promise<Backlog> {
  const started = performance.now();
  const store = openStore({ kind: 'sqlite', file });
  let agentIds: string[];
  let templateIds: string[];
  try {
    await store.migrate();
    const ids = systemIds();
    const { workspace, problem } = await ensureDefaultWorkspace(store, ids, adminToken);
    if (!workspace) throw new Error(problem ?? 'no workspace');
    const inTx: InTx = (work) =>
      store.transaction((tx: StoreTx) => work(systemContext(tx, workspace.id, ids)));
    agentIds = await inTx(async (ctx) => {
      const created: string[] = [];
      for (let i = 0; i < sizes.agents; i++) created.push((await createAgentCommand(ctx, agentDraft(i))).id);
      return created;
    });
    templateIds = await inTx(async (ctx) => {
      const created: string[] = [];
      for (let i = 0; i < Math.min(TEMPLATES, sizes.tickets); i++) created.push((await createTicketCommand(ctx, bodies[i % bodies.length]!)).id);
      return created;
    });
  } finally {
    await store.close();
  }
  const copies = cloneTickets(file, {
    templateIds,
    count: sizes.tickets - templateIds.length,
    assigneeOf: (n) => (n % 5 < 3 && agentIds.length > 0 ? agentIds[n % agentIds.length]! : null),
  });
  return { ticketIds: [...templateIds, ...copies], agentIds, byCommands: templateIds.length, seconds: (performance.now() - started) / 1000 };
}
