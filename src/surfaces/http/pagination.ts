import { fail } from '../../domain/errors.js';

/** Turns a store position into an opaque cursor for clients. */
export function encodeCursor(position: string | null): string | null {
  return position === null ? null : Buffer.from(JSON.stringify({ p: position })).toString('base64url');
}

/** Reads a client's cursor back; anything we did not issue is `invalid_cursor`. */
export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  try {
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { p?: unknown };
    if (typeof decoded.p === 'string' && decoded.p.length <= 200) return decoded.p;
  } catch {
    // fall through to the coded error
  }
  throw fail('invalid_cursor');
}

/** A cursor over a numbered list (the events): the number, or `invalid_cursor`. */
export function decodeNumericCursor(cursor: string | undefined): number | undefined {
  const position = decodeCursor(cursor);
  if (position === undefined) return undefined;
  if (!/^\d{1,15}$/.test(position)) throw fail('invalid_cursor');
  return Number(position);
}

/** The wire shape of every list. */
export function pageBody<T, W>(page: { items: T[]; nextCursor: string | null }, present: (item: T) => W) {
  return { data: page.items.map(present), next_cursor: encodeCursor(page.nextCursor) };
}
