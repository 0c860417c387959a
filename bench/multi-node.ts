// `POST /v1/tickets` on three server processes sharing one PostgreSQL database, the scale-out
// deployment of docs/deployment.md: the clients are spread over the nodes as a load balancer would.
import type { BenchContext } from './context.js';
import { freshPostgres, postgresAnswers, postgresCpu, POSTGRES_URL } from './databases.js';
import { loadSlice, pooledLatencies, summarize, type LoadSlice } from './http-load.js';
import { fmt, type ReportRow } from './report.js';
import { createTickets } from './request-kinds.js';
import type { ServerProcess } from './server-process.js';
import { msPerAnswer, spent } from './side-by-side.js';
import { startSwitchboard } from './switchboard-server.js';

const NODES = 3;

/** Three nodes on one fresh schema, loaded together; one row with the merged rate and latencies. */
export async function measureThreeNodes(ctx: BenchContext): Promise<ReportRow[]> {
  const label = `PostgreSQL, ${NODES} nodes: POST /v1/tickets, ${ctx.load.connections} conns`;
  if (!(await postgresAnswers())) {
    return [{ id: 'postgres3.http', label, figure: '', goal: '', verdict: 'skipped', note: `PostgreSQL at ${POSTGRES_URL} does not answer.` }];
  }
  const db = freshPostgres();
  const nodes: ServerProcess[] = [];
  try {
    // One after the other: the first migrates and creates the workspace, the others find them.
    for (let i = 0; i < NODES; i++) nodes.push(await startSwitchboard(db, ctx.adminToken, { cpuProfDir: ctx.cpuProfDir }));
    // One stream of tickets spread over the nodes, each ticket sent once, as one node gets it: a
    // stream per node would send every ticket three times, and the copies would be linked as duplicates.
    const tickets = createTickets(ctx.bodies);
    const targets = nodes.map((node, i) => ({
      url: node.url, token: ctx.adminToken, mix: [tickets],
      connections: Math.floor(ctx.load.connections / NODES) + (i < ctx.load.connections % NODES ? 1 : 0),
    }));
    await Promise.all(targets.map((t) => loadSlice(t, ctx.load.warmupS)));
    const cpuBefore = nodes.map((node) => node.cpuSeconds());
    const databaseBefore = postgresCpu();
    const slices = await Promise.all(targets.map((t) => loadSlice(t, ctx.load.durationS)));
    const cpu = nodes.reduce((total, node, i) => total + ((node.cpuSeconds() ?? 0) - (cpuBefore[i] ?? 0)), 0);
    const load = summarize([merged(slices)]);
    const databaseMs = msPerAnswer(spent(databaseBefore, postgresCpu()), load.ok);
    return [{
      id: 'postgres3.http',
      label,
      figure: `${fmt.int(load.rate)} tickets/s`,
      load,
      cpuMsPerRequest: msPerAnswer(cpu, load.ok),
      peakRssMb: Math.max(...nodes.map((node) => node.peakRssMb() ?? 0)),
      goal: THREE_NODES_GOAL,
      // Requests still unanswered when the window closes count as neither answers nor errors.
      // Judged against one node by judgeThreeNodes once the whole run is in.
      verdict: load.ok > 0 && load.non2xx === 0 && load.errors === 0 ? 'info' : 'MISS',
      note: load.ok > 0
        ? `the clients spread over ${NODES} server processes on one schema; CPU ms/req sums the nodes${databaseMs === null ? '' : ` (PostgreSQL's processes: ${databaseMs.toFixed(2)} ms a ticket)`}; compare with the one-node and ceiling rows of the same run`
        : `no request was answered within the ${ctx.load.durationS} s window`,
    }];
  } finally {
    await Promise.all(nodes.map((node) => node.stop()));
    await db.dispose();
  }
}

const THREE_NODES_GOAL = '≥ one node in the same run, 0 errors';

/**
 * DESIGN §4: three nodes are never slower than one in the same run. Judges the three-node row
 * against the one-node row of the same run; without one (`--only postgres3`) it stays unjudged.
 */
export function judgeThreeNodes(rows: ReportRow[]): void {
  const three = rows.find((row) => row.id === 'postgres3.http');
  const one = rows.find((row) => row.id === 'postgres.http');
  if (!three?.load || three.verdict !== 'info') return;
  if (!one?.load) {
    three.note = `${three.note}; run the postgres scenario too to judge it against one node`;
    return;
  }
  three.verdict = three.load.rate >= one.load.rate ? 'PASS' : 'MISS';
  three.note = `${three.note}; one node: ${fmt.int(one.load.rate)} tickets/s`;
}

/** Slices that ran at the same time, as one: their counts added, their latencies pooled. */
function merged(slices: readonly LoadSlice[]): LoadSlice {
  return {
    ok: slices.reduce((total, s) => total + s.ok, 0),
    non2xx: slices.reduce((total, s) => total + s.non2xx, 0),
    errors: slices.reduce((total, s) => total + s.errors, 0),
    seconds: Math.max(...slices.map((s) => s.seconds)),
    latenciesMs: pooledLatencies(slices),
  };
}
