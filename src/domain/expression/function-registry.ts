import { CONVERSION_FUNCTIONS } from './conversion-functions.js';
import type { FunctionDefinition } from './function-definition.js';
import { STRING_FUNCTIONS } from './string-functions.js';
import { SWITCHBOARD_FUNCTIONS } from './switchboard-functions.js';

const REGISTRY = new Map<string, FunctionDefinition>(
  [...STRING_FUNCTIONS, ...CONVERSION_FUNCTIONS, ...SWITCHBOARD_FUNCTIONS].map((definition) => [definition.name, definition]),
);

/** Names CEL has that this language leaves out on purpose, with the reason given to the author. */
const REFUSED: Readonly<Record<string, string>> = {
  matches: 'matches() is not supported: a regular expression can take unbounded time on crafted input (ReDoS); '
    + 'use contains, startsWith, endsWith or contains_any',
};

/** The built-in function of that name, if there is one. */
export function lookupFunction(name: string): FunctionDefinition | undefined {
  return REGISTRY.get(name);
}

/** Why a well-known function is not offered, if it is one of those. */
export function refusedFunction(name: string): string | undefined {
  return Object.hasOwn(REFUSED, name) ? REFUSED[name] : undefined;
}

/** Every built-in function name, for documentation and tests. */
export function functionNames(): string[] {
  return [...REGISTRY.keys()];
}
