import http from 'node:http';
import type { LoadResult } from './http-load.js';
import { percentile } from './percentile.js';

export interface PacedSpec {
  url: string;
  token: string;
  path: string;
  ratePerS: number;
  warmupS: number;
  durationS: number;
  /** Keep-alive connections the requests share; when all are busy, due requests are skipped. */
  maxSockets: number;
  nextBody(): string;
}

const REQUEST_TIMEOUT_MS = 30_000;
// A server that cannot keep up would make the backlog, and the run, grow without end. A request
// that falls due while every connection is busy is skipped, as a client with a fixed pool would
// shed it; requests still unanswered a few seconds after the last one was due are abandoned.
// Both are counted, never as errors, and either makes the row a miss.
const DRAIN_LIMIT_MS = 5_000;

/** A paced run: what was answered, and what the bench gave up on because the server fell behind. */
export interface PacedResult extends LoadResult {
  /** Requests due in the measured time that were skipped. */
  skipped: number;
  /** Requests due in the warm-up that were skipped: a fresh server is still compiling, so these are reported, not judged. */
  skippedInWarmup: number;
  abandoned: number;
}

/**
 * Open loop: request n is due at start + n / rate whatever happened to the earlier ones, and its
 * latency counts from that due time. autocannon's `overallRate` instead sends each second's
 * budget in a burst and waits for answers before sending more, which hides a stalled server
 * (coordinated omission).
 */
export async function paced(spec: PacedSpec): Promise<PacedResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.maxSockets });
  const intervalMs = 1000 / spec.ratePerS;
  const total = Math.round((spec.warmupS + spec.durationS) * spec.ratePerS);
  const firstMeasured = Math.round(spec.warmupS * spec.ratePerS);
  const start = performance.now();
  const latencies: number[] = [];
  const counts = { non2xx: 0, errors: 0, answered: 0, abandoned: 0 };
  const live = new Set<http.ClientRequest>();
  let giveUp = false;
  let lastEnd = start;
  const send = async (n: number) => {
    const due = start + n * intervalMs;
    const status = await post(agent, live, spec, spec.nextBody()).catch(() => -1);
    counts.answered++;
    if (n < firstMeasured) return;
    if (giveUp && status === -1) {
      counts.abandoned++;
      return;
    }
    lastEnd = performance.now();
    if (status === -1) counts.errors++;
    else if (status < 200 || status > 299) counts.non2xx++;
    else latencies.push(lastEnd - due);
  };
  const { pending, skipped } = await schedule(total, intervalMs, start, send, (sent) => sent - counts.answered >= spec.maxSockets);
  await Promise.race([Promise.all(pending), new Promise((resolve) => setTimeout(resolve, DRAIN_LIMIT_MS))]);
  giveUp = true;
  // Requests still waiting for a socket would be sent as soon as one frees; abort each.
  for (const request of live) request.destroy();
  await Promise.all(pending);
  agent.destroy();
  const seconds = (lastEnd - (start + firstMeasured * intervalMs)) / 1000;
  const { non2xx, errors, abandoned } = counts;
  const result = { ok: latencies.length, p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99), non2xx, errors, seconds };
  const skippedInWarmup = skipped.filter((n) => n < firstMeasured).length;
  return { ...result, rate: latencies.length === 0 ? 0 : latencies.length / seconds, skipped: skipped.length - skippedInWarmup, skippedInWarmup, abandoned };
}

/**
 * Calls `send(n)` for n = 0…total-1 at its due time (a 1 ms timer catches up on late ticks),
 * skipping those that fall due while `skip(sent)` holds; returns the requests it sent and the
 * numbers of those it skipped.
 */
async function schedule(
  total: number, intervalMs: number, start: number, send: (n: number) => Promise<void>, skip: (sent: number) => boolean,
): Promise<{ pending: Promise<void>[]; skipped: number[] }> {
  const pending: Promise<void>[] = [];
  const skipped: number[] = [];
  let next = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor((performance.now() - start) / intervalMs) + 1);
      for (; next < due; next++) {
        if (skip(pending.length)) skipped.push(next);
        else pending.push(send(next));
      }
      if (next < total) return;
      clearInterval(timer);
      resolve();
    };
    const timer = setInterval(tick, 1);
    tick();
  });
  return { pending, skipped };
}

/** One request, listed in `live` until it is answered or fails. */
function post(agent: http.Agent, live: Set<http.ClientRequest>, spec: PacedSpec, body: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const request = http.request(`${spec.url}${spec.path}`, {
      method: 'POST',
      agent,
      headers: { authorization: `Bearer ${spec.token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
    request.setTimeout(REQUEST_TIMEOUT_MS, () => request.destroy(new Error('timeout')));
    request.on('close', () => live.delete(request));
    live.add(request);
    request.end(body);
  });
}
