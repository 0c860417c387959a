import type { TicketStatus } from '../ticket/status.js';

/** The steps a requester sees their request go through, in order. */
export const PROGRESS_STEPS = ['received', 'assigned', 'in_progress', 'resolved', 'closed'] as const;
export type ProgressStep = (typeof PROGRESS_STEPS)[number];

export interface Progress {
  /** The step the request is at; those before it are done. */
  current: ProgressStep;
  /** Whose move it is while the request waits on the requester (needs_info, pending); null otherwise. */
  waitingOn: 'requester' | null;
}

const STEP_OF: Record<TicketStatus, ProgressStep> = {
  new: 'received',
  needs_info: 'received',
  queued: 'received',
  assigned: 'assigned',
  in_progress: 'in_progress',
  pending: 'in_progress',
  on_hold: 'in_progress',
  resolved: 'resolved',
  closed: 'closed',
};

/** Where a request stands as its requester reads it: the internal status folded into five steps. */
export function progressOf(status: TicketStatus): Progress {
  return { current: STEP_OF[status], waitingOn: status === 'needs_info' || status === 'pending' ? 'requester' : null };
}
