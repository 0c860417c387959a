import type { BenchContext } from './context.js';
import { loadSlice, summarize, type LoadResult, type LoadSlice, type LoadTarget, type RequestKind } from './http-load.js';
import type { ServerProcess } from './server-process.js';

/** A server's sustained rate under the shared load, its CPU cost per answer and its peak memory. */
export interface Measured {
  load: LoadResult;
  /** Server CPU (all threads) per 2xx answer; with the rate, tells CPU-bound from waiting on the disk. */
  cpuMsPerRequest: number | null;
  peakRssMb: number | null;
}

/** A measured slice and the server CPU seconds it took. */
async function sliceWithCpu(server: ServerProcess, t: LoadTarget, seconds: number): Promise<{ slice: LoadSlice; cpu: number | null }> {
  const before = server.cpuSeconds();
  const slice = await loadSlice(t, seconds);
  const after = server.cpuSeconds();
  return { slice, cpu: before === null || after === null ? null : after - before };
}

function measured(server: ServerProcess, runs: { slice: LoadSlice; cpu: number | null }[]): Measured {
  const load = summarize(runs.map((run) => run.slice));
  const cpu = runs.some((run) => run.cpu === null) ? null : runs.reduce((total, run) => total + run.cpu!, 0);
  return { load, cpuMsPerRequest: cpu === null || load.ok === 0 ? null : (cpu * 1000) / load.ok, peakRssMb: server.peakRssMb() };
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

/** Runs both servers at once and loads them in turn, each for `durationS` in all. */
export async function measureSideBySide(ctx: BenchContext, starts: readonly (() => Promise<ServerProcess>)[], mix: RequestKind[]): Promise<Measured[]> {
  const servers: ServerProcess[] = [];
  try {
    for (const start of starts) servers.push(await start());
    const targets = servers.map((server) => target(ctx, server, mix));
    for (const t of targets) await loadSlice(t, ctx.load.warmupS);
    const runs: { slice: LoadSlice; cpu: number | null }[][] = targets.map(() => []);
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? targets.keys() : [...targets.keys()].reverse();
      for (const i of order) runs[i]!.push(await sliceWithCpu(servers[i]!, targets[i]!, ctx.load.durationS / ROUNDS));
    }
    return servers.map((server, i) => measured(server, runs[i]!));
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}

function target(ctx: BenchContext, server: ServerProcess, mix: RequestKind[]): LoadTarget {
  return { url: server.url, token: ctx.adminToken, connections: ctx.load.connections, mix };
}
