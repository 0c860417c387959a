import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { DialectTraits } from '../src/adapters/store/dialect-traits.js';
import { migrationProvider } from '../src/adapters/store/migrations/index.js';

const MIGRATIONS = fileURLToPath(new URL('../../src/adapters/store/migrations/', import.meta.url));

describe('migration list', () => {
  it('names every migration file, so none is left out of a database', async () => {
    const files = readdirSync(MIGRATIONS).filter((name) => /^\d{4}-.+\.ts$/.test(name)).map((name) => name.slice(0, -'.ts'.length));
    // The factories only close over the traits; none is read until a migration runs.
    const listed = Object.keys(await migrationProvider({} as DialectTraits).getMigrations());
    assert.deepEqual(listed.sort(), files.sort());
  });
});
