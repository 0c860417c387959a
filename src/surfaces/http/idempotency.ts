import { createHash } from 'node:crypto';
import { fail } from '../../domain/errors.js';
import type { IdempotencyRecord, Store, StoreTx } from '../../domain/store/store.js';

/** Keys are kept at least this long (Stripe keeps them 24 hours). */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;

const KEY = /^[\x21-\x7e]{1,255}$/;

export interface StoredResponse {
  status: number;
  body: unknown;
  replayed: boolean;
}

interface IdempotentRequest {
  workspaceId: string;
  /** Method and route, so one key cannot be replayed against another endpoint. */
  scope: string;
  key: string | undefined;
  body: unknown;
  now: number;
}

/**
 * Runs a create at most once per idempotency key (Stripe's semantics): the same key and body
 * return the first response; the same key with another body is `idempotency_key_reused`.
 * Failed requests store nothing, so the client may retry with the same key.
 */
export async function runIdempotent(
  store: Store,
  request: IdempotentRequest,
  work: (tx: StoreTx) => Promise<{ status: number; body: unknown }>,
): Promise<StoredResponse> {
  const { key } = request;
  if (key === undefined) return { ...(await store.transaction(work)), replayed: false };
  if (!KEY.test(key)) throw fail('validation_failed', 'An Idempotency-Key is 1–255 printable ASCII characters.', { in: 'headers', path: 'idempotency-key' });
  const requestHash = hashBody(request.body);
  const lookup = (tx: StoreTx) => tx.idempotency.find(request.workspaceId, request.scope, key);
  try {
    return await store.transaction(async (tx) => {
      const existing = await lookup(tx);
      if (existing && existing.createdAt > request.now - IDEMPOTENCY_RETENTION_MS) return replay(existing, requestHash);
      // A key past its retention that the sweep has not removed yet is a fresh key.
      if (existing) await tx.idempotency.delete(request.workspaceId, request.scope, key);
      const response = await work(tx);
      await tx.idempotency.insert({
        workspaceId: request.workspaceId, scope: request.scope, key, requestHash,
        responseStatus: response.status, responseBody: JSON.stringify(response.body), createdAt: request.now,
      });
      return { ...response, replayed: false };
    });
  } catch (error) {
    // Another node stored the same key between our lookup and our insert: answer as it did.
    if (!store.isUniqueViolation(error)) throw error;
    const existing = await store.read(lookup);
    if (!existing) throw error;
    return replay(existing, requestHash);
  }
}

function replay(record: IdempotencyRecord, requestHash: string): StoredResponse {
  if (record.requestHash !== requestHash) throw fail('idempotency_key_reused');
  return { status: record.responseStatus, body: JSON.parse(record.responseBody), replayed: true };
}

function hashBody(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

/** JSON with object keys sorted, so the same body always hashes the same. */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
