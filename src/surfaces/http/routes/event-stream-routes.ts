import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { DomainEvent } from '../../../domain/shared/event.js';
import type { EventFeed } from '../event-feed.js';
import { presentStreamEvent } from '../../wire/tickets/stream-presenter.js';
import { errorResponses } from '../../wire/common-schemas.js';

/** A comment line keeps proxies and clients from deciding that a quiet stream is dead. */
const HEARTBEAT_MS = 15_000;
/** A client this far behind is dropped; it reconnects with Last-Event-ID and is replayed what it missed. */
const MOST_BUFFERED_BYTES = 1024 * 1024;

function frame(event: DomainEvent): string {
  return `id: ${event.id}\ndata: ${JSON.stringify(presentStreamEvent(event))}\n\n`;
}

/** `GET /v1/events/stream`: the workspace's events as server-sent events, resumable by Last-Event-ID. */
export const eventStreamRoutes: FastifyPluginAsyncTypebox<{ feed: EventFeed }> = async (app, { feed }) => {
  const open = new Set<() => void>();
  // Streams never finish by themselves; closing the server ends them so it does not wait forever.
  app.addHook('preClose', async () => {
    for (const end of [...open]) end();
  });

  app.get('/v1/events/stream', {
    config: { permission: 'tickets:read' },
    schema: {
      tags: ['events'],
      summary: 'Live events of the workspace (text/event-stream)',
      description: 'Each event is `id: <event id>` and `data: {id, type, entity, ticket_id, actor, at, changed}`. Send `Last-Event-ID` to '
        + 'resume right after an event; an `event: reset` means the gap is too long to replay, so reload instead. A comment line is sent '
        + 'at the start and every 15 s.',
      headers: Type.Object({ 'last-event-id': Type.Optional(Type.String({ pattern: '^[0-9]{1,15}$' })) }),
      response: {
        200: { content: { 'text/event-stream': { schema: Type.String({ description: 'an `id:` and `data:` frame per event' }) } } },
        ...errorResponses(400, 401, 403),
      },
    },
  }, async (request, reply) => {
    const header = request.headers['last-event-id'];
    const resumeAfter = typeof header === 'string' ? Number(header) : null;
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'x-accel-buffering': 'no',
    });
    raw.write(': switchboard events\nretry: 3000\n\n');
    let ended = false;
    const write = (chunk: string) => {
      if (ended) return;
      raw.write(chunk);
      if (raw.writableLength > MOST_BUFFERED_BYTES) end();
    };
    const unsubscribe = feed.subscribe(request.principal.workspaceId, resumeAfter, {
      deliver: (events) => write(events.map(frame).join('')),
      reset: () => write('event: reset\ndata: {}\n\n'),
    });
    const heartbeat = setInterval(() => write(': heartbeat\n\n'), HEARTBEAT_MS);
    const end = () => {
      if (ended) return;
      ended = true;
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(end);
      raw.end();
    };
    open.add(end);
    raw.on('close', end);
  });
};
