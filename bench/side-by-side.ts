import type { BenchContext } from './context.js';
import { loadSlice, summarize, type LoadResult, type LoadSlice, type LoadTarget, type RequestKind } from './http-load.js';
import type { ServerProcess } from './server-process.js';

/** A server's sustained rate under the shared load, its CPU cost per answer and its peak memory. */
export interface Measured {
  load: LoadResult;
  /** Server CPU (all threads) per 2xx answer; with the rate, tells CPU-bound from waiting on the disk. */
  cpuMsPerRequest: number | null;
  /** The database server's CPU (its processes on this machine) per 2xx answer, where it was asked for and found. */
  databaseCpuMsPerRequest: number | null;
  peakRssMb: number | null;
}

/** CPU seconds used so far by some processes, or null where they cannot be seen. */
type CpuClock = () => number | null;
const UNSEEN: CpuClock = () => null;

interface MeasuredSlice {
  slice: LoadSlice;
  cpu: number | null;
  databaseCpu: number | null;
}

/** A measured slice, and the CPU seconds the server and the database took meanwhile. */
async function sliceWithCpu(server: ServerProcess, t: LoadTarget, seconds: number, databaseCpu: CpuClock = UNSEEN): Promise<MeasuredSlice> {
  const serverBefore = server.cpuSeconds();
  const databaseBefore = databaseCpu();
  const slice = await loadSlice(t, seconds);
  return { slice, cpu: spent(serverBefore, server.cpuSeconds()), databaseCpu: spent(databaseBefore, databaseCpu()) };
}

/** CPU seconds between two readings of a clock, null where either is missing. */
export function spent(before: number | null, after: number | null): number | null {
  return before === null || after === null ? null : after - before;
}

/** CPU milliseconds a 2xx answer, null without the CPU or without answers. */
export function msPerAnswer(cpuSeconds: number | null, ok: number): number | null {
  return cpuSeconds === null || ok === 0 ? null : (cpuSeconds * 1000) / ok;
}

function measured(server: ServerProcess, runs: MeasuredSlice[]): Measured {
  const load = summarize(runs.map((run) => run.slice));
  const total = (cpuOf: (run: MeasuredSlice) => number | null) =>
    runs.some((run) => cpuOf(run) === null) ? null : runs.reduce((sum, run) => sum + cpuOf(run)!, 0);
  return {
    load,
    cpuMsPerRequest: msPerAnswer(total((run) => run.cpu), load.ok),
    databaseCpuMsPerRequest: msPerAnswer(total((run) => run.databaseCpu), load.ok),
    peakRssMb: server.peakRssMb(),
  };
}

// The disk and the neighbours' load drift during a run; alternating short slices in A B B A
// order exposes both servers to the same drift, so their ratio stays honest.
const ROUNDS = 4;

/** One stretch of load on a server: its mix, and its own number of clients if not the usual. */
export interface Phase {
  mix: RequestKind[];
  connections?: number;
}

/** Starts a server, saturates it with each phase in turn (warm-up, then measured), stops it. */
export async function measureUnderLoad(ctx: BenchContext, start: () => Promise<ServerProcess>, phases: Phase[]): Promise<Measured[]> {
  const server = await start();
  try {
    const results: Measured[] = [];
    for (const { mix, connections } of phases) {
      const t = { ...target(ctx, server, mix), connections: connections ?? ctx.load.connections };
      await loadSlice(t, ctx.load.warmupS);
      results.push(measured(server, [await sliceWithCpu(server, t, ctx.load.durationS)]));
    }
    return results;
  } finally {
    await server.stop();
  }
}

/**
 * Runs both servers at once and loads them in turn, each for `durationS` in all; `databaseCpu`,
 * when given, is read around each slice to charge the database's CPU to the server loaded then.
 */
export async function measureSideBySide(
  ctx: BenchContext, starts: readonly (() => Promise<ServerProcess>)[], mix: RequestKind[], databaseCpu: CpuClock = UNSEEN,
): Promise<Measured[]> {
  const servers: ServerProcess[] = [];
  try {
    for (const start of starts) servers.push(await start());
    const targets = servers.map((server) => target(ctx, server, mix));
    for (const t of targets) await loadSlice(t, ctx.load.warmupS);
    const runs: MeasuredSlice[][] = targets.map(() => []);
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? targets.keys() : [...targets.keys()].reverse();
      for (const i of order) runs[i]!.push(await sliceWithCpu(servers[i]!, targets[i]!, ctx.load.durationS / ROUNDS, databaseCpu));
    }
    return servers.map((server, i) => measured(server, runs[i]!));
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}

function target(ctx: BenchContext, server: ServerProcess, mix: RequestKind[]): LoadTarget {
  return { url: server.url, token: ctx.adminToken, connections: ctx.load.connections, mix };
}
