import type { BenchContext } from './context.js';
import { freshSqlite } from './databases.js';
import { paced } from './paced-load.js';
import { fmt, type ReportRow } from './report.js';
import { startSwitchboard } from './switchboard-server.js';

export const PACED_RATE = 1_000;
export const PACED_P99_GOAL_MS = 50;
const DURATION_S = 10;

/** p99 of `POST /v1/tickets` on SQLite when tickets arrive at a steady 1,000/s. */
export async function measureLatencyAtRate(ctx: BenchContext): Promise<ReportRow> {
  const server = await startSwitchboard(freshSqlite(ctx.dir, 'paced'), ctx.adminToken);
  try {
    const texts = ctx.bodies.map((body) => JSON.stringify(body));
    let i = 0;
    const cpuBefore = server.cpuSeconds();
    const load = await paced({
      url: server.url,
      token: ctx.adminToken,
      path: '/v1/tickets',
      ratePerS: PACED_RATE,
      warmupS: ctx.load.warmupS,
      durationS: DURATION_S,
      maxSockets: ctx.load.connections,
      nextBody: () => texts[i++ % texts.length]!,
    });
    const cpuAfter = server.cpuSeconds();
    // Includes the warm-up's requests, which the paced loop sent too.
    const sent = PACED_RATE * (ctx.load.warmupS + DURATION_S) - load.skipped - load.skippedInWarmup;
    const cpuMsPerRequest = cpuBefore === null || cpuAfter === null ? null : ((cpuAfter - cpuBefore) * 1000) / sent;
    const met = load.p99Ms < PACED_P99_GOAL_MS && load.non2xx === 0 && load.errors === 0 && load.skipped + load.abandoned === 0;
    const behind = load.skipped + load.abandoned > 0
      ? `; the server fell behind: ${fmt.int(load.skipped)} due requests skipped (all connections busy), ${fmt.int(load.abandoned)} abandoned unanswered, so p99 understates the wait`
      : '';
    // Like their latencies, the warm-up's skips are not judged: a fresh server is still compiling.
    const warmup = load.skippedInWarmup > 0 ? `; ${fmt.int(load.skippedInWarmup)} skipped in the ${ctx.load.warmupS} s warm-up (not judged)` : '';
    return {
      id: 'sqlite.paced',
      label: `SQLite: POST /v1/tickets paced at ${fmt.int(PACED_RATE)}/s`,
      figure: `${fmt.int(load.rate)} tickets/s`,
      load,
      cpuMsPerRequest,
      peakRssMb: server.peakRssMb(),
      goal: `p99 < ${PACED_P99_GOAL_MS} ms, 0 errors`,
      verdict: met ? 'PASS' : 'MISS',
      note: `open loop: latency counts from when each request was due, so a stall shows up in p99${behind}${warmup}`,
    };
  } finally {
    await server.stop();
  }
}
