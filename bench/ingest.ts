import type { BenchContext } from './context.js';
import { freshPostgres, freshSqlite, migrateWithWorkspace, postgresAnswers, postgresCpu, POSTGRES_URL, type Backend } from './databases.js';
import { fmt, type ReportRow } from './report.js';
import { createTickets } from './request-kinds.js';
import { measureSideBySide, type Measured } from './side-by-side.js';
import { startCeiling, startSwitchboard } from './switchboard-server.js';

const NAMES: Record<Backend, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };
export const SQLITE_INGEST_GOAL = 2_000;
/** DESIGN §4: tickets a second, and the share of the bare-insert ceiling, per backend. */
const INGEST_GOALS: Record<Backend, { rate: number; ratio: number }> = {
  sqlite: { rate: SQLITE_INGEST_GOAL, ratio: 0.5 },
  postgres: { rate: 1_000, ratio: 0.3 },
};

/** `POST /v1/tickets` and the bare-insert ceiling on one backend, each on a fresh database. */
export async function measureIngest(ctx: BenchContext, backend: Backend): Promise<ReportRow[]> {
  const name = NAMES[backend];
  if (backend === 'postgres' && !(await postgresAnswers())) {
    const note = `PostgreSQL at ${POSTGRES_URL} does not answer (set SWITCHBOARD_BENCH_DATABASE_URL).`;
    return ['http', 'ceiling', 'ratio'].map((id) => ({ id: `${backend}.${id}`, label: `${name}: ${id}`, figure: '', goal: '', verdict: 'skipped', note }));
  }
  const fresh = (tag: string) => (backend === 'sqlite' ? freshSqlite(ctx.dir, tag) : freshPostgres());
  const mix = [createTickets(ctx.bodies)];
  const profile = { cpuProfDir: ctx.cpuProfDir };
  const appDb = fresh('ingest');
  const ceilingDb = fresh('ceiling');
  try {
    const workspaceId = await migrateWithWorkspace(ceilingDb, ctx.adminToken);
    const [app, ceiling] = await measureSideBySide(ctx, [
      () => startSwitchboard(appDb, ctx.adminToken, profile),
      () => startCeiling(ceilingDb, workspaceId),
    ], mix, backend === 'postgres' ? postgresCpu : undefined);
    return ingestRows(ctx, backend, app!, ceiling!);
  } finally {
    await appDb.dispose();
    await ceilingDb.dispose();
  }
}

function ingestRows(ctx: BenchContext, backend: Backend, app: Measured, ceiling: Measured): ReportRow[] {
  const name = NAMES[backend];
  const clean = (m: Measured) => m.load.non2xx === 0 && m.load.errors === 0;
  const goals = INGEST_GOALS[backend];
  const ratio = app.load.rate / ceiling.load.rate;
  return [
    {
      id: `${backend}.http`,
      label: `${name}: POST /v1/tickets, ${ctx.load.connections} conns`,
      figure: `${fmt.int(app.load.rate)} tickets/s`,
      ...app,
      goal: `≥ ${fmt.int(goals.rate)}/s, 0 errors`,
      verdict: clean(app) && app.load.rate >= goals.rate ? 'PASS' : 'MISS',
      note: databaseCpuNote(app, ceiling),
    },
    {
      id: `${backend}.ceiling`,
      label: `${name}: ceiling, bare insert of the row`,
      figure: `${fmt.int(ceiling.load.rate)} rows/s`,
      ...ceiling,
      goal: 'reference',
      verdict: clean(ceiling) ? 'info' : 'error',
      note: clean(ceiling) ? undefined : 'the ceiling server answered with errors; its rate is not a valid reference',
    },
    {
      id: `${backend}.ratio`,
      label: `${name}: POST /v1/tickets ÷ ceiling`,
      figure: `${ratio.toFixed(2)} ×`,
      ratio,
      goal: `≥ ${goals.ratio} × ceiling`,
      verdict: ratio >= goals.ratio ? 'PASS' : 'MISS',
    },
  ];
}

/** What PostgreSQL's own processes spent a ticket beside the server's CPU, where they run on this machine. */
function databaseCpuNote(app: Measured, ceiling: Measured): string | undefined {
  const own = app.databaseCpuMsPerRequest;
  if (own === null) return undefined;
  const reference = ceiling.databaseCpuMsPerRequest;
  const beside = reference === null ? '' : `, ${reference.toFixed(2)} for the ceiling's row`;
  return `PostgreSQL's processes on this machine spent ${own.toFixed(2)} ms of CPU a ticket${beside} (every database of the server counts)`;
}
