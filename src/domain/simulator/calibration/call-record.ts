import type { Priority } from '../../ticket/ticket.js';

export type CallOutcome = 'answered' | 'abandoned' | 'other';

/** One call of a log, as calibration reads it: instants in ms since the epoch, durations in seconds. */
export interface CallRecord {
  /** When the call reached the agents' queue (or an agent, if it never queued). */
  arrivedAt: number;
  outcome: CallOutcome;
  /** Time in the queue: until answered, or until the caller hung up. */
  waitS: number;
  /** When an agent answered, and how long the call then took (answered calls only). */
  answeredAt: number | null;
  serviceS: number | null;
  /** Wrap-up after the call, when the log records it. */
  afterCallS: number | null;
  agent: string | null;
  priority: Priority;
  type: string;
}
