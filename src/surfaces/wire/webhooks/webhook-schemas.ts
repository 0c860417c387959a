import { Type } from 'typebox';
import { CreateBody, Echo, Id, Nullable, PatchBody, Strict, Text, Timestamp } from '../common-schemas.js';

const EventTypes = Type.Array(Text(100, 1), {
  minItems: 1, maxItems: 50, description: 'Exact event types (`ticket.created`), prefixes (`ticket.*`) or `*` for every event.',
});

/** Every field a client writes on a webhook; a create and a patch are views of this one set. */
export const WebhookFields = Type.Object({
  url: Text(2000, 1),
  event_types: EventTypes,
  description: Text(500),
  enabled: Type.Boolean(),
  version: Type.Integer({ minimum: 1 }),
});

/** `POST /v1/webhooks`: a URL and the events, and any other field. */
export const WebhookBody = CreateBody(Type.Omit(WebhookFields, ['version']), ['url', 'event_types']);
/** `PATCH /v1/webhooks/:id`: any field, and the version the change applies to. */
export const WebhookPatch = PatchBody(WebhookFields);

export const WebhookOutput = Type.Object({
  id: Type.String(),
  url: Type.String(),
  event_types: Type.Array(Type.String()),
  description: Type.String(),
  enabled: Type.Boolean(),
  disabled_reason: Nullable(Type.String()),
  version: Type.Integer(),
  created_at: Timestamp,
  updated_at: Timestamp,
});

/** Only at creation and rotation: the signing secret. */
export const WebhookWithSecret = Type.Intersect([WebhookOutput, Type.Object({ secret: Type.String({ description: '`whsec_` and base64; shown once' }) })]);

const AttemptOutput = Type.Object({
  id: Type.String(),
  at: Timestamp,
  http_status: Nullable(Type.Integer()),
  succeeded: Type.Boolean(),
  duration_ms: Type.Integer(),
  error: Nullable(Type.String()),
  response_excerpt: Nullable(Type.String()),
});

export const DeliveryOutput = Type.Object({
  id: Type.String(),
  webhook_id: Type.String(),
  message_id: Type.String({ description: 'the `webhook-id` header, the same on every attempt and redelivery' }),
  event_type: Type.String(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')]),
  attempts: Type.Integer(),
  next_attempt_at: Nullable(Timestamp),
  created_at: Timestamp,
  payload: Echo<unknown>('the JSON body posted, `{type, timestamp, data}` as docs/webhooks.md shows it'),
  log: Type.Array(AttemptOutput),
});

export const DeliveryParams = Strict({ id: Id, delivery: Id });
