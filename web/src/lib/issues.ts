import { ApiError } from './api';
import type { PolicyIssue } from './types';

/**
 * The mistakes a refused save lists in `details.errors` (each `{path, message, position?}`): the
 * 422 of a settings document or the schema's 400; empty for any other error.
 */
export function detailIssues(error: unknown): PolicyIssue[] {
  if (!(error instanceof ApiError)) return [];
  const errors = (error.details as { errors?: unknown } | undefined)?.errors;
  return Array.isArray(errors) ? (errors as PolicyIssue[]) : [];
}
