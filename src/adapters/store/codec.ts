/** Reads a JSON column: SQLite hands back text, PostgreSQL an already parsed value. */
export function readJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** Reads a JSON column that may be SQL NULL. */
export function readNullableJson<T>(value: unknown): T | null {
  return value === null || value === undefined ? null : readJson<T>(value);
}

/** Writes a JSON column; always text, so arrays are not mistaken for SQL arrays. */
export function writeJson(value: unknown): string {
  return JSON.stringify(value);
}

/** Writes a JSON column that may be SQL NULL. */
export function writeNullableJson(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

/** Escapes `%`, `_` and `\` so user text matches literally inside a LIKE pattern (ESCAPE '\'). */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
