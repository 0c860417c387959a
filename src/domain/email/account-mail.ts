import type { EmailStatus } from './email-message.js';

export type AccountMailPurpose = 'invitation' | 'password_reset';

/** An invitation or password-reset link mailed to its person; rendered when the link was made, sent later by the worker. */
export interface AccountMail {
  id: string;
  workspaceId: string;
  userId: string;
  purpose: AccountMailPurpose;
  recipient: string;
  subject: string;
  text: string;
  html: string;
  status: EmailStatus;
  attempts: number;
  nextAttemptAt: number | null;
  lastError: string | null;
  createdAt: number;
  sentAt: number | null;
}
