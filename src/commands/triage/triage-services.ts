import type { ExternalTextModel } from '../../domain/triage/external-model.js';

/** What triage commands get from the process besides the store: its configured choices. */
export interface TriageServices {
  /** Asked for labels and summaries before the local model; null keeps triage local. */
  external: ExternalTextModel | null;
  /** Model versions kept after a training besides the ones in use. */
  keepVersions: number;
}

/** Triage with nothing configured: local models only, five older versions kept. */
export const LOCAL_TRIAGE: TriageServices = Object.freeze({ external: null, keepVersions: 5 });
