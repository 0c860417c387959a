import { InlineTextReader } from '../../adapters/triage/inline-text-reader.js';
import type { IntakeSources } from './intake-facts.js';
import { WorkspaceConfigs } from './workspace-config.js';

/** Intake's sources for a process that reads texts on its own thread (the CLI, the demo seeder, tests). */
export function inlineIntakeSources(): IntakeSources {
  return { configs: new WorkspaceConfigs(), reader: new InlineTextReader() };
}
