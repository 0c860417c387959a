import { setFlagsFromString } from 'node:v8';

/** How far past what its last full collection kept V8 lets the old space grow, in per cent. */
const HEAP_GROWING_PERCENT = 50;

/**
 * Keeps a busy server's memory near what it holds. Under load, objects of requests still in
 * flight at two young-generation collections are promoted, and by default V8 lets the old space
 * grow to a few times the live heap before collecting it: on the 100k-ticket desk the live heap
 * stayed at ~50 MB while RSS peaked at 285–400 MB. Collecting once it grew by half peaked at
 * ~240 MB for the same rate (docs/benchmarks.md, "Memory"). V8 reads the setting at each
 * collection; a `--heap-growing-percent` given to node itself is kept.
 */
export function boundHeapGrowth(): void {
  if (process.execArgv.some((arg) => /^--heap[-_]growing[-_]percent/.test(arg))) return;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
