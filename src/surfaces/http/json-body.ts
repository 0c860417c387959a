import { fail } from '../../domain/errors.js';
import { UNSTORABLE } from '../../domain/shared/storable-text.js';

const MAX_DEPTH = 32;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

// ignoreBOM keeps a byte-order mark in the text, so JSON.parse refuses it as it always has.
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The body's bytes as text; bytes that are not UTF-8 are a coded 400 rather than silently replaced. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    throw fail('invalid_text', 'The body is not valid UTF-8.');
  }
}

/**
 * Parses a JSON request body and checks it can be stored as it is: nesting at most 32 deep, no
 * prototype keys, no text PostgreSQL or UTF-8 would refuse. Throws coded 400 errors.
 */
export function parseJsonBody(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw fail('malformed_json', `The body is not valid JSON: ${(error as Error).message}`);
  }
  checkStorable(value);
  return value;
}

/** Throws the coded error `parseJsonBody` would for a value that was parsed elsewhere (a file's rows). */
export function checkStorable(root: unknown): void {
  const stack: Array<[unknown, number, string]> = [[root, 0, '']];
  while (stack.length > 0) {
    const [value, depth, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (UNSTORABLE.test(value)) throw fail('invalid_text', undefined, { path });
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_DEPTH) throw fail('json_too_deep', `The body is nested deeper than ${MAX_DEPTH} levels.`, { path });
    if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push([item, depth + 1, `${path}/${i}`]));
      continue;
    }
    for (const [key, item] of Object.entries(value)) {
      if (FORBIDDEN_KEYS.has(key)) throw fail('validation_failed', `The key "${key}" is not allowed.`, { path: `${path}/${key}` });
      if (UNSTORABLE.test(key)) throw fail('invalid_text', undefined, { path });
      stack.push([item, depth + 1, `${path}/${key}`]);
    }
  }
}
