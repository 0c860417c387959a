import { fail } from '../../domain/errors.js';
import { Calibrator, type Calibration, type CalibrationOptions } from '../../domain/simulator/calibration/calibration.js';
import { checkMapping, readCall, type CallLogMapping } from '../../domain/simulator/calibration/call-log-mapping.js';
import { fitReport, type FitReport } from '../../domain/simulator/calibration/fit-report.js';
import { checkScenario } from '../../domain/simulator/scenario.js';
import type { PolicyFigures } from '../../domain/simulator/simulation-result.js';
import type { SourceRecord } from '../records/source-record.js';

/** Row mistakes listed in full; past this only their count grows. */
const LISTED_ERRORS = 20;

/** What reading a log came to, besides the calibration. */
export interface CallLogReading {
  rows: number;
  calls: number;
  skipped: { other_outcome: number; not_queued: number };
  errors: { row: number; message: string }[];
  error_count: number;
}

/** A log read and calibrated from, before its scenario has run. */
export interface CalibratedLog {
  reading: CallLogReading;
  calibration: Calibration;
}

/** The calibration of a log (or of the workspace's tickets) and the fit report of its scenario's run. */
export interface CalibrationReport<Reading = CallLogReading> {
  reading: Reading;
  calibration: Omit<Calibration, 'history'>;
  fit: FitReport;
}

/**
 * Calibrates from a stream of CSV rows (header and cells), one call at a time. A header the
 * mapping does not fit, or a log without an answered call, is `invalid_call_log`; a row that
 * cannot be read is listed and skipped. The scenario is checked before it is handed back.
 */
export async function calibrateCallLog(rows: AsyncIterable<SourceRecord<{ header: string[]; cells: string[] }>>, mapping: CallLogMapping, options: CalibrationOptions, onProgress?: (done: number) => void): Promise<CalibratedLog> {
  const calibrator = new Calibrator(options);
  const reading: CallLogReading = { rows: 0, calls: 0, skipped: { other_outcome: 0, not_queued: 0 }, errors: [], error_count: 0 };
  const noteError = (row: number, message: string) => {
    if (reading.errors.length < LISTED_ERRORS) reading.errors.push({ row, message });
    reading.error_count++;
  };
  let columns: Map<string, number> | null = null;
  for await (const record of rows) {
    reading.rows++;
    if (!('value' in record)) {
      noteError(record.row, record.error.message);
      continue;
    }
    if (!columns) columns = headerColumns(mapping, record.value.header);
    const { cells } = record.value;
    const read = readCall(mapping, (column) => cells[columns!.get(column)!] ?? '');
    if ('call' in read) {
      calibrator.add(read.call);
      reading.calls++;
    } else if ('skipped' in read) reading.skipped[read.skipped]++;
    else noteError(record.row, read.error);
    if (reading.rows % 10_000 === 0) onProgress?.(record.done);
  }
  const calibration = calibrator.result();
  if (!calibration) throw fail('invalid_call_log', 'The log holds no answered call to calibrate from.', { reading });
  const errors = checkScenario(calibration.scenario);
  if (errors.length > 0) throw fail('invalid_call_log', 'The log does not make a scenario the simulator can run.', { errors });
  return { reading, calibration };
}

/** The report of a calibrated log (or workspace history), given what its scenario's run did. */
export function calibrationReport<Reading>({ reading, calibration }: { reading: Reading; calibration: Calibration }, run: PolicyFigures): CalibrationReport<Reading> {
  const { history, ...rest } = calibration;
  return { reading, calibration: rest, fit: fitReport(history, run) };
}

function headerColumns(mapping: CallLogMapping, header: string[]): Map<string, number> {
  const errors = checkMapping(mapping, header);
  if (errors.length > 0) throw fail('invalid_call_log', 'The column mapping does not fit the log.', { errors: errors.map((message) => ({ path: '/mapping', message })) });
  return new Map(header.map((name, i) => [name, i]));
}
