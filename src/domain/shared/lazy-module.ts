import { createRequire } from 'node:module';

const requireHere = createRequire(import.meta.url);

/**
 * Promises a getter that loads the CommonJS package `specifier` on its first call, synchronously,
 * and gives the same module after. For libraries a process may never use (language tables, the
 * other backend's driver, mail): a static import costs their memory in every process and thread.
 */
export function lazyModule<T>(specifier: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= requireHere(specifier) as T);
}
