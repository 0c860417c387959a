import type { Kysely, Selectable } from 'kysely';
import type { KbArticle } from '../../../domain/kb/article.js';
import { indexText, readableSnippet } from '../../../domain/kb/search-terms.js';
import type { KbArticleQuery, KbArticleRepository, KbSearchHit, KbSearchQuery } from '../../../domain/store/kb-store.js';
import type { Page } from '../../../domain/store/store.js';
import { readJson, writeJson } from '../codec.js';
import type { FullTextSearch } from '../full-text.js';
import type { KbArticleTable, KbSchema } from '../kb-schema.js';
import type { Database } from '../schema.js';

type ArticleRow = Selectable<KbArticleTable>;

const COLUMNS = ['id', 'workspace_id', 'title', 'body', 'tags', 'language', 'published', 'version', 'created_at', 'updated_at'] as const;

/** Articles in `kb_articles`; searching them is the backend's full-text engine's job. */
export class KyselyKbArticleRepository implements KbArticleRepository {
  private readonly db: Kysely<KbSchema>;

  constructor(db: Kysely<Database>, private readonly fullText: FullTextSearch) {
    // The knowledge base needs none of the core tables, and the full-text strategies are typed on its own.
    this.db = db.withTables<KbSchema>() as unknown as Kysely<KbSchema>;
  }

  async get(workspaceId: string, id: string): Promise<KbArticle | undefined> {
    const row = await this.db.selectFrom('kb_articles').select(COLUMNS).where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    return row && toArticle(row);
  }

  async insert(article: KbArticle): Promise<void> {
    await this.db.insertInto('kb_articles').values({ id: article.id, workspace_id: article.workspaceId, ...toRow(article) }).execute();
  }

  async update(article: KbArticle, expectedVersion: number): Promise<boolean> {
    const result = await this.db.updateTable('kb_articles').set(toRow(article))
      .where('workspace_id', '=', article.workspaceId).where('id', '=', article.id).where('version', '=', expectedVersion)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async delete(workspaceId: string, id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('kb_articles').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async list(query: KbArticleQuery): Promise<Page<KbArticle>> {
    let q = this.db.selectFrom('kb_articles').select(COLUMNS).where('workspace_id', '=', query.workspaceId);
    if (query.publishedOnly) q = q.where('published', '=', 1);
    if (query.language !== undefined) q = q.where('language', '=', query.language);
    if (query.after !== undefined) q = q.where('id', '<', query.after);
    const rows = await q.orderBy('id', 'desc').limit(query.limit + 1).execute();
    const items = rows.slice(0, query.limit).map(toArticle);
    return { items, nextCursor: rows.length > query.limit ? rows[query.limit - 1]!.id : null };
  }

  async search(query: KbSearchQuery): Promise<KbSearchHit[]> {
    if (query.terms.length === 0) return [];
    const matches = await this.fullText.searchArticles(this.db, query);
    if (matches.length === 0) return [];
    const rows = await this.db.selectFrom('kb_articles').select(COLUMNS)
      .where('workspace_id', '=', query.workspaceId).where('id', 'in', matches.map((m) => m.id)).execute();
    const byId = new Map(rows.map((row) => [row.id, toArticle(row)]));
    return matches.flatMap((m) => {
      const article = byId.get(m.id);
      return article ? [{ article, rank: Math.round(m.rank * 1e6) / 1e6, snippet: readableSnippet(m.snippet) }] : [];
    });
  }
}

function toRow(article: KbArticle) {
  return {
    title: article.title,
    body: article.body,
    tags: writeJson(article.tags),
    language: article.language,
    published: article.published ? 1 : 0,
    version: article.version,
    created_at: article.createdAt,
    updated_at: article.updatedAt,
    index_title: indexText(article.title),
    index_tags: indexText(article.tags.join(' ')),
    index_body: indexText(article.body),
  };
}

function toArticle(row: Pick<ArticleRow, (typeof COLUMNS)[number]>): KbArticle {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    title: row.title,
    body: row.body,
    tags: readJson<string[]>(row.tags),
    language: row.language,
    published: Number(row.published) === 1,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
