export const COMMENT_VISIBILITIES = ['public', 'internal'] as const;
export const AUTHOR_KINDS = ['agent', 'customer', 'bot', 'system', 'rule', 'api', 'user'] as const;

export type CommentVisibility = (typeof COMMENT_VISIBILITIES)[number];
export type AuthorKind = (typeof AUTHOR_KINDS)[number];

/** A reply to the requester (public) or a note among agents (internal). */
export interface Comment {
  id: string;
  workspaceId: string;
  ticketId: string;
  visibility: CommentVisibility;
  authorKind: AuthorKind;
  authorId: string | null;
  authorName: string | null;
  body: string;
  createdAt: number;
}

/** True when this comment is the team's first public answer to the requester. */
export function isFirstResponse(comment: Comment, firstResponseAt: number | null): boolean {
  return firstResponseAt === null && comment.visibility === 'public' && (comment.authorKind === 'agent');
}
