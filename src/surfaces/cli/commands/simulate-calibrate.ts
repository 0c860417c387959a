import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { STAFFING_MEASURES, type CalibrationOptions, type StaffingMeasure } from '../../../domain/simulator/calibration/calibration.js';
import { CALL_LOG_PRESETS, type CallLogMapping } from '../../../domain/simulator/calibration/call-log-mapping.js';
import { INTERVAL_MINUTES } from '../../../domain/simulator/staffing-plan.js';
import { runScenario } from '../../../domain/simulator/run-scenario.js';
import { calibrateWorkspaceCommand, type TicketReading } from '../../../commands/simulation/calibrate-workspace.js';
import { MAX_CALIBRATION_DAYS } from '../../../domain/simulator/calibration/ticket-calls.js';
import type { Actor } from '../../../domain/shared/actor.js';
import { calibrateCallLog, calibrationReport, type CalibrationReport } from '../../calibration/calibrate-call-log.js';
import { fitReportMarkdown } from '../../calibration/fit-report-markdown.js';
import { readCsvRows } from '../../records/read-csv.js';
import { CallLogMappingBody } from '../../wire/simulation/calibration-schemas.js';
import { readChecked, reportDomainError } from '../json-file.js';
import { progressBar } from '../progress-bar.js';
import { exitTwoOnUsageError, usageError } from '../usage-error.js';
import { inWorkspace, type DatabaseFlags } from '../workspace-session.js';

const CLI_ACTOR: Actor = { kind: 'system', id: null, name: 'cli simulate calibrate' };

interface CalibrateFlags extends DatabaseFlags {
  from?: string;
  fromWorkspace?: boolean;
  days: string;
  mapping?: string;
  preset?: string;
  out: string;
  report?: string;
  interval: string;
  staffing: string;
  handle: string;
}

/** `switchboard simulate calibrate`: a scenario (and a fit report) from a call log (docs/simulator.md, "Calibration"). */
export function registerSimulateCalibrate(simulate: Command): void {
  exitTwoOnUsageError(simulate.command('calibrate'))
    .description('calibrate a scenario from a call log (CSV), or from the workspace\'s own tickets, and report how well it reproduces them')
    .option('--from <file>', 'the call log, CSV with a header row')
    .option('--from-workspace', 'calibrate from the tickets of the workspace instead (docs/simulator.md, "Calibration from the workspace")')
    .option('--days <n>', `with --from-workspace: days of tickets before now, 1 to ${MAX_CALIBRATION_DAYS}`, '28')
    .option('--mapping <file>', 'JSON naming the log\'s columns (docs/simulator.md)')
    .option('--preset <name>', `a known export's mapping: ${Object.keys(CALL_LOG_PRESETS).join(', ')}`)
    .requiredOption('--out <file>', 'where to write the calibrated scenario (JSON)')
    .option('--report <file>', 'where to write the fit report: .md for Markdown, .json for JSON')
    .option('--interval <minutes>', `interval of the arrival profile, staffing and report: ${INTERVAL_MINUTES.join(', ')}`, '30')
    .option('--staffing <measure>', 'head count per interval: agents (distinct agents who served) or busy (busy time ÷ interval length)', 'agents')
    .option('--handle <choice>', 'draw handle times from the fitted distribution or the empirical sample: fitted or empirical', 'fitted')
    // The database and --workspace flags are `switchboard simulate`'s, wherever they stand.
    .action(async (_flags: CalibrateFlags, command: Command) => {
      const flags = command.optsWithGlobals<CalibrateFlags>();
      if (Boolean(flags.from) === Boolean(flags.fromWorkspace)) usageError('Give either --from FILE or --from-workspace.');
      const report = flags.fromWorkspace ? await fromWorkspace(flags) : await fromCallLog(flags);
      writeFileSync(flags.out, `${JSON.stringify(report.calibration.scenario, null, 2)}\n`);
      if (flags.report) writeFileSync(flags.report, flags.report.endsWith('.json') ? `${JSON.stringify(report, null, 2)}\n` : fitReportMarkdown(report));
      const { totals } = report.fit;
      const read = 'tickets' in report.reading ? `${report.reading.calls} of ${report.reading.tickets} tickets` : `${report.reading.calls} calls (${report.reading.error_count} rows with mistakes)`;
      console.log(`Calibrated from ${read}; scenario written to ${flags.out}.`);
      console.log(`ASA: history ${totals.asa_s.history?.toFixed(1)} s, simulated ${totals.asa_s.simulated?.toFixed(1)} s; abandonment among queued: history ${share(totals.abandonment_of_queued.history)}, simulated ${share(totals.abandonment_of_queued.simulated)}.`);
    });
}

async function fromCallLog(flags: CalibrateFlags): Promise<CalibrationReport> {
  const calibrated = await calibrateCallLog(readCsvRows(flags.from!), mappingOf(flags), optionsOf(flags), progressOf()).catch(reportDomainError);
  return calibrationReport(calibrated, runScenario(calibrated.calibration.scenario).policies[0]!);
}

async function fromWorkspace(flags: CalibrateFlags): Promise<CalibrationReport<TicketReading>> {
  if (flags.mapping || flags.preset) usageError('--mapping and --preset read a call log; --from-workspace reads tickets.');
  const days = Number(flags.days);
  if (!Number.isInteger(days) || days < 1 || days > MAX_CALIBRATION_DAYS) usageError(`--days must be a whole number from 1 to ${MAX_CALIBRATION_DAYS}.`);
  const options = optionsOf(flags);
  const calibrated = await inWorkspace(flags, CLI_ACTOR, ({ store, context }) => store.read((tx) => calibrateWorkspaceCommand(context(tx), days, options))).catch(reportDomainError);
  return calibrationReport(calibrated, runScenario(calibrated.calibration.scenario).policies[0]!);
}

function mappingOf(flags: CalibrateFlags): CallLogMapping {
  if (flags.mapping && flags.preset) usageError('Give either --mapping or --preset, not both.');
  if (flags.mapping) return readChecked<CallLogMapping>(flags.mapping, CallLogMappingBody);
  const preset = CALL_LOG_PRESETS[flags.preset ?? 'switchboard'];
  if (!preset || !Object.hasOwn(CALL_LOG_PRESETS, flags.preset ?? 'switchboard')) usageError(`Unknown preset "${flags.preset}"; known: ${Object.keys(CALL_LOG_PRESETS).join(', ')}.`);
  return preset;
}

function optionsOf(flags: CalibrateFlags): CalibrationOptions {
  const interval = Number(flags.interval);
  if (!(INTERVAL_MINUTES as readonly number[]).includes(interval)) usageError(`--interval must be one of ${INTERVAL_MINUTES.join(', ')}.`);
  if (!(STAFFING_MEASURES as readonly string[]).includes(flags.staffing)) usageError(`--staffing must be one of ${STAFFING_MEASURES.join(', ')}.`);
  if (flags.handle !== 'fitted' && flags.handle !== 'empirical') usageError('--handle must be fitted or empirical.');
  return { interval_min: interval, staffing: flags.staffing as StaffingMeasure, handle: flags.handle };
}

function progressOf(): (done: number) => void {
  const bar = progressBar('Reading calls', process.stderr);
  let updates = 0;
  return (done) => {
    bar.update(done, ++updates * 10_000);
    if (done >= 1) bar.stop();
  };
}

function share(x: number | null): string {
  return x === null ? '–' : `${(x * 100).toFixed(1)} %`;
}
