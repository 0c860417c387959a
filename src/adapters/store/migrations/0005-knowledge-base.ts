import type { Kysely, Migration } from 'kysely';
import type { DialectTraits } from '../dialect-traits.js';

/** Knowledge-base articles, and their full-text index in the database's own engine (FTS5 or tsvector). */
export function knowledgeBaseSchema(traits: DialectTraits): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('kb_articles')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('tags', traits.jsonType, (c) => c.notNull())
        .addColumn('language', 'text')
        .addColumn('published', 'integer', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', traits.bigintType, (c) => c.notNull())
        .addColumn('updated_at', traits.bigintType, (c) => c.notNull())
        .addColumn('index_title', 'text', (c) => c.notNull())
        .addColumn('index_tags', 'text', (c) => c.notNull())
        .addColumn('index_body', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('kb_articles_workspace').on('kb_articles').columns(['workspace_id', 'id']).execute();
      await traits.fullText.createArticleIndex(db);
    },
  };
}
