import { fail } from '../../domain/errors.js';
import { Calibrator, type Calibration, type CalibrationOptions } from '../../domain/simulator/calibration/calibration.js';
import { callOfTicket, rosterOf, type TicketSkip } from '../../domain/simulator/calibration/ticket-calls.js';
import { checkScenario } from '../../domain/simulator/scenario.js';
import type { Channel } from '../../domain/ticket/ticket.js';
import type { CommandContext } from '../context.js';

const DAY_MS = 86_400_000;
const PAGE = 500;

/** What reading the workspace's tickets came to, besides the calibration. */
export interface TicketReading {
  /** Tickets created in the window. */
  tickets: number;
  /** Tickets read as answered or abandoned calls. */
  calls: number;
  skipped: Record<TicketSkip, number>;
  /** The window read, ISO 8601 instants. */
  from: string;
  to: string;
}

/** The workspace's history calibrated, before its scenario has run. */
export interface CalibratedWorkspace {
  reading: TicketReading;
  calibration: Calibration;
}

/**
 * Calibrates a scenario from the tickets created in the last `days` days, read as calls of a log
 * (`callOfTicket`) by the same fitter as a call log; the roster is the workspace's agents when it
 * has any, and arrivals come on the channel most of the tickets came on. A window without an
 * answered and resolved ticket is `invalid_history`.
 */
export async function calibrateWorkspaceCommand(ctx: CommandContext, days: number, options: CalibrationOptions): Promise<CalibratedWorkspace> {
  const to = ctx.clock.now();
  const from = to - days * DAY_MS;
  const calibrator = new Calibrator({ ...options, name: options.name ?? `calibrated from the last ${days} days of tickets` });
  const reading: TicketReading = { tickets: 0, calls: 0, skipped: { open: 0, unanswered_resolved: 0 }, from: new Date(from).toISOString(), to: new Date(to).toISOString() };
  const channels = new Map<Channel, number>();
  for (let after: string | undefined, more = true; more;) {
    const page = await ctx.tx.tickets.list({ workspaceId: ctx.workspaceId, updatedSince: from, after, limit: PAGE });
    for (const ticket of page.items) {
      if (ticket.createdAt < from || ticket.createdAt >= to) continue;
      reading.tickets++;
      channels.set(ticket.channel, (channels.get(ticket.channel) ?? 0) + 1);
      const call = callOfTicket(ticket);
      if (typeof call === 'string') reading.skipped[call]++;
      else {
        calibrator.add(call);
        reading.calls++;
      }
    }
    after = page.nextCursor ?? undefined;
    more = page.nextCursor !== null;
  }
  const calibration = calibrator.result();
  if (!calibration) throw fail('invalid_history', `No ticket created in the last ${days} days was answered and resolved: there is nothing to calibrate from.`, { reading });
  const roster = rosterOf(await ctx.tx.agents.listAll(ctx.workspaceId));
  const { scenario } = calibration;
  scenario.channel = [...channels].sort((a, b) => b[1] - a[1])[0]![0];
  if (roster.length > 0) {
    scenario.agents = roster;
    const size = roster.reduce((sum, group) => sum + group.count, 0);
    scenario.staffing!.agents = scenario.staffing!.agents.map((n) => Math.min(n, size));
  }
  const errors = checkScenario(scenario);
  if (errors.length > 0) throw fail('invalid_history', 'The history does not make a scenario the simulator can run.', { errors });
  return { reading, calibration };
}
