import type { JsonObject } from '../shared/json.js';
import type { Customer } from '../ticket/ticket.js';
import type { TicketSignals } from '../triage/ticket-insights.js';
import { summarize } from '../triage/summaries/extractive-summary.js';

export const HANDOFF_MODES = ['reactive', 'proactive'] as const;
export type HandoffMode = (typeof HANDOFF_MODES)[number];
export const SPEAKERS = ['customer', 'bot', 'agent', 'system'] as const;
export type Speaker = (typeof SPEAKERS)[number];
export const ATTEMPT_OUTCOMES = ['failed', 'partial', 'declined', 'unknown'] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

export interface TranscriptMessage {
  from: Speaker;
  text: string;
  at: number | null;
}

/** Something the bot tried before it gave up, and how it went. */
export interface AttemptedSolution {
  action: string;
  outcome: AttemptOutcome;
  detail: string | null;
}

/** What a bot sends when it hands a conversation to a person. */
export interface HandoffInput {
  conversationId: string;
  /** Reactive: the customer asked for a person. Proactive: the bot recognised its limits. */
  mode: HandoffMode;
  reason: string | null;
  botName: string | null;
  /** The bot's confidence in its own understanding, 0 … 1. */
  confidence: number;
  /** What the bot thinks the conversation is about (becomes the ticket's category). */
  intent: string | null;
  transcript: TranscriptMessage[];
  attempts: AttemptedSolution[];
  customer: Partial<Customer> | null;
  /** Whatever the bot knows of the customer (CRM record, plan, order numbers). */
  customerData: JsonObject;
}

/** Everything a person needs to pick the conversation up without starting from zero. */
export interface HandoffPacket {
  conversationId: string;
  mode: HandoffMode;
  reason: string | null;
  summary: string;
  context: { botName: string | null; intent: string | null; customer: Customer | null; customerData: JsonObject; language: string | null };
  attempts: AttemptedSolution[];
  signals: {
    botConfidence: number;
    asksForHuman: boolean;
    sentiment: number | null;
    flags: string[];
    customerMessages: number;
    botMessages: number;
  };
  transcript: TranscriptMessage[];
  /** How many times the bot handed this conversation over. */
  handoffs: number;
  receivedAt: number;
  updatedAt: number;
}

/** The customer's side of the conversation, as the ticket's description. */
export function customerText(transcript: readonly TranscriptMessage[]): string {
  return transcript.filter((m) => m.from === 'customer').map((m) => m.text).join('\n');
}

/** A ticket title from the conversation: the customer's first message, shortened. */
export function handoffTitle(input: HandoffInput): string {
  const first = input.transcript.find((m) => m.from === 'customer')?.text.trim() ?? '';
  const line = first.split('\n')[0]!.trim();
  if (!line) return `Chat hand-off ${input.conversationId}`;
  return line.length <= 120 ? line : `${line.slice(0, 119)}…`;
}

/**
 * Builds the hand-off packet from the bot's message and the signals triage read on the ticket;
 * a later hand-off of the same conversation replaces the transcript and adds new attempts.
 */
export function buildHandoffPacket(
  input: HandoffInput, customer: Customer | null, signals: TicketSignals | null, now: number, previous: HandoffPacket | null,
): HandoffPacket {
  const attempts = mergeAttempts(previous?.attempts ?? [], input.attempts);
  return {
    conversationId: input.conversationId,
    mode: input.mode,
    reason: input.reason,
    summary: summaryLine(input, attempts),
    context: { botName: input.botName, intent: input.intent, customer, customerData: input.customerData, language: signals?.language ?? null },
    attempts,
    signals: {
      botConfidence: input.confidence,
      asksForHuman: input.mode === 'reactive' || (signals?.asksForHuman ?? false),
      sentiment: signals?.sentiment ?? null,
      flags: signals?.flags ?? [],
      customerMessages: input.transcript.filter((m) => m.from === 'customer').length,
      botMessages: input.transcript.filter((m) => m.from === 'bot').length,
    },
    transcript: input.transcript,
    handoffs: (previous?.handoffs ?? 0) + 1,
    receivedAt: previous?.receivedAt ?? now,
    updatedAt: now,
  };
}

function summaryLine(input: HandoffInput, attempts: readonly AttemptedSolution[]): string {
  const opening = input.mode === 'reactive' ? 'The customer asked for a person' : 'The bot handed the conversation over';
  const about = input.intent ? ` about ${input.intent}` : '';
  const gist = summarize(input.transcript.filter((m) => m.from === 'customer').map((m) => m.text), 3).map((s) => s.text);
  const parts = [`${opening}${about} after ${input.transcript.length} message(s); bot confidence ${Math.round(input.confidence * 100)}%.`];
  if (input.reason) parts.push(`Reason: ${input.reason}.`);
  if (gist.length > 0) parts.push(`Customer: ${gist.join(' ')}`);
  if (attempts.length > 0) parts.push(`Tried: ${attempts.map((a) => `${a.action} (${a.outcome})`).join('; ')}.`);
  return parts.join(' ');
}

function mergeAttempts(previous: readonly AttemptedSolution[], incoming: readonly AttemptedSolution[]): AttemptedSolution[] {
  const seen = new Set(previous.map((a) => `${a.action}\u0000${a.outcome}`));
  return [...previous, ...incoming.filter((a) => !seen.has(`${a.action}\u0000${a.outcome}`))];
}
