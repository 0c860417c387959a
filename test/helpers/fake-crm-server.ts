import { once } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A real HTTP server on loopback that plays a CRM's customer lookup, started by a test. */
export interface FakeCrmServer {
  /** A SWITCHBOARD_CRM_URL template pointing at it. */
  template: string;
  /** Each request's path and query, and its Authorization header. */
  requests: { url: string; authorization: string | undefined }[];
  close(): Promise<void>;
}

/** How the fake answers: a status and a raw body, or `hang` to never answer. */
export type CrmReply = { status: number; body: string } | 'hang';

/** Starts the fake on 127.0.0.1; `answer` decides each reply from the e-mail address asked about. */
export async function startFakeCrm(answer: (email: string) => CrmReply): Promise<FakeCrmServer> {
  const requests: FakeCrmServer['requests'] = [];
  const hanging: ServerResponse[] = [];
  const server = createServer((req, res) => {
    requests.push({ url: req.url ?? '', authorization: req.headers.authorization });
    const reply = answer(new URL(req.url ?? '/', 'http://crm').searchParams.get('email') ?? '');
    if (reply === 'hang') {
      hanging.push(res);
      return;
    }
    res.writeHead(reply.status, { 'content-type': 'application/json' }).end(reply.body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    template: `http://127.0.0.1:${port}/customers?email={email}`,
    requests,
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
