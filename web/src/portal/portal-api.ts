import { ApiClient } from '../lib/api';

/** The portal has no token: every call is public, limited per address and guarded on the server. */
export const portalApi = new ApiClient('');

/** The API path of a workspace's portal, `/v1/portal/<slug>` plus the rest. */
export function portalPath(workspace: string, ...rest: string[]): string {
  return ['/v1/portal', workspace, ...rest].map((part, i) => (i === 0 ? part : encodeURIComponent(part))).join('/');
}
