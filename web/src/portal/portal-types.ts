import type { LocalizedText, TicketTypeDocument } from '../../../src/domain/ticket/ticket-type';

/** `GET /v1/portal/:workspace/form`. */
export interface PortalForm {
  workspace: { name: string; slug: string };
  priorities: string[];
  types: (TicketTypeDocument & { description: LocalizedText | null })[];
}

/** `POST /v1/portal/:workspace/challenge`. */
export interface IssuedChallenge {
  challenge: string;
  bits: number;
}

export interface SuggestedArticle {
  id: string;
  title: string;
  snippet: string;
  body: string;
}

/** `POST /v1/portal/:workspace/suggestions`. */
export interface RequesterHelp {
  articles: SuggestedArticle[];
  prefill: { type: string | null; priority: string | null };
}

/** `POST /v1/portal/:workspace/requests`. */
export interface SubmittedRequest {
  reference: string;
  status: string;
  status_url: string;
}

export interface Reply {
  id: string;
  from: 'requester' | 'team';
  name: string | null;
  body: string;
  at: string;
}

interface Clock {
  due_at: string | null;
  met_at: string | null;
}

export interface RatingState {
  can_rate: boolean;
  latest: { score: number; comment: string | null; rated_at: string } | null;
}

/** `GET /v1/portal/:workspace/status/:token`. */
export interface RequesterView {
  workspace: { name: string; slug: string };
  reference: string;
  title: string;
  description: string;
  type: { name: string; label: LocalizedText | null };
  fields: { key: string; label: LocalizedText; kind: string; options: { value: string; label?: LocalizedText }[] | null; value: unknown }[];
  status: string;
  progress: { steps: string[]; current: string; waiting_on: 'requester' | null };
  language: string;
  created_at: string;
  expected: { first_response: Clock | null; resolution: Clock | null; answered_at: string | null; resolved_at: string | null };
  conversation: Reply[];
  can_reply: boolean;
  can_close: boolean;
  rating: RatingState;
}
