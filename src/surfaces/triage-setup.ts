import { OpenAiCompatibleModel } from '../adapters/ai/openai-compatible-model.js';
import type { TriageServices } from '../commands/triage/triage-services.js';
import type { Config } from '../config/config.js';

type TriageConfig = Pick<Config, 'aiUrl' | 'aiKey' | 'aiModel' | 'aiTimeoutMs' | 'aiConcurrency' | 'triageKeepVersions'>;

/**
 * Triage as configured: with the external model when `aiUrl` is set (`warn` hears why a call fell
 * back; the key is never part of it), and the number of older model versions to keep.
 */
export function triageServicesFrom(config: TriageConfig, warn: (message: string) => void): TriageServices {
  const external = config.aiUrl && config.aiModel
    ? new OpenAiCompatibleModel({
      baseUrl: config.aiUrl,
      apiKey: config.aiKey,
      model: config.aiModel,
      timeoutMs: config.aiTimeoutMs,
      concurrency: config.aiConcurrency,
      onFailure: (task, reason) => warn(`The external triage model gave no usable ${task} answer (${reason}); used the local one.`),
    })
    : null;
  return { external, keepVersions: config.triageKeepVersions };
}
