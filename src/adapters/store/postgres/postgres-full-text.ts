import { sql, type Kysely } from 'kysely';
import type { KbSearchQuery } from '../../../domain/store/kb-store.js';
import { SNIPPET_MARK, SNIPPET_WORDS, type FullTextMatch, type FullTextSearch } from '../full-text.js';
import type { KbSchema } from '../kb-schema.js';

const HEADLINE = `StartSel=${SNIPPET_MARK}, StopSel=${SNIPPET_MARK}, MaxWords=${SNIPPET_WORDS}, MinWords=6, ShortWord=1, MaxFragments=1, FragmentDelimiter=" … "`;

/**
 * PostgreSQL's text search: a stored tsvector column generated from the article (title weighted
 * A, tags B, body C) with a GIN index, queried with plainto_tsquery (every word) or
 * websearch_to_tsquery (any word), ranked by ts_rank. The `simple` configuration folds case and
 * does not stem, as SQLite's unicode61 does, so both backends match the same words.
 */
export const postgresFullText: FullTextSearch = {
  async createArticleIndex(db: Kysely<unknown>) {
    await sql`alter table kb_articles add column search tsvector generated always as (
      setweight(to_tsvector('simple', index_title), 'A') ||
      setweight(to_tsvector('simple', index_tags), 'B') ||
      setweight(to_tsvector('simple', index_body), 'C')) stored`.execute(db);
    await sql`create index kb_articles_search on kb_articles using gin (search)`.execute(db);
  },

  async searchArticles(db: Kysely<KbSchema>, query: KbSearchQuery): Promise<FullTextMatch[]> {
    const tsquery = query.match === 'all'
      ? sql`plainto_tsquery('simple', ${query.terms.join(' ')})`
      // "or" between words is websearch syntax; a search word "or" itself could only be read as that.
      : sql`websearch_to_tsquery('simple', ${query.terms.filter((term) => term !== 'or').join(' or ')})`;
    const { rows } = await sql<{ id: string; rank: number; snippet: string }>`
      select a.id as id, ts_rank(a.search, q) as rank, ts_headline('simple', a.index_body, q, ${HEADLINE}) as snippet
      from kb_articles a, ${tsquery} q
      where a.search @@ q and a.workspace_id = ${query.workspaceId}
        ${query.publishedOnly ? sql`and a.published = 1` : sql``}
        ${query.language === undefined ? sql`` : sql`and a.language = ${query.language}`}
      order by rank desc, a.id
      limit ${query.limit}`.execute(db);
    return rows.map((row) => ({ id: row.id, rank: Number(row.rank), snippet: row.snippet }));
  },
};
