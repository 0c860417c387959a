// The API's answers as the dashboard reads them, typed from the server's own schemas (the ones
// /openapi.json publishes): a change of the wire shape fails this build. Type imports only, so
// nothing of the server reaches the bundle.
import type { Static } from 'typebox';
import type { PolicyError } from '../../../src/domain/routing/policy';
import type { AgentOutput } from '../../../src/surfaces/wire/agents/agent-schemas';
import type { ApprovalOutput } from '../../../src/surfaces/wire/approvals/approval-schemas';
import type { SearchHitOutput } from '../../../src/surfaces/wire/kb/kb-schemas';
import type {
  AgentWorkOutput, ExplanationOutput, OfferOutput, PolicyOutput, TicketRoutingOutput,
} from '../../../src/surfaces/wire/routing/routing-schemas';
import type { TicketTypeOutput } from '../../../src/surfaces/wire/ticket-types/ticket-type-schemas';
import type {
  CommentOutput, EventOutput, TicketOutput,
} from '../../../src/surfaces/wire/tickets/ticket-schemas';
import type { MeOutput } from '../../../src/surfaces/wire/tokens/token-schemas';
import type { SignInChallengeOutput } from '../../../src/surfaces/wire/users/two-factor-schemas';
import type { SignInOutput } from '../../../src/surfaces/wire/users/user-schemas';
import type { WorkloadOutput } from '../../../src/surfaces/wire/workload/workload-schemas';

export type Me = Static<typeof MeOutput>;
export type Role = Me['role'];
/** A person's own language and time zone (null follows the browser). */
export type PersonalPreferences = Pick<Me, 'language' | 'time_zone'>;
/** The password was right and the second step comes next. */
export type SignInChallenge = Static<typeof SignInChallengeOutput>;
/** What a password sign-in (or a password set through a link) answers: a session, or the second step. */
export type PasswordAnswer = Static<typeof SignInOutput> | SignInChallenge;

/** A page of a list (`PageOf` on the server). */
export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

export type Ticket = Static<typeof TicketOutput>;
export type Customer = NonNullable<Ticket['customer']>;
export type SlaMetric = NonNullable<Ticket['sla']>['metrics'][number];
export type Comment = Static<typeof CommentOutput>;
export type HistoryEvent = Static<typeof EventOutput>;

export type Agent = Static<typeof AgentOutput>;
export type Offer = Static<typeof OfferOutput>;
export type AgentWork = Static<typeof AgentWorkOutput>;
export type Workload = Static<typeof WorkloadOutput>;

export type RoutingExplanation = Static<typeof ExplanationOutput>;
export type Candidate = RoutingExplanation['candidates'][number];
export type TicketRouting = Static<typeof TicketRoutingOutput>;

export type SearchHit = Static<typeof SearchHitOutput>;

export type PolicyVersion = Static<typeof PolicyOutput>;
export type PolicyDocument = PolicyVersion['policy'];
export type PolicyQueue = PolicyDocument['queues'][number];
export type PolicyRule = PolicyDocument['rules'][number];
export type PolicyTarget = PolicyDocument['default'];

/** One mistake of a policy (or SLA policy, automation): where, what, and for expressions the place in the text. */
export type PolicyIssue = PolicyError;

/** A ticket type as GET /v1/ticket-types gives it: the document, its version and when it changed. */
export type TicketTypeDefinition = Static<typeof TicketTypeOutput>;

export type Approval = Static<typeof ApprovalOutput>;
export type Approvers = Approval['approvers'];
