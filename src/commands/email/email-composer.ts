import type { EmailMessage } from '../../domain/email/email-message.js';
import { renderEmail } from '../../domain/email/email-rendering.js';
import { subjectWithReference, type NotificationIntent } from '../../domain/email/notification-plan.js';
import type { DomainEvent } from '../../domain/shared/event.js';
import type { Ticket } from '../../domain/ticket/ticket.js';
import type { Workspace } from '../../domain/workspace/workspace.js';
import type { EventContext } from '../context.js';
import type { LinkPurpose } from '../../domain/portal/signed-link.js';
import { requesterLinkSigner } from '../portal/requester-links.js';
import type { ResolvedRecipient } from './email-recipients.js';
import type { MailSettings } from './mail-settings.js';

/** The links of a requester's mail: the status page, its rating variants, and unsubscribe (page and one-click API). */
interface RequesterLinks {
  status_url: string;
  unsubscribe_url: string;
  oneClickUrl: string;
}

/**
 * Writes the mails one ticket's event causes: rendered in each recipient's language from the
 * catalogue or the workspace's template, threaded into the requester's conversation, and
 * suppressed (kept, not sent) for a requester who opted out.
 */
export class EmailComposer {
  private workspace: Workspace | undefined;
  private statusToken: string | undefined;
  private sign: ((purpose: LinkPurpose, subject: string) => string) | undefined;
  /** The conversation's root Message-ID; undefined until looked up, null when there is none yet. */
  private root: string | null | undefined;

  constructor(private readonly ctx: EventContext, private readonly mail: MailSettings, private readonly ticket: Ticket) {}

  async compose(intent: NotificationIntent, recipient: ResolvedRecipient, event: DomainEvent | null, dedupeKey: string | null = null): Promise<EmailMessage> {
    const { ctx, ticket } = this;
    const id = ctx.ids.next('eml');
    const messageId = `${id}@${this.mail.messageIdHost}`;
    const links = recipient.kind === 'requester' ? await this.requesterLinks(recipient.address) : null;
    const override = await ctx.tx.emails.getTemplate(ctx.workspaceId, intent.kind, recipient.locale);
    const rendered = renderEmail(this.mail.catalogue, {
      kind: intent.kind, locale: recipient.locale,
      values: await this.values(intent, recipient, event),
      links: links ? { status_url: links.status_url, unsubscribe_url: links.unsubscribe_url } : {},
      ratingUrls: intent.kind === 'resolved' && links ? [1, 2, 3, 4, 5].map((n) => `${links.status_url}?rate=${n}`) : [],
      override: override ? { subject: override.subject, text: override.text } : null,
    });
    const root = recipient.kind === 'requester' ? await this.threadRoot(intent, messageId) : null;
    const suppressed = recipient.kind === 'requester' && (await ctx.tx.emails.isOptedOut(ctx.workspaceId, recipient.address));
    const now = ctx.clock.now();
    return {
      id, workspaceId: ctx.workspaceId, ticketId: ticket.id, kind: intent.kind, recipient: recipient.address, recipientKind: recipient.kind,
      locale: recipient.locale, subject: subjectWithReference(rendered.subject, ticket.id), text: rendered.text, html: rendered.html,
      messageId, inReplyTo: root, references: root ? [root] : [], unsubscribeUrl: links?.oneClickUrl ?? null,
      status: suppressed ? 'suppressed' : 'pending', attempts: 0, nextAttemptAt: suppressed ? null : now, lastError: null,
      dedupeKey, createdAt: now, sentAt: null,
    };
  }

  private async values(intent: NotificationIntent, recipient: ResolvedRecipient, event: DomainEvent | null): Promise<Record<string, string>> {
    const { ticket } = this;
    const t = this.mail.catalogue.forLocale(recipient.locale);
    const data = event?.data ?? {};
    const agentName = recipient.kind === 'agent' ? recipient.name : (event?.actor.name ?? '');
    const values: Record<string, string> = {
      ticket_ref: ticket.id, ticket_title: ticket.title, workspace_name: (await this.loadWorkspace()).name,
      requester_name: ticket.customer?.name ?? ticket.customer?.email ?? '',
      agent_name: agentName,
      priority: t(`email.priority.${ticket.priority}`),
    };
    if (intent.commentId) Object.assign(values, await this.commentValues(intent.commentId, agentName));
    if (intent.kind === 'status_changed') values.status = t(`email.status.${String(event?.after?.status)}`);
    if (intent.kind === 'escalated') Object.assign(values, { level: String(data.to_level ?? ''), reason: String(data.reason ?? '') });
    if (intent.kind === 'approval_requested') values.reason = String(data.reason ?? '');
    if (intent.kind === 'sla_warning') values.metric = t(`email.sla_metric.${String(data.metric)}`);
    return values;
  }

  /** The reply a `replied` mail quotes, signed with its author's name (an agent's own, not their token's). */
  private async commentValues(commentId: string, fallbackName: string): Promise<{ comment: string; agent_name: string }> {
    const { ctx } = this;
    const comment = await ctx.tx.comments.get(ctx.workspaceId, commentId);
    const author = comment?.authorKind === 'agent' && comment.authorId ? await ctx.tx.agents.get(ctx.workspaceId, comment.authorId) : undefined;
    return { comment: comment?.body ?? '', agent_name: author?.name ?? comment?.authorName ?? fallbackName };
  }

  private async requesterLinks(address: string): Promise<RequesterLinks> {
    const base = this.mail.publicUrl;
    const slug = encodeURIComponent((await this.loadWorkspace()).slug);
    this.sign ??= await requesterLinkSigner(this.ctx, this.mail.linkTtlMs);
    this.statusToken ??= this.sign('status', this.ticket.id);
    const unsubscribe = this.sign('unsubscribe', address);
    return {
      status_url: `${base}/portal/${slug}/status/${this.statusToken}`,
      unsubscribe_url: `${base}/portal/${slug}/unsubscribe/${unsubscribe}`,
      oneClickUrl: `${base}/v1/portal/${slug}/unsubscribe/${unsubscribe}`,
    };
  }

  /** The Message-ID this requester mail answers; the first mail of a conversation becomes its root. */
  private async threadRoot(intent: NotificationIntent, messageId: string): Promise<string | null> {
    if (intent.rootMessageId) this.root = intent.rootMessageId;
    this.root ??= await this.ctx.tx.emails.threadRoot(this.ctx.workspaceId, this.ticket.id);
    const root = this.root;
    this.root ??= messageId;
    return root;
  }

  private async loadWorkspace(): Promise<Workspace> {
    this.workspace ??= await this.ctx.tx.workspaces.get(this.ctx.workspaceId);
    if (!this.workspace) throw new Error(`Workspace ${this.ctx.workspaceId} vanished while its mail was written.`);
    return this.workspace;
  }
}
