import { DEFAULT_PORTAL_SETTINGS, type PortalSettings } from '../commands/portal/portal-settings.js';
import type { Config } from '../config/config.js';

export const DAY_MS = 24 * 3600 * 1000;

/** The public form's challenge and the status links' lifetime, as configured. */
export function portalSettingsFrom(config: Pick<Config, 'portalPowBits' | 'portalMinFillSeconds' | 'linkTtlDays'>): PortalSettings {
  return {
    challenge: { ...DEFAULT_PORTAL_SETTINGS.challenge, bits: config.portalPowBits, minFillMs: config.portalMinFillSeconds * 1000 },
    linkTtlMs: config.linkTtlDays * DAY_MS,
  };
}
