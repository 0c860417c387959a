import type { Static } from 'typebox';
import type { StreamEventOutput } from '../../../src/surfaces/wire/tickets/ticket-schemas';
/** One event of GET /v1/events/stream. */
export type LiveEvent = Static<typeof StreamEventOutput>;

export type StreamStatus = 'connecting' | 'live' | 'reconnecting';

export interface StreamHandlers {
  onEvents(events: LiveEvent[]): void;
  /** The gap was too long to replay, or the stream was re-opened: reload everything shown. */
  onReset(): void;
  onStatus(status: StreamStatus): void;
}

const RETRY_MS = 3_000;

/**
 * Follows the server-sent event stream with fetch (EventSource cannot send the bearer token),
 * reconnecting after a drop with Last-Event-ID so nothing is missed. Without a token the session
 * cookie signs the request in.
 */
export function followEvents(token: string, handlers: StreamHandlers): () => void {
  const abort = new AbortController();
  let lastId: string | null = null;
  let stopped = false;

  const connect = async () => {
    while (!stopped) {
      handlers.onStatus(lastId === null ? 'connecting' : 'reconnecting');
      try {
        const headers: Record<string, string> = { accept: 'text/event-stream' };
        if (token) headers.authorization = `Bearer ${token}`;
        if (lastId !== null) headers['last-event-id'] = lastId;
        const response = await fetch('/v1/events/stream', { headers, signal: abort.signal });
        if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
        handlers.onStatus('live');
        await readFrames(response.body, (frame) => {
          if (frame.id !== null) lastId = frame.id;
          if (frame.event === 'reset') handlers.onReset();
          else if (frame.data) handlers.onEvents([JSON.parse(frame.data) as LiveEvent]);
        });
      } catch {
        if (stopped) return;
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  };
  void connect();
  return () => {
    stopped = true;
    abort.abort();
  };
}

interface Frame {
  id: string | null;
  event: string;
  data: string;
}

async function readFrames(body: ReadableStream<Uint8Array>, onFrame: (frame: Frame) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, '\n');
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      onFrame(parseFrame(buffer.slice(0, end)));
      buffer = buffer.slice(end + 2);
    }
  }
}

function parseFrame(block: string): Frame {
  const frame: Frame = { id: null, event: 'message', data: '' };
  for (const line of block.split('\n')) {
    const match = /^(id|event|data): ?(.*)$/.exec(line);
    if (!match) continue;
    const [, field, value = ''] = match;
    if (field === 'id') frame.id = value;
    else if (field === 'event') frame.event = value;
    else frame.data = frame.data ? `${frame.data}\n${value}` : value;
  }
  return frame;
}
