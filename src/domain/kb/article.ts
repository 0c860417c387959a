import { normalizeTags } from '../ticket/ticket.js';

/** A knowledge-base article: an answer agents link to and requesters read before they ask. */
export interface KbArticle {
  id: string;
  workspaceId: string;
  title: string;
  body: string;
  tags: string[];
  /** BCP 47 tag of the article's language, or null when it is for every language. */
  language: string | null;
  /** Only published articles are suggested and found by readers who may not edit. */
  published: boolean;
  version: number;
  createdAt: number;
  updatedAt: number;
}

export interface KbArticleDraft {
  title: string;
  body: string;
  tags?: string[];
  language?: string | null;
  published?: boolean;
}

export type KbArticlePatch = Partial<KbArticleDraft>;

/** Promises a new article from a draft: tags normalised, unpublished unless said, version 1. */
export function createArticle(draft: KbArticleDraft, id: string, workspaceId: string, now: number): KbArticle {
  return {
    id,
    workspaceId,
    title: draft.title.trim(),
    body: draft.body,
    tags: normalizeTags(draft.tags ?? []),
    language: draft.language ?? null,
    published: draft.published ?? false,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/** Promises the article with the patch applied, one version later; absent keys stay as they are. */
export function patchArticle(article: KbArticle, patch: KbArticlePatch, now: number): KbArticle {
  return {
    ...article,
    title: patch.title === undefined ? article.title : patch.title.trim(),
    body: patch.body ?? article.body,
    tags: patch.tags === undefined ? article.tags : normalizeTags(patch.tags),
    language: patch.language === undefined ? article.language : patch.language,
    published: patch.published ?? article.published,
    version: article.version + 1,
    updatedAt: now,
  };
}
