import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  createArticleCommand, deleteArticleCommand, loadArticle, updateArticleCommand,
} from '../../../commands/kb/article-commands.js';
import { searchArticles, suggestArticlesForTicket } from '../../../commands/kb/search-articles.js';
import { roleAllows } from '../../../domain/auth/roles.js';
import type { Principal } from '../../../domain/auth/token.js';
import { fail } from '../../../domain/errors.js';
import { decodeCursor, pageBody } from '../pagination.js';
import { presentArticle, presentSearchHit } from '../../wire/kb/kb-presenter.js';
import { commandContext, type HttpServices } from '../services.js';
import { IdParams, PageOf, errorResponses } from '../../wire/common-schemas.js';
import {
  ArticleCreateBody, ArticleListQuery, ArticleOutput, ArticlePatchBody, ArticleSearchQuery, SearchResultOutput, SuggestionQuery,
} from '../../wire/kb/kb-schemas.js';

/** Tokens that may edit tickets may edit and see drafts; read-only tokens see published articles only. */
const seesDrafts = (principal: Principal) => roleAllows(principal.role, 'tickets:write');

/** The knowledge base: articles, their full-text search, and suggestions for a ticket. */
export const kbRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices }> = async (app, { services }) => {
  const { store } = services;
  const tags = ['knowledge base'];

  app.post('/v1/kb/articles', {
    config: { permission: 'tickets:write' },
    schema: { tags, summary: 'Add an article', body: ArticleCreateBody, response: { 201: ArticleOutput, ...errorResponses(400, 401, 403) } },
  }, async (request, reply) => {
    const article = await store.transaction((tx) => createArticleCommand(commandContext(services, request.principal, tx), request.body));
    return reply.status(201).header('location', `/v1/kb/articles/${article.id}`).send(presentArticle(article));
  });

  app.get('/v1/kb/articles', {
    config: { permission: 'tickets:read' },
    schema: { tags, summary: 'List articles, newest first', querystring: ArticleListQuery, response: { 200: PageOf(ArticleOutput), ...errorResponses(400, 401) } },
  }, async (request) => {
    const page = await store.read((tx) => tx.kbArticles.list({
      workspaceId: request.principal.workspaceId,
      publishedOnly: !seesDrafts(request.principal),
      language: request.query.language,
      after: decodeCursor(request.query.cursor),
      limit: request.query.limit ?? 50,
    }));
    return pageBody(page, presentArticle);
  });

  app.get('/v1/kb/articles/:id', {
    config: { permission: 'tickets:read' },
    schema: { tags, summary: 'Get an article', params: IdParams, response: { 200: ArticleOutput, ...errorResponses(401, 404) } },
  }, async (request) => {
    const { principal } = request;
    const article = await store.read((tx) => loadArticle({ tx, workspaceId: principal.workspaceId }, request.params.id));
    if (!article.published && !seesDrafts(principal)) throw fail('article_not_found', `No article ${request.params.id}.`);
    return presentArticle(article);
  });

  app.patch('/v1/kb/articles/:id', {
    config: { permission: 'tickets:write' },
    schema: { tags, summary: 'Change an article', params: IdParams, body: ArticlePatchBody, response: { 200: ArticleOutput, ...errorResponses(400, 401, 403, 404, 409) } },
  }, async (request) => {
    const { version, ...patch } = request.body;
    const article = await store.transaction((tx) => updateArticleCommand(commandContext(services, request.principal, tx), request.params.id, patch, version));
    return presentArticle(article);
  });

  app.delete('/v1/kb/articles/:id', {
    config: { permission: 'tickets:write' },
    schema: { tags, summary: 'Remove an article', params: IdParams, response: { 204: Type.Null(), ...errorResponses(401, 403, 404) } },
  }, async (request, reply) => {
    await store.transaction((tx) => deleteArticleCommand(commandContext(services, request.principal, tx), request.params.id));
    return reply.status(204).send(null);
  });

  app.get('/v1/kb/search', {
    config: { permission: 'tickets:read' },
    schema: { tags, summary: 'Full-text search: articles holding every word, best first, with a snippet', querystring: ArticleSearchQuery, response: { 200: SearchResultOutput, ...errorResponses(400, 401) } },
  }, async (request) => {
    const { principal, query } = request;
    const hits = await store.read((tx) => searchArticles({ tx, workspaceId: principal.workspaceId }, {
      query: query.q, publishedOnly: !seesDrafts(principal), language: query.language, limit: query.limit ?? 10,
    }));
    return { data: hits.map(presentSearchHit) };
  });

  app.get('/v1/tickets/:id/suggestions', {
    config: { permission: 'tickets:read' },
    schema: { tags, summary: 'Published articles that may answer the ticket, best first', params: IdParams, querystring: SuggestionQuery, response: { 200: SearchResultOutput, ...errorResponses(400, 401, 404) } },
  }, async (request) => {
    const workspaceId = request.principal.workspaceId;
    const hits = await store.read((tx) => suggestArticlesForTicket({ tx, workspaceId }, request.params.id, request.query.limit ?? 5));
    return { data: hits.map(presentSearchHit) };
  });
};
