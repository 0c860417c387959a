import { extname } from 'node:path';
import { usageError } from './usage-error.js';

const BY_EXTENSION: Record<string, string> = { '.csv': 'csv', '.json': 'json', '.jsonl': 'jsonl', '.ndjson': 'jsonl' };

/**
 * The `--format` flag, else the one the file's extension names, else (without a file, as for
 * stdout) the fallback; anything else is a usage error.
 */
export function formatOption<F extends string>(flag: string | undefined, file: string | undefined, allowed: readonly F[], fallback?: F): F {
  const extension = file ? extname(file).toLowerCase() : '';
  const format = flag ?? (file === undefined ? fallback : Object.hasOwn(BY_EXTENSION, extension) ? BY_EXTENSION[extension] : undefined);
  if (format === undefined) usageError(`Cannot tell the format of ${file ?? 'the output'} from its name; pass --format ${allowed.join('|')}.`);
  if (!(allowed as readonly string[]).includes(format)) usageError(`Unknown format "${format}"; use one of ${allowed.join(', ')}.`);
  return format as F;
}
