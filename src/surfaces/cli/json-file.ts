import { readFileSync } from 'node:fs';
import { DomainError } from '../../domain/errors.js';
import { bodyValidator } from '../http/validation.js';
import { usageError } from './usage-error.js';

/** Reads a JSON file and checks it against an API body schema; misuse exits with 2 and the mistakes. */
export function readChecked<T>(file: string, schema: Parameters<typeof bodyValidator>[0]): T {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    usageError(`Cannot read ${file} as JSON: ${(error as Error).message}`);
  }
  return checkedBody<T>(value, schema, file);
}

/** A body built from flags or read from `where`, checked against an API body schema; misuse exits with 2 and the mistakes. */
export function checkedBody<T>(value: unknown, schema: Parameters<typeof bodyValidator>[0], where = ''): T {
  const issues = bodyValidator(schema)(value);
  if (issues.length > 0) usageError(issues.map((i) => `${where}${i.path || '/'}: ${i.message}`).join('\n'));
  return value as T;
}

/** Prints a refused document's mistakes one per line, with the place in an expression where known, and exits with 1. */
export function reportDomainError(error: unknown): never {
  if (!(error instanceof DomainError)) throw error;
  console.error(error.message);
  const errors = (error.details as { errors?: { path: string; message: string; position?: { line: number; column: number } }[] } | undefined)?.errors ?? [];
  for (const e of errors) console.error(`  ${e.path}${e.position ? ` (line ${e.position.line}, column ${e.position.column})` : ''}: ${e.message}`);
  process.exit(1);
}
