import { startLoopbackServer, type LoopbackReply } from './loopback-server.js';

/** What the fake model was sent: the chat-completions body and the Authorization header. */
export interface ModelRequest {
  body: { model: string; messages: { role: string; content: string }[]; max_tokens: number };
  authorization: string | undefined;
}

/** A real HTTP server on loopback that plays an OpenAI-compatible API, started by a test. */
export interface FakeModelServer {
  /** Base URL, as SWITCHBOARD_AI_URL takes it. */
  url: string;
  requests: ModelRequest[];
  close(): Promise<void>;
}

/** How the fake answers one request: a status and a raw body, or `hang` to never answer. */
export type FakeReply = LoopbackReply;

/** A chat-completions reply whose assistant message is `content`, as the OpenAI API shapes it. */
export function chatReply(content: string): FakeReply {
  return {
    status: 200,
    body: JSON.stringify({
      id: 'chatcmpl-1', object: 'chat.completion', model: 'fake',
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
    }),
  };
}

/** Starts the fake on 127.0.0.1; `answer` decides each reply from the request. */
export async function startFakeModel(answer: (request: ModelRequest) => FakeReply): Promise<FakeModelServer> {
  const requests: ModelRequest[] = [];
  const server = await startLoopbackServer((req, raw) => {
    const request: ModelRequest = { body: JSON.parse(raw), authorization: req.headers.authorization };
    requests.push(request);
    return req.url === '/v1/chat/completions' && req.method === 'POST' ? answer(request) : { status: 404, body: '{"error": "no route"}' };
  });
  return { url: `http://127.0.0.1:${server.port}/v1`, requests, close: () => server.close() };
}

/** The labels a classification request offered, read back from its prompt. */
export function offeredLabels(request: ModelRequest): string[] {
  const prompt = request.body.messages.at(-1)!.content;
  return JSON.parse(/^Labels: (\[.*\])$/m.exec(prompt)![1]!) as string[];
}

/** Whether the request asks for a classification (else a summary). */
export const isClassification = (request: ModelRequest) => request.body.messages[0]!.content.includes('classify');
