import type { TicketBody } from './ticket-bodies.js';

/** What every scenario of one bench run shares. */
export interface BenchContext {
  /** A scratch directory for SQLite files, removed at the end. */
  dir: string;
  /** Passed to servers as SWITCHBOARD_ADMIN_TOKEN; the load uses it as its bearer token. */
  adminToken: string;
  bodies: TicketBody[];
  load: { connections: number; warmupS: number; durationS: number };
  /** When set, the Switchboard servers of the ingest, desk and three-node rows write V8 CPU profiles here. */
  cpuProfDir?: string;
}
