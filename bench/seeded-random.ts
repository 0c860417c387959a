import { SeededRandom } from '../src/domain/shared/seeded-random.js';

/** The domain's seeded generator as a function, so every benchmark run builds the same workload on every machine. */
export function mulberry32(seed: number): () => number {
  const random = new SeededRandom(seed);
  return () => random.next();
}
