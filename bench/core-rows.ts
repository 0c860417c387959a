// The in-process benchmarks (expressions, routing, dispatch) as rows of the `npm run bench` table,
// each figure beside its anchor measured in the same run.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchDispatch } from './dispatch-bench.js';
import { benchExpressions } from './expression-bench.js';
import { fmt, type ReportRow } from './report.js';
import type { RoutingBenchResult } from './routing-bench.js';
import { benchSimulator } from './simulator-bench.js';

const verdict = (met: boolean): ReportRow['verdict'] => (met ? 'PASS' : 'MISS');

/** Expression evaluation: ours against json-rules-engine and the cel-js interpreter on the same rules. */
export async function expressionRows(): Promise<ReportRow[]> {
  const results = await benchExpressions();
  const all = results.find((r) => r.name.startsWith('all')) ?? results[results.length - 1]!;
  const vsJre = all.ours / all.jsonRulesEngine;
  const vsCel = all.ours / all.celJs;
  return [
    { id: 'expr.ours', label: `Expressions: ${all.name}, compiled`, figure: `${fmt.int(all.ours)} evals/s`, goal: 'reference', verdict: 'info' },
    { id: 'expr.jre', label: 'Expressions: ÷ json-rules-engine (same run)', figure: `${vsJre.toFixed(0)} ×`, ratio: vsJre, goal: '≥ 100 ×', verdict: verdict(vsJre >= 100), note: `${fmt.int(all.jsonRulesEngine)} evals/s` },
    { id: 'expr.cel', label: 'Expressions: ÷ cel-js interpreter (same run)', figure: `${vsCel.toFixed(1)} ×`, ratio: vsCel, goal: '≥ 3 ×', verdict: verdict(vsCel >= 3), note: `${fmt.int(all.celJs)} evals/s` },
  ];
}

/**
 * The routing core: decisions per second among 10,000 agents with 50 skills, in a process of its
 * own. Run here after the servers' load, the same build gave 41,000–56,000 decisions a CPU-second
 * (the load generator's heap and compiled code left behind), and 55,000 in a process of its own.
 */
export async function routingRows(): Promise<ReportRow[]> {
  const script = fileURLToPath(new URL('./routing-bench.js', import.meta.url));
  const r = JSON.parse(execFileSync(process.execPath, [script, '--json'], { encoding: 'utf8' })) as RoutingBenchResult;
  return [{
    id: 'routing.core',
    label: `Routing: ${fmt.int(r.agents)} agents, ${r.skills} skills (~${r.meanMembers} per queue)`,
    figure: `${fmt.int(r.decisionsPerCpuSecond)} decisions/CPU-s`,
    goal: '≥ 50,000/s on one core',
    verdict: verdict(r.decisionsPerCpuSecond >= 50_000),
    note: `${fmt.int(r.decisionsPerSecond)} per wall-clock second on this machine; p50 ${r.p50Us} µs, p99 ${r.p99Us} µs per decision`,
  }];
}

/** Batch field dispatch: the optimal plan against greedy on the same orders and technicians. */
export async function dispatchRows(): Promise<ReportRow[]> {
  const r = benchDispatch();
  const better = r.optimal.assigned > r.greedy.assigned || (r.optimal.assigned === r.greedy.assigned && r.optimal.totalCost <= r.greedy.totalCost);
  return [{
    id: 'dispatch.batch',
    label: `Dispatch: ${r.orders} orders × ${r.technicians} technicians`,
    figure: `cost ${fmt.int(r.optimal.totalCost)}, ${r.optimal.assigned} placed, ${fmt.ms(r.optimal.ms)} ms`,
    goal: 'never worse than greedy',
    verdict: verdict(better),
    note: `greedy: cost ${fmt.int(r.greedy.totalCost)}, ${r.greedy.assigned} placed, ${fmt.ms(r.greedy.ms)} ms`,
  }];
}

/** The simulator: a million tickets through the real engine, beside a plain event loop on the same draws. */
export async function simulatorRows(): Promise<ReportRow[]> {
  const r = benchSimulator();
  const share = r.ceilingS / r.engineS;
  return [{
    id: 'simulator.speed',
    label: `Simulator: ${fmt.int(r.tickets)} tickets, 50 agents, real engine`,
    figure: `${r.engineS.toFixed(1)} s (${fmt.int(r.tickets / r.engineS)} tickets/s)`,
    goal: '1,000,000 in < 60 s',
    verdict: verdict(r.tickets >= 1_000_000 * 0.99 && r.engineS < 60),
    note: `plain event loop without the engine (ceiling): ${r.ceilingS.toFixed(2)} s, ${fmt.int(r.tickets / r.ceilingS)} tickets/s; engine at ${(share * 100).toFixed(0)} % of it; ASA ${r.asaS.toFixed(1)} s vs ${r.ceilingAsaS.toFixed(1)} s`,
  }];
}
