import type { RequestKind } from './http-load.js';
import type { TicketBody } from './ticket-bodies.js';

/** `POST /v1/tickets`, cycling through the bodies (serialised once, not on the hot path). */
export function createTickets(bodies: readonly TicketBody[]): RequestKind {
  const texts = bodies.map((body) => JSON.stringify(body));
  let i = 0;
  return { name: 'new ticket', method: 'POST', next: () => ({ path: '/v1/tickets', body: texts[i++ % texts.length]! }) };
}

/** A GET whose path is drawn from `paths` in turn (a prime stride, so connections do not align). */
export function getEach(name: string, paths: readonly string[]): RequestKind {
  let i = 0;
  return { name, method: 'GET', next: () => ({ path: paths[(i += 7919) % paths.length]! }) };
}

/** The same GET every time. */
export function getOne(name: string, path: string): RequestKind {
  return { name, method: 'GET', next: () => ({ path }) };
}
