import { createReadStream, statSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { fail, type DomainError } from '../../domain/errors.js';
import type { SourceRecord } from './source-record.js';

/**
 * Reads a JSON file of rows: an array of objects (parsed whole, as JSON cannot be streamed
 * without a parser of its own) or JSON lines, one object per line (streamed).
 */
export async function* readJson(file: string): AsyncGenerator<SourceRecord> {
  if ((await firstCharacter(file)) === '[') yield* readArray(file);
  else yield* readLines(file);
}

async function firstCharacter(file: string): Promise<string> {
  const handle = await open(file);
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(1024), 0, 1024, 0);
    return buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '').trimStart().charAt(0);
  } finally {
    await handle.close();
  }
}

async function* readArray(file: string): AsyncGenerator<SourceRecord> {
  let items: unknown;
  try {
    items = JSON.parse((await readFile(file, 'utf8')).replace(/^\uFEFF/, ''));
  } catch (error) {
    yield { row: 1, done: 1, error: fail('malformed_json', `The file is not valid JSON: ${(error as Error).message}`) };
    return;
  }
  const rows = items as unknown[];
  for (const [i, value] of rows.entries()) yield { row: i + 1, done: (i + 1) / rows.length, value };
}

async function* readLines(file: string): AsyncGenerator<SourceRecord> {
  const size = Math.max(statSync(file).size, 1);
  let bytes = 0;
  let row = 0;
  for await (const text of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    bytes += Buffer.byteLength(text) + 1;
    const line = row === 0 ? text.replace(/^\uFEFF/, '') : text;
    if (line.trim() === '') continue;
    row += 1;
    yield { row, done: Math.min(bytes / size, 1), ...parseLine(line) };
  }
}

function parseLine(line: string): { value: unknown } | { error: DomainError } {
  try {
    return { value: JSON.parse(line) };
  } catch (error) {
    return { error: fail('malformed_json', `The line is not valid JSON: ${(error as Error).message}`) };
  }
}
