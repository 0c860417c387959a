import type { Command } from 'commander';
import { ConfigError, loadConfig, type Config } from '../../config/config.js';

/** Adds the flags every database-using command shares. */
export function withDatabaseOptions(command: Command): Command {
  return command
    .option('--db <file>', 'SQLite file (default ./switchboard.db, env SWITCHBOARD_DB)')
    .option('--database-url <url>', 'PostgreSQL URL instead of SQLite (env SWITCHBOARD_DATABASE_URL)')
    .option('--database-schema <name>', 'PostgreSQL schema (env SWITCHBOARD_DATABASE_SCHEMA)');
}

/** The checked configuration for this command; a bad value ends the process with its name. */
export function configFrom(flags: Partial<Record<keyof Config, unknown>>): Readonly<Config> {
  try {
    return loadConfig(process.env, flags);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}
