import type { Kysely } from 'kysely';
import type { KbSearchQuery } from '../../domain/store/kb-store.js';
import type { KbSchema } from './kb-schema.js';

/** One article a search found: its id, how well it matched (higher is better) and a snippet of its body. */
export interface FullTextMatch {
  id: string;
  rank: number;
  snippet: string;
}

/** Marks a matched word in a snippet. Plain text, so a client never renders it as markup. */
export const SNIPPET_MARK = '**';
/** Words a snippet shows around the matches. */
export const SNIPPET_WORDS = 16;

/**
 * How a backend searches text with its own engine (SQLite FTS5, PostgreSQL tsvector): the index
 * its migration builds, and the query that ranks the workspace's articles against search words.
 * The words arrive folded (`searchTerms`), so both engines see the same words.
 */
export interface FullTextSearch {
  /** Builds the article index over `kb_articles.index_*`, kept current by the database on every write. */
  createArticleIndex(db: Kysely<unknown>): Promise<void>;
  searchArticles(db: Kysely<KbSchema>, query: KbSearchQuery): Promise<FullTextMatch[]>;
}
