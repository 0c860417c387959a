import { Type } from 'typebox';
import { LOCALES } from '../../../domain/i18n/locales.js';
import { MAX_SCORE, MIN_SCORE } from '../../../domain/portal/csat.js';
import { PROGRESS_STEPS } from '../../../domain/portal/progress.js';
import type { FieldDefinition, FieldOption } from '../../../domain/ticket/ticket-type.js';
import { Echo, FreeObject, Id, Nullable, Strict, Text, literals } from '../common-schemas.js';
import { LocalizedOutput } from '../ticket-types/ticket-type-schemas.js';
import { Priority, TicketType } from '../tickets/ticket-schemas.js';

const Slug = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', description: "the workspace's slug" });
/** A signed status link's token (see docs/portal.md); anything else is refused as `link_invalid`. */
const LinkToken = Type.String({ minLength: 1, maxLength: 600, pattern: '^[A-Za-z0-9._-]+$' });

export const PortalParams = Strict({ workspace: Slug });
export const StatusParams = Strict({ workspace: Slug, token: LinkToken });
export const Locale = literals(LOCALES);

export const SuggestionBody = Strict({
  title: Text(500),
  description: Text(20_000),
});

export const DeflectionBody = Strict({ article_id: Id });

export const RequestBody = Strict({
  challenge: Text(300, 1),
  nonce: Text(64, 1),
  website: Type.Optional(Text(500, 0)),
  type: Type.Optional(Nullable(TicketType)),
  title: Text(500, 1),
  description: Text(20_000, 1),
  priority: Type.Optional(Nullable(Priority)),
  name: Text(200, 1),
  email: Type.String({ format: 'email', maxLength: 320 }),
  fields: Type.Optional(FreeObject),
  language: Locale,
}, { description: '`website` is a field people never see: leave it out or empty. `challenge` and `nonce` answer `POST …/challenge`.' });

export const ReplyBody = Strict({ body: Text(20_000, 1) });
export const CloseBody = Strict({});
export const RatingBody = Strict({
  score: Type.Integer({ minimum: MIN_SCORE, maximum: MAX_SCORE }),
  comment: Type.Optional(Nullable(Text(5_000))),
});

const WorkspaceOutput = Type.Object({ name: Type.String(), slug: Type.String() });

/** What the public form needs to draw itself: the request types it offers and their fields. */
export const PortalFormOutput = Type.Object({
  workspace: WorkspaceOutput,
  locales: Type.Array(Type.String()),
  priorities: Type.Array(Type.String()),
  types: Type.Array(Type.Object({
    name: Type.String(),
    label: LocalizedOutput,
    description: Nullable(LocalizedOutput),
    fields: Type.Array(Echo<FieldDefinition>('a field as the type defines it')),
  })),
});

/** A proof-of-work challenge for one form. */
export const ChallengeOutput = Type.Object({
  challenge: Type.String(),
  bits: Type.Integer({ description: 'how many leading zero bits SHA-256(`challenge:nonce`) must have' }),
  issued_at: Type.String(),
  min_fill_s: Type.Number({ description: 'the soonest the form may be sent, in seconds after the challenge' }),
});

/** Suggestions while the requester types: articles to read, and a type and priority to keep or change. */
export const RequesterHelpOutput = Type.Object({
  articles: Type.Array(Type.Object({
    id: Type.String(), title: Type.String(), snippet: Type.String(), body: Type.String(),
  })),
  prefill: Type.Object({ type: Nullable(Type.String()), priority: Nullable(Type.String()) }),
});

/** A request sent through the form: its reference and the requester's status link. */
export const SubmittedRequestOutput = Type.Object({
  reference: Type.String(),
  status: Type.String(),
  token: Type.String(),
  status_url: Type.String(),
  mail_sent: Type.Boolean({ description: 'whether the requester is sent the status link by mail (false while outbound mail is off)' }),
});

/** A rating of one resolution, as the requester gave it. */
export const RatingOutput = Type.Object({
  score: Type.Integer(), comment: Nullable(Type.String()), rated_at: Type.String(),
});

/** When a clock of the request is due and when it was met. */
const ClockOutput = Nullable(Type.Object({
  due_at: Nullable(Type.String()), met_at: Nullable(Type.String()),
}));

/** A status page: the request, where it stands, what to expect, and the public conversation. */
export const RequesterViewOutput = Type.Object({
  workspace: WorkspaceOutput,
  reference: Type.String(),
  title: Type.String(),
  description: Type.String(),
  type: Type.Object({ name: Type.String(), label: Nullable(LocalizedOutput) }),
  fields: Type.Array(Type.Object({
    key: Type.String(),
    label: LocalizedOutput,
    kind: Type.String(),
    options: Nullable(Type.Array(Echo<FieldOption>('an option of a select field'))),
    value: Type.Unknown({ description: 'the value the requester gave, as the field\'s kind holds it' }),
  })),
  status: Type.String(),
  progress: Type.Object({
    steps: Type.Array(literals(PROGRESS_STEPS)), current: literals(PROGRESS_STEPS),
    waiting_on: Nullable(Type.Literal('requester')),
  }),
  language: Type.String(),
  created_at: Type.String(),
  updated_at: Type.String(),
  expected: Type.Object({
    first_response: ClockOutput,
    resolution: ClockOutput,
    answered_at: Nullable(Type.String()),
    resolved_at: Nullable(Type.String()),
  }),
  conversation: Type.Array(Type.Object({
    id: Type.String(),
    from: Type.Union([Type.Literal('requester'), Type.Literal('team')]),
    name: Nullable(Type.String()),
    body: Type.String(),
    at: Type.String(),
  })),
  can_reply: Type.Boolean(),
  can_close: Type.Boolean(),
  rating: Type.Object({
    can_rate: Type.Boolean(),
    latest: Nullable(Type.Object({ ...RatingOutput.properties, resolved_at: Type.String() })),
  }),
});

/** A ticket's ratings as agents read them, oldest first. */
export const TicketRatingOutput = Type.Object({
  ...RatingOutput.properties,
  resolved_at: Type.String(),
  agent_id: Nullable(Type.String()),
  category: Type.String(),
});
