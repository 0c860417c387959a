import type { Command } from 'commander';
import { storeFor } from '../../runtime.js';
import { configFrom, withDatabaseOptions } from '../options.js';

/** `switchboard migrate`: brings the database schema up to date and says what it applied. */
export function registerMigrate(program: Command): void {
  withDatabaseOptions(program.command('migrate'))
    .description('create or upgrade the database schema')
    .action(async (flags: { db?: string; databaseUrl?: string; databaseSchema?: string }) => {
      const config = configFrom({ db: flags.db, databaseUrl: flags.databaseUrl, databaseSchema: flags.databaseSchema });
      const store = storeFor(config);
      try {
        const { applied } = await store.migrate();
        console.log(applied.length > 0 ? `Applied: ${applied.join(', ')}` : 'The schema is up to date.');
      } finally {
        await store.close();
      }
    });
}
