import type { ComparedFigure, ComparedFigures } from '../../domain/simulator/calibration/fit-report.js';
import type { TicketReading } from '../../commands/simulation/calibrate-workspace.js';
import type { CalibrationReport, CallLogReading } from './calibrate-call-log.js';

/** The calibration report as Markdown: what was read, what was fitted, and the run against the history, in total and per interval. */
export function fitReportMarkdown(report: CalibrationReport<CallLogReading | TicketReading>): string {
  const { reading, calibration, fit } = report;
  const lines = [
    '# Calibration report',
    '',
    readingLine(reading),
    '',
    '## Handle time (chosen by the lowest AIC; the empirical sample is kept)',
    '',
    '| sample | calls | mean s | sd s | chosen | AIC exponential | AIC lognormal | AIC gamma |',
    '|---|---:|---:|---:|---|---:|---:|---:|',
    ...Object.entries(calibration.handle_time).map(([key, f]) => {
      const aic = (dist: string) => num(f.candidates.find((c) => c.distribution.dist === dist)?.aic ?? null, 0);
      return `| ${key || 'all'} | ${f.count} | ${num(f.mean_s, 1)} | ${num(f.sd_s, 1)} | ${f.chosen.dist} | ${aic('exponential')} | ${aic('lognormal')} | ${aic('gamma')} |`;
    }),
    '',
    '## Patience (Kaplan–Meier over queue times; answered calls censored)',
    '',
    '| sample | calls | abandoned | median s | exponential mean s | survival at last time |',
    '|---|---:|---:|---:|---:|---:|',
    ...Object.entries(calibration.patience).map(([key, p]) => `| ${key || 'all'} | ${p.queued} | ${p.abandoned} | ${num(p.median_s, 0)} | ${num(p.exponential_mean_s, 1)} | ${num(p.last_survival, 3)} at ${p.last_t_s} s |`),
    '',
    `After-call work: ${calibration.after_call_work ? `${calibration.after_call_work.chosen.dist}, mean ${num(calibration.after_call_work.mean_s, 1)} s over ${calibration.after_call_work.count} calls` : 'not in the log'}.`,
    '',
    '## Simulated against the history',
    '',
    '| | history | simulated | relative error |',
    '|---|---:|---:|---:|',
    ...totalRows(fit.totals),
    '',
    `Weighted mean absolute difference per interval: ASA ${num(fit.weighted_mean_absolute_error.asa_s, 1)} s, abandonment among queued ${pct(fit.weighted_mean_absolute_error.abandonment_of_queued)}.`,
    '',
    '## Per interval',
    '',
    '| start | offered (hist / sim) | ASA s (hist / sim) | abandoned of queued (hist / sim) |',
    '|---|---:|---:|---:|',
    ...fit.intervals.map((i) => `| ${i.start.slice(0, 16).replace('T', ' ')} | ${i.offered.history} / ${i.offered.simulated} | ${num(i.asa_s.history, 1)} / ${num(i.asa_s.simulated, 1)} | ${pct(i.abandonment_of_queued.history)} / ${pct(i.abandonment_of_queued.simulated)} |`),
    '',
  ];
  return lines.join('\n');
}

function readingLine(reading: CallLogReading | TicketReading): string {
  if ('tickets' in reading) {
    return `Tickets created from ${reading.from} to ${reading.to}: ${reading.tickets}; read as calls: ${reading.calls}; skipped: ${reading.skipped.open} still open, ${reading.skipped.unanswered_resolved} resolved without a first response.`;
  }
  return `Rows read: ${reading.rows}; calls calibrated from: ${reading.calls}; skipped: ${reading.skipped.other_outcome} with another outcome, ${reading.skipped.not_queued} that never reached the queue; rows with mistakes: ${reading.error_count}.`;
}

function totalRows(totals: ComparedFigures): string[] {
  const row = (label: string, f: ComparedFigure, format: (x: number | null) => string) => `| ${label} | ${format(f.history)} | ${format(f.simulated)} | ${pct(f.relative_error)} |`;
  return [
    row('offered', totals.offered, (x) => num(x, 0)),
    row('answered', totals.answered, (x) => num(x, 0)),
    row('abandoned', totals.abandoned, (x) => num(x, 0)),
    row('ASA (s)', totals.asa_s, (x) => num(x, 1)),
    row('abandonment among queued', totals.abandonment_of_queued, pct),
  ];
}

function num(x: number | null, digits: number): string {
  return x === null ? '–' : x.toFixed(digits);
}

function pct(x: number | null): string {
  return x === null ? '–' : `${(x * 100).toFixed(1)} %`;
}
