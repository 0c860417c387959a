// `npm run bench`: DESIGN §4's end-to-end figures, each printed beside its goal. A miss is
// reported, never turned into a failing exit code; only a bench that could not run fails.
//   node dist/bench/run.js [--only disk,sqlite,postgres,postgres3,paced,memory,expressions,routing,dispatch,triage,simulator] [--cpu-prof]
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { BenchContext } from './context.js';
import { probeDisk } from './disk-probe.js';
import { measureIngest } from './ingest.js';
import { measureLatencyAtRate } from './latency.js';
import { measureMemory } from './memory.js';
import { judgeThreeNodes, measureThreeNodes } from './multi-node.js';
import { formatTable, machine, writeReport, type ReportRow } from './report.js';
import { ticketBodies } from './ticket-bodies.js';
import { dispatchRows, expressionRows, routingRows, simulatorRows } from './core-rows.js';
import { benchTriage, triageRows } from './triage-bench.js';

const RESULTS = fileURLToPath(new URL('../../bench/results/', import.meta.url));

const SCENARIOS: Record<string, (ctx: BenchContext) => Promise<ReportRow[]>> = {
  disk: async (ctx) => [probeDisk(ctx)],
  sqlite: (ctx) => measureIngest(ctx, 'sqlite'),
  postgres: (ctx) => measureIngest(ctx, 'postgres'),
  postgres3: (ctx) => measureThreeNodes(ctx),
  paced: async (ctx) => [await measureLatencyAtRate(ctx)],
  memory: (ctx) => measureMemory(ctx),
  expressions: () => expressionRows(),
  routing: () => routingRows(),
  dispatch: () => dispatchRows(),
  simulator: () => simulatorRows(),
  triage: async () => triageRows(benchTriage()),
};

function contextFrom(argv: string[]): { ctx: BenchContext; only: string[] } {
  const { values } = parseArgs({ args: argv, options: { only: { type: 'string' }, 'cpu-prof': { type: 'boolean' } } });
  const only = values.only ? values.only.split(',').map((s) => s.trim()) : Object.keys(SCENARIOS);
  const unknown = only.filter((name) => !(name in SCENARIOS));
  if (unknown.length > 0) throw new Error(`Unknown scenario ${unknown.join(', ')}; known: ${Object.keys(SCENARIOS).join(', ')}.`);
  const cpuProfDir = values['cpu-prof'] ? join(RESULTS, 'profiles') : undefined;
  if (cpuProfDir) mkdirSync(cpuProfDir, { recursive: true });
  const ctx: BenchContext = {
    dir: mkdtempSync(join(tmpdir(), 'switchboard-bench-')),
    adminToken: `sb_bench_${randomBytes(16).toString('hex')}`,
    // Enough that no body is sent twice in a scenario: repeats would be flagged as duplicates
    // by intake, which real traffic does only now and then.
    bodies: ticketBodies(20_000),
    // 64 clients keep the server saturated (each waits for its answer before sending again).
    load: { connections: 64, warmupS: 2, durationS: 8 },
    cpuProfDir,
  };
  return { ctx, only };
}

async function main(): Promise<number> {
  const { ctx, only } = contextFrom(process.argv.slice(2));
  const started = performance.now();
  const rows: ReportRow[] = [];
  let failed = false;
  try {
    for (const name of only) {
      process.stderr.write(`bench: ${name}…\n`);
      try {
        rows.push(...(await SCENARIOS[name]!(ctx)));
      } catch (error) {
        failed = true;
        rows.push({ id: name, label: name, figure: '', goal: '', verdict: 'error', note: (error as Error).message.split('\n')[0] });
        console.error(error);
      }
    }
  } finally {
    rmSync(ctx.dir, { recursive: true, force: true });
  }
  judgeThreeNodes(rows);
  const report = { generatedAt: new Date().toISOString(), machine: machine(), seconds: (performance.now() - started) / 1000, rows };
  console.log(formatTable(report));
  writeReport(join(RESULTS, 'latest.json'), report);
  console.log(`\nWritten to bench/results/latest.json${ctx.cpuProfDir ? '; CPU profiles in bench/results/profiles/' : ''}.`);
  return failed ? 1 : 0;
}

process.exitCode = await main();
