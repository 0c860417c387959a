import { Type, type Static } from 'typebox';
import { Nullable, Strict, Text } from '../wire/common-schemas.js';

/** What a column (or JSON key) of a mapped export can stand for. */
export const MAPPED_KEYS = [
  'external_id', 'title', 'description', 'status', 'priority', 'type', 'channel', 'tags', 'group', 'assignee',
  'requester_name', 'requester_email', 'organization', 'created_at', 'updated_at', 'solved_at', 'closed_at',
  'csat_score', 'csat_comment',
] as const;
export type MappedKey = (typeof MAPPED_KEYS)[number];

const Column = Text(200, 1);
const ValueMap = Type.Record(Text(200), Text(100), { maxProperties: 500 });

/**
 * A column mapping: how another help desk's CSV (or JSON lines) export says what Switchboard
 * keeps. `columns` names the column of each key; `values` turns that desk's words into ours;
 * `fields` makes named columns custom fields, and `other_columns: "fields"` makes every column
 * not named elsewhere (nor in `ignore`) one. Times without an offset are read in `time_zone`, and
 * in `time_format` (Luxon's tokens, as Jira's `dd/MMM/yy h:mm a`) when the export writes them its own way.
 */
export const ImportMapping = Strict({
  source: Type.String({ pattern: '^[a-z][a-z0-9_-]{0,39}$', description: 'the help desk: part of each record\'s external reference' }),
  columns: Type.Partial(Type.Object(Object.fromEntries(MAPPED_KEYS.map((key) => [key, Column])) as Record<MappedKey, typeof Column>, { additionalProperties: false })),
  values: Type.Optional(Strict({
    status: Type.Optional(ValueMap),
    priority: Type.Optional(ValueMap),
    type: Type.Optional(ValueMap),
    channel: Type.Optional(ValueMap),
    csat_score: Type.Optional(ValueMap),
  })),
  fields: Type.Optional(Type.Record(Column, Text(100, 1), { maxProperties: 200 })),
  other_columns: Type.Optional(Type.Union([Type.Literal('fields'), Type.Literal('ignore')])),
  ignore: Type.Optional(Type.Array(Column, { maxItems: 200 })),
  tag_separator: Type.Optional(Text(5, 1)),
  time_zone: Type.Optional(Nullable(Text(64, 1))),
  time_format: Type.Optional(Text(64, 1)),
});
export type ImportMapping = Static<typeof ImportMapping>;

/**
 * Freshdesk's ticket export (Admin → Tickets → Export, CSV) with its default column names.
 * Custom fields come as columns named by their labels; the export's metric columns are left out.
 * Freshdesk writes times in the account's time zone without an offset: give `--time-zone`.
 */
export const FRESHDESK_CSV: ImportMapping = {
  source: 'freshdesk',
  columns: {
    external_id: 'Ticket ID', title: 'Subject', description: 'Description', status: 'Status', priority: 'Priority',
    type: 'Type', channel: 'Source', tags: 'Tags', group: 'Group', assignee: 'Agent', requester_name: 'Full name',
    requester_email: 'Email', organization: 'Company Name', created_at: 'Created time', updated_at: 'Last update time',
    solved_at: 'Resolved time', closed_at: 'Closed time',
  },
  values: {
    status: { Open: 'queued', Pending: 'pending', Resolved: 'resolved', Closed: 'closed', 'Waiting on Customer': 'pending', 'Waiting on Third Party': 'on_hold' },
    priority: { Low: 'low', Medium: 'normal', High: 'high', Urgent: 'urgent' },
    type: { Question: 'support', Incident: 'incident', Problem: 'incident', 'Feature Request': 'feature_request', Refund: 'support' },
    channel: { Email: 'email', Portal: 'form', Phone: 'phone', Chat: 'chat', 'Feedback Widget': 'form', 'Outbound Email': 'email' },
  },
  other_columns: 'fields',
  ignore: [
    'Due by Time', 'Initial response time', 'Time tracked', 'First response time (in hrs)', 'Resolution time (in hrs)',
    'Agent interactions', 'Customer interactions', 'Resolution status', 'First response status', 'Contact ID', 'Survey results',
  ],
  tag_separator: ',',
  time_zone: 'UTC',
};
