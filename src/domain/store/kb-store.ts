import type { KbArticle } from '../kb/article.js';
import type { Page } from './store.js';

export interface KbArticleQuery {
  workspaceId: string;
  /** Only published articles (for readers who may not edit them). */
  publishedOnly: boolean;
  language?: string;
  after?: string;
  limit: number;
}

export interface KbSearchQuery {
  workspaceId: string;
  /** Words folded by `searchTerms`. */
  terms: string[];
  /** `all`: every word must appear (a search box); `any`: any may (suggestions from a ticket's text). */
  match: 'all' | 'any';
  publishedOnly: boolean;
  language?: string;
  limit: number;
}

/** One article found by a search, with how well it matched (higher is better) and a snippet of its body. */
export interface KbSearchHit {
  article: KbArticle;
  rank: number;
  snippet: string;
}

/** Knowledge-base articles and their full-text search, done by the database's own engine. */
export interface KbArticleRepository {
  get(workspaceId: string, id: string): Promise<KbArticle | undefined>;
  insert(article: KbArticle): Promise<void>;
  /** Writes the article if its stored version is still `expectedVersion`; false when it was not. */
  update(article: KbArticle, expectedVersion: number): Promise<boolean>;
  delete(workspaceId: string, id: string): Promise<boolean>;
  list(query: KbArticleQuery): Promise<Page<KbArticle>>;
  search(query: KbSearchQuery): Promise<KbSearchHit[]>;
}
