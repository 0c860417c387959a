/** Ids the server sends (a strategy, a role, an event type) as words of the chosen language. */
import { humanize } from './format';
import type { Translate } from './i18n';

/**
 * The catalogue's word for `value`, whose key is `prefix` and the value
 * (`dashboard.routing.strategy.` + `round_robin`). Only a value the catalogue cannot know (a custom
 * ticket type, an event added later) falls back to the id made readable; the catalogue returns a
 * key it lacks as is.
 */
export function labelOf(t: Translate, prefix: string, value: string | null | undefined): string {
  if (!value) return '—';
  const key = `${prefix}${value}`;
  const text = t(key);
  return text === key ? humanize(value) : text;
}
