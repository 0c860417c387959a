import { decodeClassifier, type TextClassifier } from '../../domain/triage/classifier/index.js';
import type { StoreTx } from '../../domain/store/store.js';
import type { TriageModelRef } from '../../domain/store/triage-store.js';
import type { TriageModelDocument, TriageModelKind } from '../../domain/triage/triage-model.js';

/** A model ready to predict, and what it was stored with. */
export interface LoadedModel {
  ref: TriageModelRef;
  classifier: TextClassifier;
  document: Omit<TriageModelDocument, 'classifier'>;
}

export type CurrentModels = Partial<Record<TriageModelKind, LoadedModel>>;

/** Enough for a few busy workspaces; a model of a big workspace holds a few megabytes. */
const CACHE_SIZE = 16;
const cache = new Map<string, LoadedModel>();

const keyOf = (workspaceId: string, ref: TriageModelRef) => `${workspaceId}\u0000${ref.kind}\u0000${ref.version}\u0000${ref.createdAt}`;

/**
 * The models in use in the workspace, decoded once per process and version: a stored model
 * never changes, so the cache only has to notice a newer version, which one small query per call
 * does (also for models another node trained).
 */
export async function currentModels(tx: StoreTx, workspaceId: string): Promise<CurrentModels> {
  const refs = await tx.triage.current(workspaceId);
  const models: CurrentModels = {};
  for (const ref of refs) {
    const loaded = await load(tx, workspaceId, ref);
    if (loaded) models[ref.kind] = loaded;
  }
  return models;
}

async function load(tx: StoreTx, workspaceId: string, ref: TriageModelRef): Promise<LoadedModel | undefined> {
  const key = keyOf(workspaceId, ref);
  const cached = cache.get(key);
  if (cached) {
    // Map order is insertion order: taking the entry out and back in makes it the newest.
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const record = await tx.triage.get(workspaceId, ref.kind, ref.version);
  if (!record) return undefined;
  const { classifier, ...rest } = JSON.parse(record.model) as TriageModelDocument;
  const loaded: LoadedModel = { ref, classifier: decodeClassifier(classifier), document: rest };
  cache.set(key, loaded);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return loaded;
}
