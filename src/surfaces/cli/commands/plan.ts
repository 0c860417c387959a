import type { Command } from 'commander';
import { timeOfDayAfter } from '../../../domain/shared/time-of-day.js';
import { checkStaffing, DEFAULT_CHECK_CALLS } from '../../../domain/simulator/staffing-check.js';
import { checkedStaffingPlan, type StaffingPlan } from '../../../domain/simulator/staffing-plan.js';
import { bodyValidator } from '../../http/validation.js';
import { StaffingPlanBody, staffingFromBody, type StaffingPlanInput } from '../../wire/staffing/staffing-schemas.js';
import { readChecked, reportDomainError } from '../json-file.js';
import { progressBar } from '../progress-bar.js';
import { staffingTable } from '../staffing-table.js';
import { exitTwoOnUsageError, usageError } from '../usage-error.js';

interface StaffingFlags {
  request?: string;
  calls?: string;
  start: string;
  interval: string;
  handle?: string;
  patience?: string;
  serviceLevel?: string;
  within: string;
  asa?: string;
  abandonment?: string;
  shrinkage?: string;
  simulate: boolean;
  checkCalls?: string;
  json?: boolean;
}

/** `switchboard plan staffing`: the head count per interval that reaches a target (docs/simulator.md). */
export function registerPlan(program: Command): void {
  const plan = program.command('plan').description('workforce planning');
  exitTwoOnUsageError(plan.command('staffing'))
    .description('the agents per interval that reach a service level, ASA or abandonment target (Erlang C/A, checked by simulation)')
    .option('--request <file>', 'a JSON request in the shape of POST /v1/staffing-plans (instead of the flags below)')
    .option('--calls <list>', 'calls offered per interval, comma-separated')
    .option('--start <hh:mm>', 'time of day of the first interval (labels only)', '00:00')
    .option('--interval <minutes>', 'interval length: 15, 30 or 60', '30')
    .option('--handle <seconds>', 'mean handle time (exponential)')
    .option('--patience <seconds>', 'mean patience (exponential); without it nobody hangs up')
    .option('--service-level <share>', 'target: share answered within --within seconds, e.g. 0.8')
    .option('--within <seconds>', 'the service level\'s threshold', '20')
    .option('--asa <seconds>', 'target: average speed of answer')
    .option('--abandonment <share>', 'target: share of callers who hang up')
    .option('--shrinkage <share>', 'share of paid time not taking calls, e.g. 0.3')
    .option('--no-simulate', 'give Erlang\'s answer without checking it by simulation')
    .option('--check-calls <n>', `simulated calls per interval and head count (default ${DEFAULT_CHECK_CALLS})`)
    .option('--json', 'print the plan as one JSON object')
    .action(async (flags: StaffingFlags) => {
      const body = flags.request ? readChecked<StaffingPlanInput>(flags.request, StaffingPlanBody) : bodyFromFlags(flags);
      const { request, simulate, calls, seed } = staffingFromBody(body);
      let result: StaffingPlan;
      try {
        result = checkedStaffingPlan(request);
      } catch (error) {
        return reportDomainError(error);
      }
      if (simulate && flags.simulate) result = await checked(checkStaffing(request, result, { calls: calls ?? DEFAULT_CHECK_CALLS, seed: seed ?? 1 }));
      console.log(flags.json ? JSON.stringify(result, null, 2) : staffingTable(result));
    });
}

/** The request the flags describe, checked against the API's schema. */
function bodyFromFlags(flags: StaffingFlags): StaffingPlanInput {
  if (!flags.calls || !flags.handle) usageError('Give --request FILE, or --calls and --handle with one target (--service-level, --asa or --abandonment).');
  const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));
  const interval = Number(flags.interval);
  const counts = flags.calls.split(',').map((c) => Number(c.trim()));
  const target = flags.serviceLevel !== undefined
    ? { service_level: number(flags.serviceLevel), within_s: number(flags.within) }
    : { asa_s: number(flags.asa), abandonment: number(flags.abandonment) };
  const body = {
    interval_min: interval,
    intervals: counts.map((calls, i) => ({ label: timeOfDay(flags.start, i * interval), calls })),
    handle_time: { dist: 'exponential', mean_s: number(flags.handle) },
    ...(flags.patience === undefined ? {} : { patience: { dist: 'exponential', mean_s: number(flags.patience) } }),
    target: Object.fromEntries(Object.entries(target).filter(([, v]) => v !== undefined)),
    ...(flags.shrinkage === undefined ? {} : { shrinkage: number(flags.shrinkage) }),
    ...(flags.checkCalls === undefined ? {} : { check: { calls: number(flags.checkCalls) } }),
  };
  const issues = bodyValidator(StaffingPlanBody)(body);
  if (issues.length > 0 || counts.some((c) => Number.isNaN(c))) usageError(['The flags do not make a request:', ...issues.map((i) => `  ${i.path || '/'}: ${i.message}`)].join('\n'));
  return body as StaffingPlanInput;
}

function timeOfDay(start: string, minutes: number): string {
  return timeOfDayAfter(start, minutes) ?? usageError(`--start must read HH:MM, not "${start}".`);
}

/** Runs the check interval by interval, letting the progress bar draw (and Ctrl-C stop it) between them. */
async function checked(steps: ReturnType<typeof checkStaffing>): Promise<StaffingPlan> {
  const bar = progressBar('Checking by simulation', process.stderr, 'intervals');
  try {
    for (;;) {
      const next = steps.next();
      if (next.done) return next.value;
      bar.update(next.value.done / next.value.total, next.value.done);
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    bar.stop();
  }
}
