import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { DomainError } from '../../domain/errors.js';
import type { KbArticleDraft } from '../../domain/kb/article.js';
import { rowValidator } from '../records/row-validator.js';
import { ArticleCreateBody, ArticleOutput } from '../wire/kb/kb-schemas.js';

/** One row of an article file: the draft the API would accept, or why it would not. */
export type ArticleRow = { row: number; draft: KbArticleDraft } | { row: number; error: string };

const validate = rowValidator<KbArticleDraft>(ArticleCreateBody, ArticleOutput);

/**
 * The rows of a JSON file (an array of article objects, as `GET /v1/kb/articles` gives them) or a
 * CSV file (header `title,body,tags,language,published`; tags split at `;` or `|`), each checked
 * with the API's rules. A file that cannot be read at all throws.
 */
export function readArticleRows(file: string, format: 'csv' | 'json'): ArticleRow[] {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const records: unknown[] = format === 'csv' ? (parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[]).map(fromCsv) : fromJson(text);
  return records.map((record, i) => {
    try {
      return { row: i + 1, draft: validate(record) };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const path = (error.details as { path?: unknown } | undefined)?.path;
      return { row: i + 1, error: typeof path === 'string' && path ? `${path}: ${error.message}` : error.message };
    }
  });
}

function fromJson(text: string): unknown[] {
  const parsed: unknown = JSON.parse(text);
  if (Array.isArray(parsed)) return parsed;
  const data = (parsed as { data?: unknown } | null)?.data;
  if (Array.isArray(data)) return data;
  throw new Error('The JSON file must hold an array of articles (or a page with a "data" array).');
}

/** CSV cells are text: split the tags, read the flag, and let an empty language mean none. */
function fromCsv(record: Record<string, string>): Record<string, unknown> {
  const row: Record<string, unknown> = { ...record };
  if (typeof record.tags === 'string') row.tags = record.tags.split(/[;|]/).map((tag) => tag.trim()).filter(Boolean);
  if (typeof record.language === 'string') row.language = record.language.trim() || null;
  if (typeof record.published === 'string') {
    const flag = record.published.trim().toLowerCase();
    row.published = flag === '' ? undefined : ['true', '1', 'yes'].includes(flag) ? true : ['false', '0', 'no'].includes(flag) ? false : flag;
  }
  return row;
}
