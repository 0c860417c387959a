import type { TextReader, TextReadingRequest } from '../../domain/triage/text-reader.js';
import type { TextReading } from '../../domain/triage/text-reading.js';
import { TextReadingEngine } from './text-reading-engine.js';

/** Reads ticket texts on the calling thread: for the CLI, the demo seeder and tests. */
export class InlineTextReader implements TextReader {
  /** Loaded with the first reading: a process that never reads a ticket's text never loads the language model. */
  private engine: Promise<TextReadingEngine> | null = null;

  async read(request: TextReadingRequest): Promise<TextReading> {
    const plain = { ...request, models: request.models.map(({ kind, key, version, document }) => ({ kind, key, version, document: document() })) };
    this.engine ??= TextReadingEngine.create();
    return (await this.engine).read(plain) as TextReading;
  }

  async close(): Promise<void> {}
}
