import { Type } from 'typebox';
import { LOCALES } from '../../../domain/i18n/locales.js';
import { MAX_SCORE, MIN_SCORE } from '../../../domain/portal/csat.js';
import { FreeObject, Id, Nullable, Strict, Text, literals } from '../common-schemas.js';
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
