import { Type } from 'typebox';
import { CreateBody, Cursor, Limit, Nullable, PatchBody, Strict, Text } from '../common-schemas.js';

const Tag = Type.String({ minLength: 1, maxLength: 64 });
const Language = Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$', description: 'BCP 47 language tag' });

/** Every field a client writes on an article; a create and a patch are views of this one set. */
export const ArticleFields = Type.Object({
  title: Text(500, 1),
  body: Text(200_000),
  tags: Type.Array(Tag, { maxItems: 50 }),
  language: Nullable(Language),
  published: Type.Boolean({ description: 'only published articles are suggested and shown to viewers (default false)' }),
  version: Type.Integer({
    minimum: 1,
    description: 'Apply only if the article is still at this version (else 409 version_conflict).',
  }),
});

/** `POST /v1/kb/articles`: a title and a body, and any other field. */
export const ArticleCreateBody = CreateBody(Type.Omit(ArticleFields, ['version']), ['title', 'body']);
/** `PATCH /v1/kb/articles/:id`: any field, and the version the change applies to. */
export const ArticlePatchBody = PatchBody(ArticleFields);

export const ArticleListQuery = Strict({
  language: Type.Optional(Language),
  limit: Type.Optional(Limit),
  cursor: Type.Optional(Cursor),
});

export const ArticleSearchQuery = Strict({
  q: Type.String({ minLength: 1, maxLength: 500, description: 'words that must all appear in the title, tags or body' }),
  language: Type.Optional(Language),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
});

export const SuggestionQuery = Strict({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 5 })),
});

export const ArticleOutput = Type.Object({
  id: Type.String(),
  title: Type.String(),
  body: Type.String(),
  tags: Type.Array(Type.String()),
  language: Nullable(Type.String()),
  published: Type.Boolean(),
  version: Type.Integer(),
  created_at: Type.String(),
  updated_at: Type.String(),
});

export const SearchHitOutput = Type.Object({
  article: Type.Object({ id: Type.String(), title: Type.String(), tags: Type.Array(Type.String()), language: Nullable(Type.String()), published: Type.Boolean() }),
  rank: Type.Number({ description: 'how well it matched; higher is better, comparable within one answer only' }),
  snippet: Type.String({ description: 'a passage of the body with matched words between ** marks' }),
});

export const SearchResultOutput = Type.Object({ data: Type.Array(SearchHitOutput) });
