import type { JsonColumn } from './schema.js';

/**
 * The knowledge base's tables, kept apart from the core schema and joined to it with
 * `db.withTables<KbSchema>()` (type aliases, not interfaces, as withTables needs). The `index_*` columns hold the text as the full-text engines
 * index it (see `indexText`); the engines' own indexes are built on them by the migration.
 */
export type KbArticleTable = {
  id: string;
  workspace_id: string;
  title: string;
  body: string;
  tags: JsonColumn;
  language: string | null;
  /** 1 or 0: the same integer on both backends. */
  published: number;
  version: number;
  created_at: number;
  updated_at: number;
  index_title: string;
  index_tags: string;
  index_body: string;
};

export type KbSchema = {
  kb_articles: KbArticleTable;
};
