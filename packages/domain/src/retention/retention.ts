/**
 * How long the authentication records are kept once they are of no use, and so when the daily
 * housekeeping removes them (issue 13). Personal data is kept no longer than its purpose needs (RGPD
 * art. 5.1.e); the sign-in journal is kept six months, the CNIL's recommendation for access logs.
 */
const DAY_MS = 86_400_000;

export const RETENTION = {
  /** An expired session is gone at once: it can never be used again. */
  expiredSessionDays: 0,
  /** A reset link used or expired: one day more, so that « ce lien a déjà été utilisé » can still be told apart from a wrong link. */
  spentResetTokenDays: 1,
  /** An invitation accepted or expired: 30 days, for the company admin who asks what became of it. */
  spentInvitationDays: 30,
  /** Sign-in attempts (e-mail, IP, success): 6 months, for investigating an account takeover. */
  signInAttemptDays: 183,
  /** The ids of webhook events already handled (a replay changes nothing): Resend/Svix retry for about a day; 30 days is ample. */
  webhookEventDays: 30,
} as const;

export interface RetentionCutoffs {
  /** Sessions that expired before this instant go. */
  sessionsExpiredBefore: Date;
  /** Reset tokens used or expired before this instant go. */
  resetTokensSpentBefore: Date;
  /** Invitations accepted or expired before this instant go. */
  invitationsSpentBefore: Date;
  /** Sign-in attempts made before this instant go. */
  signInAttemptsBefore: Date;
  /** Webhook event ids received before this instant go. */
  webhookEventsBefore: Date;
}

/** The instants before which each kind of record is removed, for a housekeeping run at `now`. */
export function retentionCutoffs(now: Date): RetentionCutoffs {
  const daysBefore = (days: number) => new Date(now.getTime() - days * DAY_MS);
  return {
    sessionsExpiredBefore: daysBefore(RETENTION.expiredSessionDays),
    resetTokensSpentBefore: daysBefore(RETENTION.spentResetTokenDays),
    invitationsSpentBefore: daysBefore(RETENTION.spentInvitationDays),
    signInAttemptsBefore: daysBefore(RETENTION.signInAttemptDays),
    webhookEventsBefore: daysBefore(RETENTION.webhookEventDays),
  };
}
