import { readFile } from 'node:fs/promises';
import { fail } from '../../domain/errors.js';

/**
 * The objects of a help desk's side file (users, organizations, groups, ticket fields): one API
 * page (`{"users": [...]}`), an array, or JSON lines. These lists are far smaller than the
 * tickets, so the file is read whole; `keep` picks what is remembered of each object.
 */
export async function readListing<T>(file: string, key: string, keep: (item: Record<string, unknown>) => T): Promise<T[]> {
  const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  const whole = parseOrUndefined(text);
  const items = whole === undefined
    ? text.split('\n').filter((line) => line.trim() !== '').map((line) => parseLine(line, file))
    : Array.isArray(whole) ? whole : isObject(whole) ? whole[key] : undefined;
  if (!Array.isArray(items)) throw fail('validation_failed', `${file} holds no "${key}" list.`);
  return items.filter(isObject).map(keep);
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function parseLine(line: string, file: string): unknown {
  try {
    return JSON.parse(line);
  } catch (error) {
    throw fail('malformed_json', `${file} is not JSON or JSON lines: ${(error as Error).message}`);
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
