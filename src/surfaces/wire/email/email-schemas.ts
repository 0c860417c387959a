import { Type } from 'typebox';
import { EMAIL_KINDS, EMAIL_STATUSES } from '../../../domain/email/email-message.js';
import { SUBJECT_LIMIT, TEXT_LIMIT } from '../../../domain/email/email-rendering.js';
import { MAX_UPDATE_INTERVAL_HOURS } from '../../../domain/email/email-settings.js';
import { LOCALES } from '../../../domain/i18n/locales.js';
import { Cursor, Id, Limit, Nullable, Strict, Text, Timestamp } from '../common-schemas.js';

export const EmailKindSchema = Type.Enum(EMAIL_KINDS);
export const LocaleSchema = Type.Enum(LOCALES);

export const TemplateParams = Strict({ kind: EmailKindSchema, locale: LocaleSchema });

export const TemplateBody = Strict({
  subject: Text(SUBJECT_LIMIT, 1),
  text: Text(TEXT_LIMIT, 1),
}, { description: 'The wording with `{variable}` placeholders; the footer (status link, unsubscribe line) is always added.' });

const Wording = Strict({ subject: Type.String(), text: Type.String() });

export const TemplateEntryOutput = Strict({
  kind: EmailKindSchema,
  locale: LocaleSchema,
  variables: Type.Array(Type.String()),
  default: Wording,
  override: Nullable(Strict({ subject: Type.String(), text: Type.String(), updated_at: Timestamp })),
});

export const MessageQuery = Strict({
  status: Type.Optional(Type.Enum(EMAIL_STATUSES)),
  ticket: Type.Optional(Id),
  limit: Type.Optional(Limit),
  cursor: Type.Optional(Cursor),
});

export const EmailMessageOutput = Strict({
  id: Type.String(),
  ticket_id: Type.String(),
  kind: EmailKindSchema,
  recipient: Type.String(),
  recipient_kind: Type.Enum(['requester', 'agent'] as const),
  locale: LocaleSchema,
  subject: Type.String(),
  text: Type.String(),
  html: Type.String(),
  message_id: Type.String(),
  in_reply_to: Nullable(Type.String()),
  references: Type.Array(Type.String()),
  status: Type.Enum(EMAIL_STATUSES),
  attempts: Type.Integer(),
  next_attempt_at: Nullable(Timestamp),
  last_error: Nullable(Type.String()),
  created_at: Timestamp,
  sent_at: Nullable(Timestamp),
});

export const EmailSettingsBody = Strict({
  update_interval_hours: Type.Integer({ minimum: 0, maximum: MAX_UPDATE_INTERVAL_HOURS, description: 'hours an open ticket\'s requester may hear nothing before a "still working on it" mail; 0 turns it off' }),
});

export const EmailSettingsOutput = Strict({ update_interval_hours: Type.Integer(), updated_at: Nullable(Timestamp) });

export const PortalLinkParams = Strict({ workspace: Text(100, 1), token: Text(1000, 1) });

export const OptOutOutput = Strict({
  address: Type.String(),
  unsubscribed: Type.Boolean(),
});
