import type { Command } from 'commander';
import { timeOfDayAfter } from '../../../domain/shared/time-of-day.js';
import { checkStaffing, DEFAULT_CHECK_CALLS } from '../../../domain/simulator/staffing-check.js';
import { WEEKDAYS } from '../../../domain/simulator/scenario-staffing.js';
import { checkedStaffingPlan, type StaffingPlan } from '../../../domain/simulator/staffing-plan.js';
import { bodyValidator } from '../../http/validation.js';
import { ScenarioBody } from '../../wire/simulation/simulation-schemas.js';
import { staffingFromBody } from '../../wire/staffing/staffing-input.js';
import { StaffingPlanBody, type StaffingPlanInput } from '../../wire/staffing/staffing-schemas.js';
import { readChecked, reportDomainError } from '../json-file.js';
import { progressBar } from '../progress-bar.js';
import { staffingTable } from '../staffing-table.js';
import { exitTwoOnUsageError, usageError } from '../usage-error.js';

interface StaffingFlags {
  request?: string;
  scenario?: string;
  day?: string;
  calls?: string;
  start: string;
  interval?: string;
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
    .option('--scenario <file>', 'plan from a scenario (as `simulate calibrate --out` writes): its arrival profile, handle time, patience')
    .option('--day <weekday>', `with --scenario: plan one weekday (${WEEKDAYS.join(', ')}) instead of the whole week`)
    .option('--calls <list>', 'calls offered per interval, comma-separated')
    .option('--start <hh:mm>', 'time of day of the first interval (labels only)', '00:00')
    .option('--interval <minutes>', 'interval length: 15, 30 or 60 (default 30; with --scenario, its profile\'s)')
    .option('--handle <seconds>', 'mean handle time (exponential); with --scenario, overrides its handle time')
    .option('--patience <seconds>', 'mean patience (exponential); without it nobody hangs up (with --scenario: its patience)')
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
      let planned: ReturnType<typeof staffingFromBody>;
      let result: StaffingPlan;
      try {
        planned = staffingFromBody(body);
        result = checkedStaffingPlan(planned.request);
      } catch (error) {
        return reportDomainError(error);
      }
      const { request, simulate, calls, seed } = planned;
      if (simulate && flags.simulate) result = await checked(checkStaffing(request, result, { calls: calls ?? DEFAULT_CHECK_CALLS, seed: seed ?? 1 }));
      console.log(flags.json ? JSON.stringify(result, null, 2) : staffingTable(result));
    });
}

/** The request the flags describe, checked against the API's schema. */
function bodyFromFlags(flags: StaffingFlags): StaffingPlanInput {
  if (flags.scenario ? flags.calls : !flags.calls || !flags.handle) {
    usageError('Give --request FILE, --scenario FILE, or --calls and --handle, with one target (--service-level, --asa or --abandonment).');
  }
  if (flags.day !== undefined && !flags.scenario) usageError('--day picks a weekday of --scenario.');
  const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));
  const interval = number(flags.interval);
  const counts = (flags.calls ?? '').split(',').map((c) => Number(c.trim()));
  const load = flags.scenario
    ? { scenario: readChecked<StaffingPlanInput['scenario']>(flags.scenario, ScenarioBody), ...(flags.day === undefined ? {} : { weekday: weekdayOf(flags.day) }) }
    : { intervals: counts.map((calls, i) => ({ label: timeOfDay(flags.start, i * (interval ?? 30)), calls })) };
  const target = flags.serviceLevel !== undefined
    ? { service_level: number(flags.serviceLevel), within_s: number(flags.within) }
    : { asa_s: number(flags.asa), abandonment: number(flags.abandonment) };
  const body = {
    ...(interval === undefined ? {} : { interval_min: interval }),
    ...load,
    ...(flags.handle === undefined ? {} : { handle_time: { dist: 'exponential', mean_s: number(flags.handle) } }),
    ...(flags.patience === undefined ? {} : { patience: { dist: 'exponential', mean_s: number(flags.patience) } }),
    target: Object.fromEntries(Object.entries(target).filter(([, v]) => v !== undefined)),
    ...(flags.shrinkage === undefined ? {} : { shrinkage: number(flags.shrinkage) }),
    ...(flags.checkCalls === undefined ? {} : { check: { calls: number(flags.checkCalls) } }),
  };
  const issues = bodyValidator(StaffingPlanBody)(body);
  if (issues.length > 0 || (!flags.scenario && counts.some((c) => Number.isNaN(c)))) usageError(['The flags do not make a request:', ...issues.map((i) => `  ${i.path || '/'}: ${i.message}`)].join('\n'));
  return body as StaffingPlanInput;
}

function weekdayOf(day: string): (typeof WEEKDAYS)[number] {
  const found = WEEKDAYS.find((name) => name.toLowerCase() === day.slice(0, 3).toLowerCase() && day.length >= 3);
  return found ?? usageError(`--day must be a weekday (${WEEKDAYS.join(', ')}), not "${day}".`);
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
