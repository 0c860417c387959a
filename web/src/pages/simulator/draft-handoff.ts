import type { PolicyDocument } from '../../lib/types';
import { navigate } from '../../lib/router';

// The policy editor hands its draft over through this tab's storage, not the address: a policy can
// be long, and an address ends up in histories and logs.
const KEY = 'switchboard.simulator.draft';

/** Opens the simulator with this draft as policy B and the policy in force as A. */
export function compareInSimulator(draft: PolicyDocument): void {
  sessionStorage.setItem(KEY, JSON.stringify(draft, null, 2));
  navigate('/simulator?compare=draft');
}

/** The draft the policy editor handed over, if the address asks for it. */
export function handedDraft(query: URLSearchParams): string | null {
  return query.get('compare') === 'draft' ? sessionStorage.getItem(KEY) : null;
}
