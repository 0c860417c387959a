/** Milliseconds since the epoch as an ISO 8601 string (or null). */
export function iso(ms: number): string;
export function iso(ms: number | null): string | null;
export function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/** An ISO 8601 string from a client as milliseconds (schema validation has checked the format). */
export function fromIso(value: string | null | undefined): number | null | undefined {
  if (value === undefined || value === null) return value;
  return Date.parse(value);
}
