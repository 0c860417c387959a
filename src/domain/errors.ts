/**
 * The one registry of coded errors. Every error a client can see is listed here with its HTTP
 * status; the HTTP boundary maps anything else to `internal_error`.
 */
export const ERROR_CODES = {
  validation_failed: { status: 400, message: 'The request does not match the schema.' },
  malformed_json: { status: 400, message: 'The body is not valid JSON.' },
  json_too_deep: { status: 400, message: 'The JSON body is nested too deeply.' },
  invalid_text: { status: 400, message: 'The body contains text that cannot be stored (bytes that are not UTF-8, NUL or an unpaired surrogate).' },
  invalid_cursor: { status: 400, message: 'The pagination cursor is not valid.' },
  invalid_email: { status: 400, message: 'The body is not an RFC 822 message with a From address.' },
  unauthorized: { status: 401, message: 'A valid bearer token is required.' },
  sign_in_failed: { status: 401, message: 'The e-mail address or password is wrong, or the account is paused after too many attempts.' },
  two_factor_failed: { status: 401, message: 'The code is wrong or already used, or the sign-in step has expired.' },
  forbidden: { status: 403, message: 'This token may not do that.' },
  csrf_invalid: { status: 403, message: 'A signed-in browser must send the CSRF token of its session with every change.' },
  link_invalid: { status: 403, message: 'This link is not valid; use the newest link you were sent.' },
  sso_failed: { status: 401, message: 'Signing in through the identity provider did not succeed; try again.' },
  sso_email_unverified: { status: 403, message: 'The identity provider did not vouch for an e-mail address.' },
  sso_domain_not_allowed: { status: 403, message: 'This e-mail domain may not sign in to the workspace.' },
  sso_state_mismatch: { status: 403, message: 'The sign-in answer does not belong to a sign-in this browser started.' },
  sso_nonce_mismatch: { status: 403, message: 'The identity provider\'s token was not made for this sign-in.' },
  not_an_approver: { status: 403, message: 'You are not among the approvers of this approval.' },
  route_not_found: { status: 404, message: 'No such route.' },
  ticket_not_found: { status: 404, message: 'No such ticket.' },
  article_not_found: { status: 404, message: 'No such knowledge-base article.' },
  agent_not_found: { status: 404, message: 'No such agent.' },
  workspace_not_found: { status: 404, message: 'No such workspace.' },
  ticket_type_not_found: { status: 404, message: 'No such ticket type.' },
  token_not_found: { status: 404, message: 'No such token.' },
  user_not_found: { status: 404, message: 'No such user in this workspace.' },
  sso_not_configured: { status: 404, message: 'The workspace has no single sign-on.' },
  mail_not_configured: { status: 404, message: 'This server sends no mail; ask an admin of the workspace for a password reset link.' },
  session_not_found: { status: 404, message: 'No such session.' },
  automation_not_found: { status: 404, message: 'No such automation.' },
  canned_response_not_found: { status: 404, message: 'No such canned response.' },
  handoff_not_found: { status: 404, message: 'The ticket has no hand-off.' },
  offer_not_found: { status: 404, message: 'No such offer.' },
  approval_not_found: { status: 404, message: 'No such approval.' },
  policy_version_not_found: { status: 404, message: 'No such policy version.' },
  business_hours_not_found: { status: 404, message: 'No such business hours.' },
  sla_policy_not_found: { status: 404, message: 'No such SLA policy.' },
  webhook_not_found: { status: 404, message: 'No such webhook.' },
  webhook_delivery_not_found: { status: 404, message: 'No such webhook delivery.' },
  template_not_found: { status: 404, message: 'No such workflow template.' },
  email_message_not_found: { status: 404, message: 'No such e-mail.' },
  mailbox_not_found: { status: 404, message: 'No such mailbox.' },
  link_expired: { status: 410, message: 'This link has expired; ask for a new one.' },
  method_not_allowed: { status: 405, message: 'That method is not allowed here.' },
  version_conflict: { status: 409, message: 'The resource was changed by someone else; reload it and try again.' },
  offer_expired: { status: 409, message: 'The offer expired before it was answered.' },
  offer_not_pending: { status: 409, message: 'The offer was already answered or withdrawn.' },
  approval_not_awaiting: { status: 409, message: 'The approval was already approved, rejected or cancelled.' },
  approval_already_voted: { status: 409, message: 'You already answered this approval.' },
  business_hours_in_use: { status: 409, message: 'SLA policies still count in these business hours.' },
  webhook_disabled: { status: 409, message: 'The webhook is turned off; enable it first.' },
  last_admin: { status: 409, message: 'The workspace would be left without an admin who can sign in.' },
  two_factor_enabled: { status: 409, message: 'Two-factor sign-in is on already; switch it off first to enrol a new device.' },
  two_factor_not_started: { status: 409, message: 'Two-factor sign-in is not set up; start enrolment first.' },
  user_exists: { status: 409, message: 'This person is a member of the workspace already.' },
  email_opted_out: { status: 409, message: 'The recipient has opted out of notification mail.' },
  already_rated: { status: 409, message: 'This resolution of the request was already rated.' },
  rating_not_open: { status: 409, message: 'Only a resolved request can be rated.' },
  request_closed: { status: 409, message: 'This request is closed; send a new one instead.' },
  idempotency_request_in_progress: { status: 409, message: 'A request with this idempotency key is still in progress.' },
  body_too_large: { status: 413, message: 'The body is larger than the limit.' },
  unsupported_media_type: { status: 415, message: 'Send the body as application/json.' },
  idempotency_key_reused: { status: 422, message: 'This idempotency key was already used with a different request.' },
  invalid_policy: { status: 422, message: 'The routing policy has mistakes; none of it was saved.' },
  invalid_business_hours: { status: 422, message: 'The business hours have mistakes; nothing was saved.' },
  invalid_sla_policy: { status: 422, message: 'The SLA policy has mistakes; nothing was saved.' },
  invalid_transition: { status: 422, message: 'The ticket cannot move to that status from its current one.' },
  invalid_reference: { status: 422, message: 'The request refers to something that does not exist.' },
  invalid_merge: { status: 422, message: 'Those tickets cannot be merged.' },
  invalid_link: { status: 422, message: 'That link is not allowed.' },
  invalid_ticket_type: { status: 422, message: 'The ticket type has mistakes; nothing was saved.' },
  invalid_fields: { status: 422, message: "Some field values do not fit the ticket type's fields." },
  invalid_escalation: { status: 422, message: 'The escalation config has mistakes; nothing was saved.' },
  invalid_automation: { status: 422, message: 'The automation has mistakes; nothing was saved.' },
  invalid_approval: { status: 422, message: 'The approval request has mistakes; nothing was saved.' },
  invalid_canned_response: { status: 422, message: 'The canned response has mistakes; nothing was saved.' },
  invalid_email_template: { status: 422, message: 'The e-mail template has mistakes; nothing was saved.' },
  invalid_scenario: { status: 422, message: 'The simulation scenario has mistakes; nothing was run.' },
  invalid_call_log: { status: 422, message: 'The call log cannot be calibrated from as mapped; nothing was written.' },
  invalid_history: { status: 422, message: 'The workspace\'s ticket history cannot be calibrated from; nothing was run.' },
  invalid_staffing_request: { status: 422, message: 'The staffing request has mistakes; nothing was planned.' },
  invalid_template: { status: 422, message: 'The workflow template has mistakes; nothing was applied.' },
  webhook_target_refused: { status: 422, message: 'The webhook URL is not http(s) or reaches a loopback, private or link-local address.' },
  mailbox_host_refused: { status: 422, message: 'The mailbox host does not resolve or reaches a loopback, private or link-local address.' },
  invalid_mailbox: { status: 422, message: 'The mailbox settings are inconsistent; nothing was saved.' },
  invalid_value: { status: 422, message: 'A value is out of range or inconsistent.' },
  weak_password: { status: 422, message: 'The password is too short, too common or the e-mail address.' },
  no_training_data: { status: 422, message: 'There are no resolved tickets to learn from.' },
  too_few_classes: { status: 422, message: 'Training needs at least two classes with enough examples each.' },
  invalid_range: { status: 422, message: 'The time range is empty or inverted: `from` must be before `to`.' },
  range_too_large: { status: 422, message: 'The time range is longer than a report covers.' },
  challenge_failed: { status: 422, message: 'The form could not be accepted; reload the page and try again.' },
  rate_limited: { status: 429, message: 'Too many requests; slow down.' },
  submitted_too_fast: { status: 429, message: 'The form was sent too quickly; wait a moment and send it again.' },
  internal_error: { status: 500, message: 'Something went wrong on our side.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** A failure the client can act on: a code from the registry, a message and optional details. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message?: string, details?: unknown) {
    super(message ?? ERROR_CODES[code].message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}

/** Builds a DomainError; reads better at call sites than `new`. */
export function fail(code: ErrorCode, message?: string, details?: unknown): DomainError {
  return new DomainError(code, message, details);
}
