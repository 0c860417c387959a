import type { StoreTx } from '../../domain/store/store.js';

/**
 * Transactions in which reactions are held back: while a dispatch runs (its actions call the same
 * commands that would dispatch again) or while a composite command is half done. The outer
 * dispatch picks up everything recorded meanwhile, so each event is reacted to once.
 */
const held = new WeakMap<StoreTx, number>();

/** True while reactions in this transaction are held back for an outer dispatch. */
export function reactionsHeld(tx: StoreTx): boolean {
  return (held.get(tx) ?? 0) > 0;
}

/** Runs `work` with reactions held back in its transaction. */
export async function holdingReactions<T>(tx: StoreTx, work: () => Promise<T>): Promise<T> {
  held.set(tx, (held.get(tx) ?? 0) + 1);
  try {
    return await work();
  } finally {
    const left = (held.get(tx) ?? 1) - 1;
    if (left === 0) held.delete(tx);
    else held.set(tx, left);
  }
}
