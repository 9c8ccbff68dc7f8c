/** Sender stored on queued e-mails; the worker's EMAIL_FROM replaces it when it sends. */
export const DEFAULT_EMAIL_FROM = "Accord <no-reply@accord.example>";
/** Delivery attempts before an e-mail is marked failed: the outbox schedules its own retries (ADR 0033); also the job's max_attempts for unexpected errors. */
export const EMAIL_MAX_ATTEMPTS = 10;
export const SEND_EMAIL_TASK = "send_email";
