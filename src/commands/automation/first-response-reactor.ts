import type { Reactor } from '../pipeline/reactor.js';

/** Stamps the first public reply by a person after an escalation, for the escalation metrics. */
export const firstResponseReactor: Reactor = {
  name: 'escalation-first-response',
  stage: 'react',
  applicableEvents: new Set(['comment.added']),
  async react(ctx, change) {
    const reply = change.events.find((e) => e.type === 'comment.added' && e.data?.author_kind === 'agent' && e.data.visibility === 'public');
    if (reply) await ctx.tx.workflow.escalations.markFirstResponse(ctx.workspaceId, change.after.id, reply.at);
  },
};
