import type { JsonObject } from '../../../src/domain/shared/json';
import type { Translate } from '../lib/i18n';
import { fieldProblems, type TypeFields } from '../components/type-fields';

/** What the requester has filled in so far. */
export interface RequestDraft {
  type: string | null;
  title: string;
  description: string;
  priority: string;
  name: string;
  email: string;
  /** The honeypot: hidden from people, so it stays empty unless a program fills it. */
  website: string;
  fields: JsonObject;
}

export const EMPTY_DRAFT: RequestDraft = { type: null, title: '', description: '', priority: 'normal', name: '', email: '', website: '', fields: {} };

/** Problems by control: `title`, `description`, `name`, `email`, and `fields.<key>` for the type's fields. */
export type Problems = Record<string, string>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The checks the server makes, run before sending so the requester hears of a mistake at once. */
export function draftProblems(draft: RequestDraft, type: TypeFields | null, t: Translate): Problems {
  const problems: Problems = {};
  for (const key of ['title', 'description', 'name', 'email'] as const) if (!draft[key].trim()) problems[key] = t('portal.check.required');
  if (draft.email.trim() && !EMAIL.test(draft.email.trim())) problems.email = t('portal.check.email');
  if (type) for (const [key, text] of Object.entries(fieldProblems(type, draft.fields, t))) problems[`fields.${key}`] = text;
  return problems;
}

/** The server's `invalid_fields` details as problems of the form's controls. */
export function serverProblems(details: unknown, t: Translate): Problems {
  const errors = (details as { errors?: { path?: string }[] } | null)?.errors ?? [];
  return Object.fromEntries(errors.map((error) => [`fields.${(error.path ?? '').split('/').at(-1)}`, t('portal.form.check_fields')]));
}

/** The body of `POST …/requests`, with the values of the chosen type's fields only (not those of a type chosen before). */
export function requestBody(
  draft: RequestDraft, type: TypeFields | null, answer: { challenge: string; nonce: string }, language: string,
) {
  const keys = new Set(type?.fields.map((field) => field.key) ?? []);
  return {
    ...answer, website: draft.website, type: draft.type, title: draft.title.trim(), description: draft.description.trim(), priority: draft.priority,
    name: draft.name.trim(), email: draft.email.trim(), fields: Object.fromEntries(Object.entries(draft.fields).filter(([key]) => keys.has(key))), language,
  };
}
