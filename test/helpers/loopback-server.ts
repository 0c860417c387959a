import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A reply a test server gives: a status and a raw JSON body, or `hang` to never answer. */
export type LoopbackReply = { status: number; body: string } | 'hang';

/** A real HTTP server on 127.0.0.1 started by a test, playing some other service. */
export interface LoopbackServer {
  port: number;
  close(): Promise<void>;
}

/** Starts one; `answer` gets each request with its whole body read, and decides the reply. */
export async function startLoopbackServer(answer: (request: IncomingMessage, body: string) => LoopbackReply): Promise<LoopbackServer> {
  const hanging: ServerResponse[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      const reply = answer(req, body);
      if (reply === 'hang') {
        hanging.push(res);
        return;
      }
      res.writeHead(reply.status, { 'content-type': 'application/json' }).end(reply.body);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as AddressInfo).port,
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
