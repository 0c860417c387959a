import type { AuthorKind } from '../ticket/comment.js';

/** Who did something: the kind of party, and its id and name where it has them. */
export interface Actor {
  kind: AuthorKind;
  id: string | null;
  name: string | null;
}

export const SYSTEM_ACTOR: Actor = { kind: 'system', id: null, name: 'Switchboard' };
