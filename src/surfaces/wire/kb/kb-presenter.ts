import type { KbArticle } from '../../../domain/kb/article.js';
import type { KbSearchHit } from '../../../domain/store/kb-store.js';
import { iso } from '../time.js';

/** An article as clients see it. */
export function presentArticle(article: KbArticle) {
  return {
    id: article.id,
    title: article.title,
    body: article.body,
    tags: article.tags,
    language: article.language,
    published: article.published,
    version: article.version,
    created_at: iso(article.createdAt),
    updated_at: iso(article.updatedAt),
  };
}

/** A search hit: the article's heading fields (not its whole body), its rank and a snippet. */
export function presentSearchHit(hit: KbSearchHit) {
  const { article } = hit;
  return {
    article: { id: article.id, title: article.title, tags: article.tags, language: article.language, published: article.published },
    rank: hit.rank,
    snippet: hit.snippet,
  };
}
