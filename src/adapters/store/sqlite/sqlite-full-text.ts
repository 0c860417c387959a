import { sql, type Kysely } from 'kysely';
import type { KbSearchQuery } from '../../../domain/store/kb-store.js';
import { SNIPPET_MARK, SNIPPET_WORDS, type FullTextMatch, type FullTextSearch } from '../full-text.js';
import type { KbSchema } from '../kb-schema.js';

/** bm25 weights of the FTS columns: article_id and workspace_id (not indexed), title, tags, body. */
const WEIGHTS = sql.raw('0, 0, 10.0, 5.0, 1.0');

/**
 * SQLite's FTS5: a virtual table beside `kb_articles`, filled by triggers in the same
 * transaction as every write and keyed by the article row's rowid, ranked by bm25.
 */
export const sqliteFullText: FullTextSearch = {
  async createArticleIndex(db: Kysely<unknown>) {
    // unicode61 folds case and splits on anything but letters and digits, as searchTerms does.
    await sql`create virtual table kb_articles_fts using fts5(
      article_id unindexed, workspace_id unindexed, title, tags, body, tokenize = 'unicode61 remove_diacritics 0')`.execute(db);
    const values = sql.raw('new.rowid, new.id, new.workspace_id, new.index_title, new.index_tags, new.index_body');
    const columns = sql.raw('rowid, article_id, workspace_id, title, tags, body');
    await sql`create trigger kb_articles_fts_insert after insert on kb_articles begin
      insert into kb_articles_fts(${columns}) values (${values}); end`.execute(db);
    await sql`create trigger kb_articles_fts_update after update on kb_articles begin
      delete from kb_articles_fts where rowid = old.rowid;
      insert into kb_articles_fts(${columns}) values (${values}); end`.execute(db);
    await sql`create trigger kb_articles_fts_delete after delete on kb_articles begin
      delete from kb_articles_fts where rowid = old.rowid; end`.execute(db);
  },

  async searchArticles(db: Kysely<KbSchema>, query: KbSearchQuery): Promise<FullTextMatch[]> {
    // Each word is quoted, so FTS5 reads none of it as syntax (the words hold only letters and digits anyway).
    const words = query.terms.map((term) => `"${term.replace(/"/g, '""')}"`).join(query.match === 'all' ? ' ' : ' OR ');
    const match = `{title tags body} : (${words})`;
    const { rows } = await sql<{ id: string; score: number; snippet: string }>`
      select a.id as id, bm25(kb_articles_fts, ${WEIGHTS}) as score,
        snippet(kb_articles_fts, 4, ${SNIPPET_MARK}, ${SNIPPET_MARK}, '…', ${SNIPPET_WORDS}) as snippet
      from kb_articles_fts join kb_articles a on a.rowid = kb_articles_fts.rowid
      where kb_articles_fts match ${match} and a.workspace_id = ${query.workspaceId}
        ${query.publishedOnly ? sql`and a.published = 1` : sql``}
        ${query.language === undefined ? sql`` : sql`and a.language = ${query.language}`}
      order by score, a.id
      limit ${query.limit}`.execute(db);
    // bm25 is lower for better matches; the port promises higher is better.
    return rows.map((row) => ({ id: row.id, rank: -row.score, snippet: row.snippet }));
  },
};
