/** How a workspace's notification mail behaves beyond what each event decides. */
export interface EmailSettings {
  workspaceId: string;
  /** Hours an open ticket's requester may hear nothing before a "still working on it" mail; 0 turns it off. */
  updateIntervalHours: number;
  updatedAt: number;
}

export const DEFAULT_UPDATE_INTERVAL_HOURS = 72;
/** At most a year: a longer silence is better served by turning the mail off (0). */
export const MAX_UPDATE_INTERVAL_HOURS = 8760;

/** Promises the silence (ms) after which a requester gets a periodic update: the workspace's own, else 72 hours. */
export function updateIntervalMs(settings: EmailSettings | undefined): number {
  return (settings?.updateIntervalHours ?? DEFAULT_UPDATE_INTERVAL_HOURS) * 3_600_000;
}
