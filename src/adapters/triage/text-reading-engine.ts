import { decodeClassifier, type TextClassifier } from '../../domain/triage/classifier/index.js';
import type { CompiledFlag } from '../../domain/triage/signals/keyword-flags.js';
import { keywordFlagsOf } from '../../domain/triage/signals/signal-settings.js';
import { readTicketText, type ReadingModels, type TextReading } from '../../domain/triage/text-reading.js';
import type { TriageModelDocument } from '../../domain/triage/triage-model.js';
import type { JsonObject } from '../../domain/shared/json.js';
import type { TextReadingRequest } from '../../domain/triage/text-reader.js';
import { LanguageIdentifier } from './language-identifier.js';

/** Decoded models kept by one reader; a model of a big workspace holds a few megabytes. */
const MODELS_KEPT = 32;
const FLAG_SETS_KEPT = 64;

/** A reading request as it crosses threads: each model's document only where the reader lacks it. */
export interface PlainReadingRequest extends Omit<TextReadingRequest, 'models'> {
  models: { kind: 'category' | 'priority'; key: string; version: number; document?: string }[];
}

/**
 * What reads ticket texts on one thread: decoded models and compiled keyword flags, kept between
 * readings, and the pure reading itself. `read` answers the keys of models it lacks the document of.
 */
export class TextReadingEngine {
  private readonly models = new Map<string, TextClassifier>();
  private readonly flags = new Map<string, readonly CompiledFlag[]>();

  private constructor(private readonly languages: LanguageIdentifier) {}

  /** An engine with its language model loaded (once per thread). */
  static async create(): Promise<TextReadingEngine> {
    return new TextReadingEngine(await LanguageIdentifier.load());
  }

  read(request: PlainReadingRequest): TextReading | { missing: string[] } {
    const missing = request.models.filter((model) => !this.models.has(model.key) && model.document === undefined).map((model) => model.key);
    if (missing.length > 0) return { missing };
    const models: ReadingModels = {};
    for (const model of request.models) models[model.kind] = { classifier: this.classifier(model.key, model.document), ref: { version: model.version } };
    const language = this.languages.guess(request.text);
    return readTicketText({ text: request.text, flags: this.flagsOf(request.signals), language, models, duplicates: request.duplicates });
  }

  private classifier(key: string, document: string | undefined): TextClassifier {
    let classifier = this.models.get(key);
    if (classifier) {
      this.models.delete(key);
    } else {
      classifier = decodeClassifier((JSON.parse(document!) as TriageModelDocument).classifier);
      if (this.models.size >= MODELS_KEPT) this.models.delete(this.models.keys().next().value!);
    }
    // Re-inserted, so the map keeps the most recently used last.
    this.models.set(key, classifier);
    return classifier;
  }

  private flagsOf(signals: JsonObject | null): readonly CompiledFlag[] {
    const key = signals === null ? '' : JSON.stringify(signals);
    let flags = this.flags.get(key);
    if (!flags) {
      flags = keywordFlagsOf(signals === null ? {} : { signals });
      if (this.flags.size >= FLAG_SETS_KEPT) this.flags.clear();
      this.flags.set(key, flags);
    }
    return flags;
  }
}
