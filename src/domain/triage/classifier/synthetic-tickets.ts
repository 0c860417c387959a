import type { LabelledText } from './classifier-training.js';
import { SeededRandom } from '../../shared/seeded-random.js';

// Test and bench support: small labelled sets whose answer is known, made from a seed.
const TOPICS: Record<string, string[]> = {
  billing: ['invoice', 'refund', 'charged twice', 'payment', 'credit card', 'bill', 'subscription fee', 'receipt'],
  login: ['password', 'log in', 'sign in', 'account locked', 'reset link', 'two factor code', 'username', 'session expired'],
  shipping: ['delivery', 'package', 'tracking number', 'shipped', 'courier', 'parcel', 'arrived late', 'address label'],
  bug: ['crash', 'error message', 'broken button', 'exception', 'freezes', 'blank screen', 'stack trace', 'does not load'],
};
const OUT_OF_SCOPE: string[] = ['pasta recipe', 'oven temperature', 'flour', 'garden hose', 'tomato seeds', 'poetry book', 'violin lesson', 'hiking boots'];
const FILLER = ['hello', 'please', 'help', 'my', 'the', 'is', 'again', 'today', 'thanks', 'urgent', 'hi team', 'i think', 'since yesterday', 'with'];

/** The labels `syntheticTickets` uses, without the out-of-scope one. */
export const SYNTHETIC_LABELS = Object.keys(TOPICS).sort();

function sentence(random: SeededRandom, words: readonly string[]): string {
  const parts: string[] = [];
  const topical = 2 + Math.floor(random.next() * 2);
  for (let i = 0; i < topical; i++) parts.push(words[Math.floor(random.next() * words.length)]!);
  for (let i = 0; i < 3; i++) parts.push(FILLER[Math.floor(random.next() * FILLER.length)]!);
  // A word of another topic now and then keeps the task from being trivially separable.
  if (random.next() < 0.3) {
    const other = Object.values(TOPICS)[Math.floor(random.next() * SYNTHETIC_LABELS.length)]!;
    parts.push(other[Math.floor(random.next() * other.length)]!);
  }
  return random.shuffle(parts).join(' ');
}

/** `perLabel` texts for each of four support topics; promises the same rows for the same seed. */
export function syntheticTickets(perLabel: number, seed: number): LabelledText[] {
  const random = new SeededRandom(seed);
  const rows: LabelledText[] = [];
  for (let i = 0; i < perLabel; i++) {
    for (const label of SYNTHETIC_LABELS) rows.push({ text: sentence(random, TOPICS[label]!), label });
  }
  return rows;
}

/** Texts about none of the topics, labelled `out_of_scope`. */
export function outOfScopeTickets(count: number, seed: number): LabelledText[] {
  const random = new SeededRandom(seed);
  return Array.from({ length: count }, () => ({ text: sentence(random, OUT_OF_SCOPE), label: 'out_of_scope' }));
}
