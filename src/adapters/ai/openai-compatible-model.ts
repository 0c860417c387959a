import type { ExternalClassification, ExternalLabel, ExternalTextModel } from '../../domain/triage/external-model.js';
import { ConcurrencyGate } from './concurrency-gate.js';

export interface OpenAiCompatibleOptions {
  /** Base URL of the API, e.g. https://api.openai.com/v1; requests go to {baseUrl}/chat/completions. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer …`; null for a server that needs none. */
  apiKey: string | null;
  model: string;
  /** Each call, waiting for a free slot included, gives up after this long. */
  timeoutMs: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** Told why a call gave no usable answer (never the key), so the process can log it. */
  onFailure?: (task: 'classify' | 'summarize', reason: string) => void;
}

/** Text beyond this is not sent: the start of a ticket says what it is about, and tokens cost. */
const MAX_INPUT_CHARS = 12_000;

interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}

class ModelFailure extends Error {}

/**
 * An external model behind an OpenAI-compatible chat-completions endpoint (OpenAI, Azure OpenAI,
 * vLLM, Ollama, llama.cpp's server, …). Every failure answers null, so triage falls back.
 */
export class OpenAiCompatibleModel implements ExternalTextModel {
  readonly #endpoint: string;
  readonly #headers: Record<string, string>;
  readonly #gate: ConcurrencyGate;

  constructor(private readonly options: Readonly<OpenAiCompatibleOptions>) {
    this.#endpoint = `${options.baseUrl.replace(/\/+$/, '')}/chat/completions`;
    this.#headers = { 'content-type': 'application/json', ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}) };
    this.#gate = new ConcurrencyGate(options.concurrency);
  }

  async classify({ kind, text, classes }: ExternalClassification): Promise<ExternalLabel | null> {
    const content = await this.complete('classify', [
      {
        role: 'system',
        content: `You classify customer-support tickets by ${kind}. Answer with one JSON object and nothing else: `
          + '{"label": <exactly one of the labels given>, "confidence": <your probability that the label is right, from 0 to 1>}.',
      },
      { role: 'user', content: `Labels: ${JSON.stringify(classes)}\n\nTicket:\n${text.slice(0, MAX_INPUT_CHARS)}` },
    ], 100);
    const reply = content === null ? null : labelIn(content);
    if (content !== null && !reply) this.options.onFailure?.('classify', 'the reply is not a {"label", "confidence"} object');
    return reply;
  }

  async summarize(text: string, sentences: number): Promise<string | null> {
    const content = await this.complete('summarize', [
      {
        role: 'system',
        content: `You summarise customer-support tickets for the agent who takes them over. Answer with at most ${sentences} plain sentences: `
          + 'what the customer needs, what was tried, what is still open. No preamble, no markup.',
      },
      { role: 'user', content: text.slice(0, MAX_INPUT_CHARS) },
    ], 80 * sentences);
    const summary = content?.trim() ?? '';
    return summary ? summary : null;
  }

  /** The assistant's reply text, or null after telling `onFailure` why there is none. */
  private async complete(task: 'classify' | 'summarize', messages: ChatMessage[], maxTokens: number): Promise<string | null> {
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    try {
      return await this.#gate.run(() => this.post(messages, maxTokens, signal), signal);
    } catch (error) {
      const reason = signal.aborted ? `no answer within ${this.options.timeoutMs} ms` : (error as Error).message;
      this.options.onFailure?.(task, reason);
      return null;
    }
  }

  private async post(messages: ChatMessage[], maxTokens: number, signal: AbortSignal): Promise<string> {
    const body = JSON.stringify({ model: this.options.model, messages, temperature: 0, max_tokens: maxTokens });
    const response = await fetch(this.#endpoint, { method: 'POST', headers: this.#headers, body, signal });
    const text = await response.text();
    if (!response.ok) throw new ModelFailure(`HTTP ${response.status} from the model endpoint`);
    return assistantText(text);
  }
}

/** The first choice's message content of a chat-completions reply. */
function assistantText(text: string): string {
  let reply: unknown;
  try {
    reply = JSON.parse(text);
  } catch {
    throw new ModelFailure('the reply is not JSON');
  }
  const content = (reply as { choices?: { message?: { content?: unknown } }[] })?.choices?.[0]?.message?.content;
  if (typeof content !== 'string') throw new ModelFailure('the reply has no choices[0].message.content');
  return content;
}

/** `{"label", "confidence"}` from the reply's text, also when the model wrapped it in prose or a code fence. */
function labelIn(content: string): ExternalLabel | null {
  const start = content.indexOf('{');
  const end = content.lastIndexOf('}');
  if (start < 0 || end < start) return null;
  try {
    const parsed = JSON.parse(content.slice(start, end + 1)) as { label?: unknown; confidence?: unknown };
    return typeof parsed.label === 'string' && typeof parsed.confidence === 'number' ? { label: parsed.label, confidence: parsed.confidence } : null;
  } catch {
    return null;
  }
}
