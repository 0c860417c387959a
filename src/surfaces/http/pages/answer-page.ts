import type { FastifyReply } from 'fastify';
import type { HttpServices } from '../services.js';
import { readPage, type PageBody, type PageRead } from './page-reads.js';

/**
 * Answers a list route: on a page thread where the server has them (its JSON text sent as it
 * comes), else read here and serialised by the route's response schema.
 */
export async function answerPage(services: HttpServices, reply: FastifyReply, read: PageRead): Promise<PageBody | FastifyReply> {
  if (services.pages) return reply.type('application/json; charset=utf-8').send(await services.pages.answer(read));
  return services.store.read((tx) => readPage(tx, read));
}
