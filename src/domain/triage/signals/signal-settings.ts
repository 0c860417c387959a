import type { JsonObject, JsonValue } from '../../shared/json.js';
import { DEFAULT_KEYWORD_FLAGS, compileFlags, type CompiledFlag } from './keyword-flags.js';

const defaults = compileFlags(DEFAULT_KEYWORD_FLAGS);
const FLAG_NAME = /^[a-z][a-z0-9_]{0,39}$/;

/**
 * Promises the keyword flags a workspace reads at intake: its own `settings.signals.flags`
 * (`{"name": ["word", "word*", …]}`) when it set them, which replace the defaults as a whole,
 * else the defaults. Names that are not snake_case and word lists that are not lists of text are
 * left out rather than failing intake.
 */
export function keywordFlagsOf(settings: JsonObject): CompiledFlag[] {
  const own = objectAt(objectAt(settings, 'signals'), 'flags');
  if (!own) return defaults;
  const flags: Record<string, string[]> = {};
  for (const [name, words] of Object.entries(own)) {
    if (!FLAG_NAME.test(name) || !Array.isArray(words)) continue;
    flags[name] = words.filter((word): word is string => typeof word === 'string' && word.trim().length > 0);
  }
  return compileFlags(flags);
}

function objectAt(value: JsonObject | undefined, key: string): JsonObject | undefined {
  const found: JsonValue | undefined = value?.[key];
  return found !== null && typeof found === 'object' && !Array.isArray(found) ? found : undefined;
}
