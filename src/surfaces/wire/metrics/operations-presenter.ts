import type { OperationsSnapshot } from '../../../commands/metrics/operations-snapshot.js';
import type { WorkspaceCount } from '../../../domain/store/metrics-store.js';
import type { MetricFamily, Sample } from '../../http/prometheus.js';

/** One gauge per workspace, 0 where the store counted nothing. */
function perWorkspace(snapshot: OperationsSnapshot, counts: readonly WorkspaceCount[]): Sample[] {
  const byId = new Map(counts.map((c) => [c.workspaceId, c.count]));
  return snapshot.workspaces.map((w) => ({ labels: { workspace: w.slug }, value: byId.get(w.id) ?? 0 }));
}

/**
 * The operational gauges of `GET /metrics` (see docs/metrics.md): waiting work and its age per
 * queue, available agents, pending offers, breached open tickets, open tickets per status, and the
 * webhook deliveries waiting in the outbox.
 */
export function operationsFamilies(snapshot: OperationsSnapshot): MetricFamily[] {
  const slugOf = new Map(snapshot.workspaces.map((w) => [w.id, w.slug]));
  const queues = snapshot.state.queues.filter((q) => slugOf.has(q.workspaceId))
    .sort((a, b) => a.workspaceId.localeCompare(b.workspaceId) || (a.queue ?? '').localeCompare(b.queue ?? ''));
  const queueLabels = (q: (typeof queues)[number]) => ({ workspace: slugOf.get(q.workspaceId)!, queue: q.queue ?? '' });
  return [
    {
      name: 'switchboard_queue_waiting_tickets',
      help: 'Tickets waiting in the queue for an agent (status queued, no assignee). queue="" holds tickets without a queue.',
      samples: queues.map((q) => ({ labels: queueLabels(q), value: q.waiting })),
    },
    {
      name: 'switchboard_queue_oldest_waiting_seconds',
      help: 'Age of the oldest ticket waiting in the queue, from its creation.',
      samples: queues.map((q) => ({ labels: queueLabels(q), value: Math.max(0, (snapshot.at - q.oldestCreatedAt) / 1000) })),
    },
    { name: 'switchboard_agents_available', help: 'Agents whose presence is available.', samples: perWorkspace(snapshot, snapshot.state.agentsAvailable) },
    { name: 'switchboard_offers_pending', help: 'Offers waiting for an agent to accept or decline.', samples: perWorkspace(snapshot, snapshot.state.offersPending) },
    { name: 'switchboard_sla_breached_open_tickets', help: 'Open tickets that have breached an SLA target.', samples: perWorkspace(snapshot, snapshot.state.slaBreachedOpen) },
    {
      name: 'switchboard_open_tickets',
      help: 'Tickets not resolved or closed, per status.',
      samples: snapshot.state.openTickets.filter((c) => slugOf.has(c.workspaceId))
        .map((c) => ({ labels: { workspace: slugOf.get(c.workspaceId)!, status: c.label ?? '' }, value: c.count })),
    },
    { name: 'switchboard_webhook_backlog', help: 'Webhook deliveries waiting in the outbox to be sent or retried.', samples: perWorkspace(snapshot, snapshot.webhookBacklog) },
    { name: 'switchboard_email_backlog', help: 'Notification mails waiting in the outbox to be sent or retried.', samples: perWorkspace(snapshot, snapshot.emailBacklog) },
  ];
}
