import { get, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';

/** One server-sent event as a client receives it. */
export interface SseMessage {
  id: string | null;
  event: string;
  data: string;
}

/** A live `text/event-stream` response read with fetch, as a browser's client would. */
export interface SseClient {
  status: number;
  headers: IncomingHttpHeaders;
  /** Comment lines seen so far (the initial one, heartbeats). */
  comments: string[];
  /** Resolves with the next message the predicate accepts; messages passed over are kept in `seen`. */
  next(accept?: (message: SseMessage) => boolean): Promise<SseMessage>;
  /** Every message received so far, in order. */
  seen: SseMessage[];
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/**
 * Opens the stream at `url` with the token (and Last-Event-ID) over a connection of its own, and
 * parses frames as they arrive. (node:http rather than fetch: fetch's pool leaves a spare
 * connection open after an abort, which holds up the server's shutdown.)
 */
export async function openSse(url: string, token: string, lastEventId?: string): Promise<SseClient> {
  const headers = { authorization: `Bearer ${token}`, accept: 'text/event-stream', ...(lastEventId ? { 'last-event-id': lastEventId } : {}) };
  const request = get(url, { headers, agent: false });
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    request.once('response', resolve);
    request.once('error', reject);
  });
  const seen: SseMessage[] = [];
  const comments: string[] = [];
  let consumed = 0;
  const waiter: { wake: (() => void) | null } = { wake: null };
  const ended = (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response) {
        buffer += decoder.decode(chunk as Buffer, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const message = parseBlock(block, comments);
          if (message) seen.push(message);
          waiter.wake?.();
        }
      }
    } catch {
      // closed by close()
    }
    waiter.wake?.();
  })();
  let done = false;
  void ended.then(() => { done = true; });
  return {
    status: response.statusCode ?? 0,
    headers: response.headers,
    comments,
    seen,
    ended,
    async next(accept = () => true) {
      for (;;) {
        while (consumed < seen.length) {
          const message = seen[consumed++]!;
          if (accept(message)) return message;
        }
        if (done) throw new Error('The stream ended before the awaited event arrived.');
        await new Promise<void>((resolve) => { waiter.wake = resolve; });
      }
    },
    close: () => request.destroy(),
  };
}

function parseBlock(block: string, comments: string[]): SseMessage | null {
  const message: SseMessage = { id: null, event: 'message', data: '' };
  let hasData = false;
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) comments.push(line.slice(1).trim());
    const field = /^(id|event|data): ?(.*)$/.exec(line);
    if (!field) continue;
    if (field[1] === 'id') message.id = field[2]!;
    if (field[1] === 'event') message.event = field[2]!;
    if (field[1] === 'data') {
      message.data += (hasData ? '\n' : '') + field[2]!;
      hasData = true;
    }
  }
  return hasData ? message : null;
}
