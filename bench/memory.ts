import type { BenchContext } from './context.js';
import { freshSqlite } from './databases.js';
import { fmt, type ReportRow } from './report.js';
import { createTickets, getEach, getOne } from './request-kinds.js';
import { seedBacklog } from './seed-backlog.js';
import { measureUnderLoad } from './side-by-side.js';
import { startSwitchboard } from './switchboard-server.js';

export const BACKLOG = { tickets: 100_000, agents: 5_000 };
export const RSS_GOAL_MB = 300;

/**
 * Peak RSS of a server whose database holds a large open backlog, while it serves the reads an
 * agent desk makes (queue pages, single tickets, an agent's own work, the agent list) and keeps
 * taking new tickets.
 */
export async function measureMemory(ctx: BenchContext): Promise<ReportRow> {
  const database = freshSqlite(ctx.dir, 'backlog');
  const backlog = await seedBacklog(database.file, ctx.adminToken, ctx.bodies, BACKLOG);
  const mix = [
    getOne('/v1/tickets?limit=50'),
    getEach(backlog.ticketIds.map((id) => `/v1/tickets/${id}`)),
    getEach(backlog.agentIds.map((id) => `/v1/tickets?assignee=${id}&status=assigned&limit=20`)),
    createTickets(ctx.bodies),
    getOne('/v1/tickets?status=queued&priority=urgent,high&limit=50'),
    getOne('/v1/agents?limit=100'),
  ];
  let idleRssMb: number | null = null;
  const measured = await measureUnderLoad(ctx, async () => {
    const server = await startSwitchboard(database, ctx.adminToken);
    idleRssMb = server.rssMb();
    return server;
  }, mix);
  const { load, peakRssMb, cpuMsPerRequest } = measured;
  const clean = load.non2xx === 0 && load.errors === 0;
  return {
    id: 'sqlite.memory',
    label: `SQLite: ${fmt.int(BACKLOG.tickets / 1000)}k open tickets, ${fmt.int(BACKLOG.agents / 1000)}k agents, read/create mix`,
    figure: `${fmt.int(load.rate)} req/s`,
    load,
    cpuMsPerRequest,
    peakRssMb,
    goal: `peak RSS < ${RSS_GOAL_MB} MB`,
    verdict: peakRssMb === null ? 'skipped' : peakRssMb < RSS_GOAL_MB && clean ? 'PASS' : 'MISS',
    note: `seeded in ${backlog.seconds.toFixed(1)} s (agents and ${fmt.int(backlog.byCommands)} tickets by the commands, the rest copied in SQL); RSS ${fmt.mb(idleRssMb)} after start`,
  };
}
