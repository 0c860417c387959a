import type { RequesterHelp } from '../../../commands/portal/requester-help.js';
import type { RequesterView } from '../../../commands/portal/requester-status.js';
import { LOCALES, resolveLocale } from '../../../domain/i18n/locales.js';
import type { CsatRating } from '../../../domain/portal/csat.js';
import { PROGRESS_STEPS, progressOf } from '../../../domain/portal/progress.js';
import type { SlaMetric, SlaState } from '../../../domain/sla/sla-state.js';
import type { Comment } from '../../../domain/ticket/comment.js';
import { PRIORITIES, type Ticket } from '../../../domain/ticket/ticket.js';
import type { TicketType } from '../../../domain/ticket/ticket-type.js';
import type { Workspace } from '../../../domain/workspace/workspace.js';
import { iso } from '../time.js';

// What a requester sees is whitelisted here: no internal notes, no agent e-mail addresses, no
// queue, tags, AI predictions or fields the request's type does not show on its form.

/** A type as the form renders it: labels in every language given, fields with their checks. */
export function presentPortalType(type: TicketType) {
  return { name: type.name, label: type.label, description: type.description ?? null, fields: type.fields };
}

/** What the public form needs to draw itself. */
export function presentPortalForm(workspace: Workspace, types: TicketType[]) {
  return {
    workspace: { name: workspace.name, slug: workspace.slug }, locales: [...LOCALES],
    priorities: [...PRIORITIES], types: types.map(presentPortalType),
  };
}

/** Suggestions while typing: articles to read, and a type and priority the requester may keep or change. */
export function presentRequesterHelp(help: RequesterHelp, offered: ReadonlySet<string>) {
  const type = help.prefill?.type?.value;
  return {
    articles: help.articles.map(({ article, snippet }) => ({ id: article.id, title: article.title, snippet, body: article.body })),
    prefill: {
      type: type !== undefined && offered.has(type) ? type : null,
      priority: help.prefill?.priority?.value ?? null,
    },
  };
}

function presentReply(comment: Comment) {
  const requester = comment.authorKind === 'customer';
  return {
    id: comment.id, from: requester ? ('requester' as const) : ('team' as const),
    name: comment.authorKind === 'agent' ? comment.authorName : null, body: comment.body,
    at: iso(comment.createdAt),
  };
}

function clock(sla: SlaState | null, metric: SlaMetric) {
  const state = sla?.metrics.find((m) => m.metric === metric);
  return state ? { due_at: iso(state.dueAt), met_at: iso(state.fulfilledAt) } : null;
}

function presentRating(rating: CsatRating) {
  return { score: rating.score, comment: rating.comment, rated_at: iso(rating.ratedAt), resolved_at: iso(rating.resolvedAt) };
}

/** The values the requester gave for the fields their request's type shows on the form. */
function formFields(ticket: Ticket, type: TicketType | null) {
  return (type?.fields ?? []).filter((field) => ticket.fields[field.key] !== undefined)
    .map((field) => ({ key: field.key, label: field.label, kind: field.kind, options: field.options ?? null, value: ticket.fields[field.key] }));
}

/** The rating part of the page: the latest rating, and whether the current resolution may still be rated. */
function ratingState(ticket: Ticket, ratings: CsatRating[]) {
  const done = ticket.status === 'resolved' || ticket.status === 'closed';
  const latest = ratings.at(-1) ?? null;
  const rated = latest !== null && latest.resolvedAt === ticket.resolvedAt;
  return { can_rate: done && ticket.resolvedAt !== null && !rated, latest: latest && presentRating(latest) };
}

/** A status page: the request, where it stands, what to expect, and the public conversation. */
export function presentRequesterView(view: RequesterView, workspace: Workspace) {
  const { ticket, type } = view;
  const progress = progressOf(ticket.status);
  return {
    workspace: { name: workspace.name, slug: workspace.slug },
    reference: ticket.id,
    title: ticket.title,
    description: ticket.description,
    type: { name: ticket.type, label: type?.label ?? null },
    fields: formFields(ticket, type),
    status: ticket.status,
    progress: { steps: [...PROGRESS_STEPS], current: progress.current, waiting_on: progress.waitingOn },
    language: resolveLocale(ticket.language),
    created_at: iso(ticket.createdAt),
    updated_at: iso(ticket.updatedAt),
    expected: {
      first_response: clock(ticket.sla, 'first_response'),
      resolution: clock(ticket.sla, 'resolution'),
      answered_at: iso(ticket.firstResponseAt),
      resolved_at: iso(ticket.resolvedAt),
    },
    conversation: view.conversation.map(presentReply),
    can_reply: ticket.status !== 'closed',
    can_close: ticket.status !== 'closed',
    rating: ratingState(ticket, view.ratings),
  };
}

/** A ticket's ratings as agents read them on the ticket page. */
export function presentRatings(ratings: CsatRating[]) {
  return { data: ratings.map((rating) => ({ ...presentRating(rating), agent_id: rating.agentId, category: rating.category })) };
}
