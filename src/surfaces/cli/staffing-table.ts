import type { IntervalStaffing, StaffingPlan } from '../../domain/simulator/staffing-plan.js';

const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)} %`);
const secs = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${x.toFixed(1)} s`);
const whole = (x: number | null | undefined) => (x === null || x === undefined ? '—' : String(x));

/** The figures an interval's head count gives: the simulated ones when checked, else Erlang's. */
function figuresOf(interval: IntervalStaffing) {
  return (interval.simulated ?? interval.erlang)?.figures ?? null;
}

/** A plan as a table: one row per interval, Erlang's and the simulated head count, the roster, and what it achieves. */
export function staffingTable(plan: StaffingPlan): string {
  const model = plan.model === 'erlang_a' ? 'Erlang A' : 'Erlang C';
  const header = ['interval', 'calls', 'erlangs', model, ...(plan.checked ? ['simulated'] : []), 'rostered', 'service level', 'ASA', 'abandonment', 'occupancy'];
  const rows = plan.intervals.map((i) => {
    const figures = figuresOf(i);
    return [
      i.label, String(i.calls), i.offered_erlangs.toFixed(1), whole(i.erlang?.agents), ...(plan.checked ? [whole(i.simulated?.agents)] : []),
      whole(i.scheduled), pct(figures?.service_level), secs(figures?.asa_s), pct(figures?.abandonment), pct(figures?.occupancy),
    ];
  });
  const hours = (x: number | null) => (x === null ? '— (an interval is out of reach)' : `${x.toFixed(1)} h`);
  const totals = `agent-hours taking calls ${hours(plan.agent_hours)}, rostered ${hours(plan.scheduled_hours)}`;
  return [...align([header, ...rows]), '', totals].join('\n');
}

function align(lines: string[][]): string[] {
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((line) => line[i]!.length)));
  return lines.map((line) => line.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
}
