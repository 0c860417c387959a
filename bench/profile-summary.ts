// Where a V8 CPU profile (`node --cpu-prof`, or `npm run bench -- --cpu-prof`) spends its time:
// self time by area (our folders, each package, node internals, GC, idle) and the functions
// with the most self and inclusive time.
//   node dist/bench/profile-summary.js bench/results/profiles/CPU….cpuprofile [--top 25] [--last 10]
// --last keeps the final seconds only: the desk mix is the last phase of the memory server's life.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Groups a frame's file into what a reader recognises: `src/commands`, `kysely`, `node:internal`… */
export function areaOf(frame: ProfileNode['callFrame']): string {
  if (!frame.url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(frame.url)?.[1];
  if (pkg) return pkg;
  const own = /\/dist\/((?:src|bench)\/[^/]+(?:\/[^/]+)?)\//.exec(frame.url)?.[1];
  if (own) return own;
  return frame.url.startsWith('node:') ? 'node:internal' : frame.url;
}

// What a sample was doing, judged from its whole stack: the first rule that matches wins.
// Samples blocked in a synchronous call (better-sqlite3's COMMIT waiting for fsync) count as time
// in the frame that called it, so the transaction's begin/commit is told apart from statements.
const BUCKETS: [string, (stack: string[], leaf: string) => boolean][] = [
  ['idle', (_s, leaf) => leaf.startsWith('(idle)')],
  ['garbage collector', (_s, leaf) => leaf.startsWith('(garbage collector)')],
  ['SQLite BEGIN/COMMIT (incl. fsync wait)', (stack) => stack.some((f) => f.includes(' kysely/dist/esm/raw-builder/'))],
  ['SQLite prepare (Kysely prepares every statement anew)', (_s, leaf) => leaf.startsWith('prepare better-sqlite3/')],
  ['SQLite statement execution (native)', (_s, leaf) => leaf.includes(' kysely/dist/esm/dialect/sqlite/sqlite-driver.js')],
  ['pg driver and protocol', (_s, leaf) => / pg(-protocol|-pool|-types)?\//.test(leaf)],
  ['Kysely query building and compiling', (_s, leaf) => leaf.includes(' kysely/')],
  ['Fastify, validation, serialisation', (_s, leaf) => / (fastify|@fastify|ajv|fast-json-stringify|find-my-way|light-my-request|secure-json-parse|avvio|fast-uri)\//.test(leaf)],
  ['our code', (_s, leaf) => / (src|bench)\//.test(leaf)],
  ['triage libraries (sentiment, language detection)', (_s, leaf) => / (vader-sentiment|tinyld)\//.test(leaf)],
  ['node internals (sockets, streams, timers, crypto)', (_s, leaf) => / node:/.test(leaf) || /^(\(program\)|runMicrotasks|writev|writeUtf8String|writeBuffer|readv?|openFileHandle) /.test(leaf)],
];

function bucketOf(stack: string[]): string {
  return BUCKETS.find(([, test]) => test(stack, stack[0] ?? ''))?.[0] ?? 'other (native and unattributed)';
}

function label(frame: ProfileNode['callFrame']): string {
  const file = frame.url.replace(/^.*\/node_modules\//, '').replace(/^.*?\/dist\/((src|bench)\/)/, '$1');
  return `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
}

/** Milliseconds of self time per area, and self/inclusive time per function. */
export function summarize(profile: CpuProfile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfArea = new Map<string, number>();
  const buckets = new Map<string, number>();
  const selfFn = new Map<string, number>();
  const inclusiveFn = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
  profile.samples.forEach((id, i) => {
    // A sample lasts until the next one; the last sample gets the previous interval.
    const ms = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
    const frame = byId.get(id)!.callFrame;
    add(selfArea, areaOf(frame), ms);
    add(selfFn, label(frame), ms);
    const stack: string[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(label(byId.get(at)!.callFrame));
    add(buckets, bucketOf(stack), ms);
    for (const key of new Set(stack)) add(inclusiveFn, key, ms);
  });
  const total = [...selfArea.values()].reduce((a, b) => a + b, 0);
  return { total, buckets, selfArea, selfFn, inclusiveFn };
}

/** The profile cut to its final `seconds`, so a phase at its end is read without the start-up. */
export function lastSeconds(profile: CpuProfile, seconds: number): CpuProfile {
  const ends: number[] = [];
  profile.timeDeltas.reduce((at, delta, i) => (ends[i] = at + delta), 0);
  const from = (ends[ends.length - 1] ?? 0) - seconds * 1e6;
  const first = ends.findIndex((at) => at >= from);
  const keep = first < 0 ? 0 : first;
  return { ...profile, samples: profile.samples.slice(keep), timeDeltas: profile.timeDeltas.slice(keep) };
}

function top(map: Map<string, number>, total: number, count: number): string[] {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, ms]) => `${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${key}`);
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { top: { type: 'string', default: '25' }, last: { type: 'string' } },
  });
  const count = Number(values.top);
  for (const file of positionals) {
    const whole = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    const profile = values.last === undefined ? whole : lastSeconds(whole, Number(values.last));
    const { total, buckets, selfArea, selfFn, inclusiveFn } = summarize(profile);
    const busy = total - (buckets.get('idle') ?? 0);
    console.log(`${file}: ${(total / 1000).toFixed(1)} s sampled, ${(busy / 1000).toFixed(1)} s not idle\n\nWhere the non-idle time goes:`);
    buckets.delete('idle');
    console.log(top(buckets, busy, BUCKETS.length + 1).join('\n'));
    console.log('\nSelf time by area:');
    console.log(top(selfArea, total, count).join('\n'));
    console.log('\nSelf time by function:');
    console.log(top(selfFn, total, count).join('\n'));
    console.log('\nInclusive time by function:');
    console.log(top(inclusiveFn, total, count * 2).join('\n'));
  }
}

main();
