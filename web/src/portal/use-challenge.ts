import { useCallback, useEffect, useRef } from 'react';
import { portalApi, portalPath } from './portal-api';
import type { IssuedChallenge } from './portal-types';
import { solveChallenge } from './proof-of-work';

export interface ChallengeAnswer {
  challenge: string;
  nonce: string;
}

/**
 * A challenge fetched when the form opens and solved in the background while the requester types,
 * so sending rarely waits for it. `renew` starts over with a new one (the last was refused).
 */
export function useChallenge(workspace: string): { answer(): Promise<ChallengeAnswer>; renew(): Promise<ChallengeAnswer> } {
  const current = useRef<Promise<ChallengeAnswer> | null>(null);
  const controller = useRef<AbortController | null>(null);
  const start = useCallback(() => {
    controller.current?.abort();
    const own = new AbortController();
    controller.current = own;
    const answer = portalApi.post<IssuedChallenge>(portalPath(workspace, 'challenge'))
      .then(async (issued) => ({ challenge: issued.challenge, nonce: await solveChallenge(issued.challenge, issued.bits, own.signal) }));
    // A failure is reported when the form is sent, not as an unhandled rejection now.
    answer.catch(() => undefined);
    current.current = answer;
    return answer;
  }, [workspace]);
  useEffect(() => {
    start();
    return () => controller.current?.abort();
  }, [start]);
  return { answer: () => current.current ?? start(), renew: start };
}
