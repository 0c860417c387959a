import type { DuplicateCandidate } from '../../../commands/triage/find-duplicates.js';
import type { TicketSummary } from '../../../commands/triage/summarize-ticket.js';

/** A ticket's summary: the text to show and who wrote it, and the extractive sentences with where each was written. */
export function presentSummary(summary: TicketSummary) {
  return {
    ticket_id: summary.ticketId,
    comments: summary.comments,
    text: summary.text,
    source: summary.source,
    sentences: summary.sentences.map((s) => ({
      text: s.text,
      score: s.score,
      position: s.index,
      source: { kind: s.source.kind, comment_id: s.source.commentId, visibility: s.source.visibility },
    })),
  };
}

/** The open tickets that look like duplicates of a ticket, most similar first. */
export function presentDuplicates(ticketId: string, candidates: readonly DuplicateCandidate[]) {
  return {
    ticket_id: ticketId,
    data: candidates.map((c) => ({
      ticket_id: c.ticket.id,
      title: c.ticket.title,
      status: c.ticket.status,
      score: Math.round(c.score * 10_000) / 10_000,
      linked: c.linked,
    })),
  };
}
