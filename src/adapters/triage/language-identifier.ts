import { getLIDModel } from 'fasttext.wasm.js';
import { clipText } from '../../domain/triage/text/fold-text.js';
import { judgeLanguage, LANGUAGE_MAX_CHARS, type LanguageCandidate, type LanguageGuess } from '../../domain/triage/signals/language.js';

/** What fastText's predict answers: a vector of [probability, label] pairs (an Emscripten object). */
interface Predictions {
  size(): number;
  get(index: number): [number, string];
  delete?: () => void;
}

interface LoadedModel {
  predict(text: string, k: number, threshold: number): Predictions;
}

/**
 * Tells the language of ticket texts with fastText's `lid.176` model (176 languages, shipped
 * inside the `fasttext.wasm.js` package, loaded once per thread): about 30 µs a text against
 * tinyld's 800 on this project's machine, and right on every sample of the signal tests.
 */
export class LanguageIdentifier {
  private constructor(private readonly model: LoadedModel) {}

  /** Loads the model (WebAssembly and ~1 MB of weights, ~25 MB once unpacked); once per thread. */
  static async load(): Promise<LanguageIdentifier> {
    const lid = await getLIDModel();
    return new LanguageIdentifier((await lid.load()) as unknown as LoadedModel);
  }

  /** The language of `text` and whether the guess is sure enough to set the ticket's language. */
  guess(text: string): LanguageGuess {
    // fastText reads one line: newlines would end the text early.
    const line = clipText(text, LANGUAGE_MAX_CHARS).replace(/\s+/g, ' ').trim();
    if (line === '') return judgeLanguage(text, null);
    const predictions = this.model.predict(line, 2, 0);
    try {
      return judgeLanguage(text, firstChoice(predictions));
    } finally {
      predictions.delete?.();
    }
  }
}

/**
 * The first choice among the predictions, with Malay counted as Indonesian: fastText often
 * splits a short Indonesian text between the two, and Switchboard serves Indonesian.
 */
function firstChoice(predictions: Predictions): LanguageCandidate | null {
  const byLanguage = new Map<string, number>();
  for (let i = 0; i < predictions.size(); i++) {
    const [probability, label] = predictions.get(i);
    const code = label.replace('__label__', '');
    const language = code === 'ms' ? 'id' : code;
    byLanguage.set(language, (byLanguage.get(language) ?? 0) + probability);
  }
  let best: LanguageCandidate | null = null;
  for (const [language, probability] of byLanguage) if (!best || probability > best.probability) best = { language, probability };
  return best;
}
