import { startLoopbackServer, type LoopbackReply } from './loopback-server.js';

/** A real HTTP server on loopback that plays a CRM's customer lookup, started by a test. */
export interface FakeCrmServer {
  /** A SWITCHBOARD_CRM_URL template pointing at it. */
  template: string;
  /** Each request's path and query, and its Authorization header. */
  requests: { url: string; authorization: string | undefined }[];
  close(): Promise<void>;
}

/** How the fake answers: a status and a raw body, or `hang` to never answer. */
export type CrmReply = LoopbackReply;

/** Starts the fake on 127.0.0.1; `answer` decides each reply from the e-mail address asked about. */
export async function startFakeCrm(answer: (email: string) => CrmReply): Promise<FakeCrmServer> {
  const requests: FakeCrmServer['requests'] = [];
  const server = await startLoopbackServer((req) => {
    requests.push({ url: req.url ?? '', authorization: req.headers.authorization });
    return answer(new URL(req.url ?? '/', 'http://crm').searchParams.get('email') ?? '');
  });
  return { template: `http://127.0.0.1:${server.port}/customers?email={email}`, requests, close: () => server.close() };
}
