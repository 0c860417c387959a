import { BOOL, DOUBLE, DYN, INT, STRING, TIMESTAMP, listOf, mapOf, type ExprType } from './expr-type.js';

/**
 * The shapes routing expressions see. Run-time values are plain objects with exactly these
 * snake_case keys, timestamps in epoch milliseconds, and null where a value is absent.
 */

/** A point on Earth; ticket and agent locations both have it. */
export const LOCATION_TYPE: ExprType = {
  kind: 'object', name: 'Location', nullable: true, fields: { lat: DOUBLE, lon: DOUBLE },
};

/**
 * The requester; its string fields may be null, and null compares unequal to every string.
 * `crm` is what the configured CRM answered at intake (empty when it was not asked or did not answer).
 */
export const CUSTOMER_TYPE: ExprType = {
  kind: 'object',
  name: 'Customer',
  nullable: true,
  fields: { id: STRING, name: STRING, email: STRING, organization: STRING, tier: STRING, crm: mapOf(STRING, DYN) },
};

/** What the AI triage said about a ticket. */
export const AI_TYPE: ExprType = {
  kind: 'object', name: 'Ai', fields: { label: STRING, confidence: DOUBLE, priority: STRING },
};

/** Signals read from the ticket's text. */
export const SIGNALS_TYPE: ExprType = {
  kind: 'object',
  name: 'Signals',
  fields: { sentiment: DOUBLE, language: STRING, asks_for_human: BOOL, flags: listOf(STRING) },
};

/** `ticket` in routing, escalation and automation expressions. */
export const TICKET_TYPE: ExprType = {
  kind: 'object',
  name: 'Ticket',
  fields: {
    id: STRING,
    type: STRING,
    title: STRING,
    description: STRING,
    text: STRING,
    channel: STRING,
    priority: STRING,
    status: STRING,
    customer: CUSTOMER_TYPE,
    tags: listOf(STRING),
    fields: mapOf(STRING, DYN),
    location: LOCATION_TYPE,
    language: STRING,
    queue: STRING,
    escalation_level: INT,
    reroutes: INT,
    created_at: TIMESTAMP,
    due_at: TIMESTAMP,
    ai: AI_TYPE,
    signals: SIGNALS_TYPE,
  },
};

/** `agent` in queue membership and target expressions. */
export const AGENT_TYPE: ExprType = {
  kind: 'object',
  name: 'Agent',
  fields: {
    id: STRING,
    name: STRING,
    skills: mapOf(STRING, INT),
    languages: listOf(STRING),
    teams: listOf(STRING),
    level: INT,
    capacity: mapOf(STRING, INT),
    load: mapOf(STRING, INT),
    status: STRING,
    location: LOCATION_TYPE,
    attributes: mapOf(STRING, DYN),
    idle_seconds: DOUBLE,
  },
};
