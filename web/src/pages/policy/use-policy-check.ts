import { useEffect, useState } from 'react';
import { ApiError, type ApiClient } from '../../lib/api';
import type { PolicyDocument, PolicyIssue, RoutingExplanation } from '../../lib/types';
import { policyBody } from './policy-draft';

/** How long typing must pause before the draft is checked, so each keystroke does not cost a request. */
const PAUSE_MS = 300;

export interface PolicyCheck {
  /** Mistakes of the draft policy, with paths inside the policy (`/rules/0/when`). */
  issues: PolicyIssue[];
  /** Where the sample ticket would go under the draft, when the draft is valid. */
  result: RoutingExplanation | null;
  /** A problem with the sample ticket or the request itself. */
  error: unknown;
  checking: boolean;
}

/** Turns the API's error into policy mistakes: 422 invalid_policy, or the schema's 400 for the `policy` part. */
export function policyIssues(error: unknown): PolicyIssue[] | null {
  if (!(error instanceof ApiError)) return null;
  const errors = (error.details as { errors?: (PolicyIssue & { in?: string })[] } | undefined)?.errors;
  if (!errors) return null;
  if (error.code === 'invalid_policy') return errors;
  const inPolicy = errors.filter((e) => e.path.startsWith('/policy')).map((e) => ({ ...e, path: e.path.slice('/policy'.length) }));
  return inPolicy.length > 0 ? inPolicy : null;
}

/**
 * Checks the draft as it is typed: a dry run of the sample ticket against the draft policy (which
 * changes nothing) reports every mistake with its position, or where the ticket would go.
 */
export function usePolicyCheck(api: ApiClient, draft: PolicyDocument, ticket: unknown): PolicyCheck {
  const [check, setCheck] = useState<PolicyCheck>({ issues: [], result: null, error: null, checking: true });
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      setCheck((previous) => ({ ...previous, checking: true }));
      api.post<RoutingExplanation>('/v1/routing/dry-run', { ticket, policy: policyBody(draft) }).then(
        (result) => { if (current) setCheck({ issues: [], result, error: null, checking: false }); },
        (error: unknown) => {
          if (!current) return;
          const issues = policyIssues(error);
          setCheck({ issues: issues ?? [], result: null, error: issues ? null : error, checking: false });
        },
      );
    }, PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, draft, ticket]);
  return check;
}
