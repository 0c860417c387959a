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
  /** Keep-alive connections the requests share; a late request waits for one, as a real client would. */
  maxSockets: number;
  nextBody(): string;
}

const REQUEST_TIMEOUT_MS = 30_000;
// A server that cannot keep up would make the backlog, and the run, grow without end; while a
// second's worth of requests is waiting, due requests are skipped and counted as unsent.
const MAX_BACKLOG_S = 1;

/** A paced run: what was answered, and how many due requests were never sent because the server fell behind. */
export interface PacedResult extends LoadResult {
  unsent: number;
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
  let non2xx = 0;
  let errors = 0;
  let lastEnd = start;
  let answered = 0;
  const send = async (n: number) => {
    const due = start + n * intervalMs;
    const status = await post(agent, spec, spec.nextBody()).catch(() => -1);
    answered++;
    if (n < firstMeasured) return;
    lastEnd = performance.now();
    if (status === -1) errors++;
    else if (status < 200 || status > 299) non2xx++;
    else latencies.push(lastEnd - due);
  };
  const backlogged = (sent: number) => sent - answered > MAX_BACKLOG_S * spec.ratePerS;
  const sent = await schedule(total, intervalMs, start, send, backlogged);
  agent.destroy();
  const seconds = (lastEnd - (start + firstMeasured * intervalMs)) / 1000;
  const result = { ok: latencies.length, p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99), non2xx, errors, seconds };
  return { ...result, rate: latencies.length === 0 ? 0 : latencies.length / seconds, unsent: total - sent };
}

/**
 * Calls `send(n)` for n = 0…total-1 at its due time (a 1 ms timer catches up on late ticks),
 * skipping those that fall due while `skip(sent)` holds; returns how many were sent, once all
 * of them have answered.
 */
async function schedule(total: number, intervalMs: number, start: number, send: (n: number) => Promise<void>, skip: (sent: number) => boolean): Promise<number> {
  const pending: Promise<void>[] = [];
  let next = 0;
  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor((performance.now() - start) / intervalMs) + 1);
      for (; next < due; next++) {
        if (skip(sent)) continue;
        pending.push(send(next));
        sent++;
      }
      if (next < total) return;
      clearInterval(timer);
      resolve();
    };
    const timer = setInterval(tick, 1);
    tick();
  });
  await Promise.all(pending);
  return sent;
}

function post(agent: http.Agent, spec: PacedSpec, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
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
    request.end(body);
  });
}
