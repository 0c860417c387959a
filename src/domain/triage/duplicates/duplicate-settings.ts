import type { JsonObject, JsonValue } from '../../shared/json.js';

/** How a workspace looks for duplicates at intake. */
export interface DuplicateSettings {
  enabled: boolean;
  /** `customer`: only the same customer's open tickets; `workspace`: any open ticket. */
  scope: 'customer' | 'workspace';
  /** TF-IDF cosine from which a ticket counts as a suspected duplicate. */
  threshold: number;
  /** At most this many suspects are linked. */
  maxLinks: number;
  /** How many of the most recent open tickets are compared. */
  candidates: number;
}

export const DEFAULT_DUPLICATE_SETTINGS: DuplicateSettings = { enabled: true, scope: 'customer', threshold: 0.45, maxLinks: 3, candidates: 200 };

/**
 * Promises the duplicate settings of a workspace: `settings.duplicates` field by field, each
 * value that is missing or out of range replaced by its default.
 */
export function duplicateSettingsOf(settings: JsonObject): DuplicateSettings {
  const own: JsonValue | undefined = settings.duplicates;
  if (own === null || typeof own !== 'object' || Array.isArray(own)) return DEFAULT_DUPLICATE_SETTINGS;
  const d = DEFAULT_DUPLICATE_SETTINGS;
  const number = (value: JsonValue | undefined, min: number, max: number, fallback: number) =>
    typeof value === 'number' && value >= min && value <= max ? value : fallback;
  return {
    enabled: typeof own.enabled === 'boolean' ? own.enabled : d.enabled,
    scope: own.scope === 'workspace' || own.scope === 'customer' ? own.scope : d.scope,
    threshold: number(own.threshold, 0.05, 1, d.threshold),
    maxLinks: Math.round(number(own.max_links, 0, 20, d.maxLinks)),
    candidates: Math.round(number(own.candidates, 1, 1000, d.candidates)),
  };
}
