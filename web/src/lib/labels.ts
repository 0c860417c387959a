/** Ids the server sends (a strategy, a role, an event type) as words of the chosen language. */
import { humanize } from './format';
import type { Translate } from './i18n';

/**
 * The catalogue's word for `value` under `group` (`dashboard.routing.strategy` + `round_robin`).
 * Only a value the catalogue cannot know (a custom ticket type, a field of a custom type) falls
 * back to the id made readable; the catalogue returns a key it lacks as is.
 */
export function labelOf(t: Translate, group: string, value: string | null | undefined): string {
  if (!value) return '—';
  const key = `${group}.${value}`;
  const text = t(key);
  return text === key ? humanize(value) : text;
}
