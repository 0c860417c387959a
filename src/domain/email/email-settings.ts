import type { JsonObject } from '../shared/json.js';

const HOUR = 3_600_000;
export const DEFAULT_UPDATE_INTERVAL_HOURS = 72;

/**
 * Promises how long an open ticket's requester may hear nothing before a "still working on it"
 * mail (ms): `settings.email.update_interval_hours` (0 turns the mail off, at most a year), else 72 hours.
 */
export function updateIntervalMsOf(settings: JsonObject): number {
  const email = settings.email;
  const hours = email !== null && typeof email === 'object' && !Array.isArray(email) ? email.update_interval_hours : undefined;
  const valid = typeof hours === 'number' && hours >= 0 && hours <= 8760;
  return (valid ? hours : DEFAULT_UPDATE_INTERVAL_HOURS) * HOUR;
}
