import autocannon from 'autocannon';
import { percentile } from './percentile.js';

/** What one load run observed; latencies in milliseconds. */
export interface LoadResult {
  /** 2xx responses per second over the measured window. */
  rate: number;
  ok: number;
  p50Ms: number;
  p99Ms: number;
  /** The p99 of each kind of request in a mix, by its name. */
  p99ByKindMs?: Record<string, number>;
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  seconds: number;
}

/** One stretch of load: counts and every 2xx latency, so stretches can be merged exactly. */
export interface LoadSlice {
  ok: number;
  non2xx: number;
  errors: number;
  seconds: number;
  /** Every 2xx latency, by the name of its request's kind. */
  latenciesMs: Record<string, number[]>;
}

/** One kind of request in the mix; `next` gives the path and body of each new request. */
export interface RequestKind {
  /** What the report calls it. */
  name: string;
  method: 'GET' | 'POST';
  next(): { path: string; body?: string };
}

export interface LoadTarget {
  url: string;
  token: string;
  connections: number;
  /** Each connection cycles through these kinds in order. */
  mix: RequestKind[];
}

/**
 * Closed loop for `durationS`: `connections` keep-alive clients each send their next request as
 * soon as the last one answers, so the rate is what the server sustains.
 */
export async function loadSlice(target: LoadTarget, durationS: number): Promise<LoadSlice> {
  const authorization = `Bearer ${target.token}`;
  const { mix } = target;
  let passes = 0;
  // Each pass of a client over the mix sends every kind once, starting at another kind each time.
  // The clients all start at once: starting each at the first kind sent 64 pages of the newest
  // tickets at the same instant, the slowest answers of the run (up to a second), and kept the
  // clients in step, so that new tickets came in bursts of 64 that shared a commit.
  const requests: autocannon.Request[] = mix.map((_, position) => ({
    setupRequest: (request, context: ClientContext) => {
      if (position === 0) context.first = passes++;
      const kind = mix[(position + (context.first ?? 0)) % mix.length]!;
      context.kind = kind.name;
      const headers = kind.method === 'POST' ? { authorization, 'content-type': 'application/json' } : { authorization };
      return { ...request, method: kind.method, headers, ...kind.next() };
    },
  }));
  const latenciesMs: Record<string, number[]> = Object.fromEntries(mix.map((kind) => [kind.name, []]));
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const options = { url: target.url, connections: target.connections, duration: durationS, requests };
    const instance = autocannon(options, (error, done) => (error ? reject(error as Error) : resolve(done)));
    // A client sends one request at a time: the kind it set up last is the one answered.
    instance.on('response', (client, status, _bytes, ms) => {
      const { kind } = (client as unknown as { requestIterator: { context: ClientContext } }).requestIterator.context;
      if (status >= 200 && status < 300) latenciesMs[kind!]!.push(ms);
    });
  });
  return { ok: result['2xx'], non2xx: result.non2xx, errors: result.errors, seconds: result.duration, latenciesMs };
}

/** What a client of the load keeps between its requests. */
interface ClientContext {
  /** Its pass over the mix starts at this kind. */
  first?: number;
  /** The kind of its request in flight. */
  kind?: string;
}

/** Adds slices up as if they had been one run. */
export function summarize(slices: readonly LoadSlice[]): LoadResult {
  const sum = (pick: (slice: LoadSlice) => number) => slices.reduce((total, slice) => total + pick(slice), 0);
  const byKind = pooledLatencies(slices);
  const latencies = Object.values(byKind).flat();
  const seconds = sum((s) => s.seconds);
  return {
    rate: sum((s) => s.ok) / seconds,
    ok: sum((s) => s.ok),
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    p99ByKindMs: Object.fromEntries(Object.entries(byKind).map(([kind, ms]) => [kind, percentile(ms, 0.99)])),
    non2xx: sum((s) => s.non2xx),
    errors: sum((s) => s.errors),
    seconds,
  };
}

/** The latencies of all the slices, by kind. */
export function pooledLatencies(slices: readonly LoadSlice[]): Record<string, number[]> {
  const byKind: Record<string, number[]> = {};
  for (const slice of slices) {
    for (const [kind, ms] of Object.entries(slice.latenciesMs)) (byKind[kind] ??= []).push(...ms);
  }
  return byKind;
}
