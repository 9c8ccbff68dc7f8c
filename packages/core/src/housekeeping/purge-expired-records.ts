import { apiIdempotencyKeys, apiRateLimits, invitationTokens, passwordResetTokens, sessions, signInAttempts, webhookEvents, type Db } from "@accord/db";
import { IDEMPOTENCY_KEY_LIFETIME_MS } from "../api/api-idempotency";
import { RATE_LIMIT_WINDOW_MS } from "../api/api-rate-limit";
import { retentionCutoffs } from "@accord/domain";
import { and, isNotNull, lt, or } from "drizzle-orm";

/** graphile-worker task name (the worker runs it every night). */
export const PURGE_EXPIRED_RECORDS_TASK = "purge_expired_records";

export interface PurgedRecords {
  sessions: number;
  resetTokens: number;
  invitations: number;
  signInAttempts: number;
  webhookEvents: number;
  /** The public API's idempotency keys past their 24 h, and its rate-limit counts of ended windows. */
  idempotencyKeys: number;
  rateLimitWindows: number;
}

/**
 * The nightly housekeeping of authentication records (issue 13): expired sessions, reset links and
 * invitations used or expired, sign-in attempts past their retention, and the ids of webhook events
 * handled long ago (`retentionCutoffs` in
 * @accord/domain). One transaction: a run is whole or nothing, and running it twice removes nothing
 * more. Once a night these small tables are read whole: no index is needed for it.
 */
export async function purgeExpiredRecords({ db, now }: { db: Db; now: Date }): Promise<PurgedRecords> {
  const cutoff = retentionCutoffs(now);
  return db.transaction(async (tx) => {
    const removedSessions = await tx.delete(sessions).where(lt(sessions.expiresAt, cutoff.sessionsExpiredBefore)).returning({ id: sessions.id });
    const removedResetTokens = await tx
      .delete(passwordResetTokens)
      .where(
        or(
          lt(passwordResetTokens.expiresAt, cutoff.resetTokensSpentBefore),
          and(isNotNull(passwordResetTokens.usedAt), lt(passwordResetTokens.usedAt, cutoff.resetTokensSpentBefore)),
        ),
      )
      .returning({ id: passwordResetTokens.id });
    const removedInvitations = await tx
      .delete(invitationTokens)
      .where(
        or(
          lt(invitationTokens.expiresAt, cutoff.invitationsSpentBefore),
          and(isNotNull(invitationTokens.acceptedAt), lt(invitationTokens.acceptedAt, cutoff.invitationsSpentBefore)),
        ),
      )
      .returning({ id: invitationTokens.id });
    const removedAttempts = await tx.delete(signInAttempts).where(lt(signInAttempts.at, cutoff.signInAttemptsBefore)).returning({ id: signInAttempts.id });
    const removedWebhookEvents = await tx.delete(webhookEvents).where(lt(webhookEvents.receivedAt, cutoff.webhookEventsBefore)).returning({ id: webhookEvents.eventId });
    const removedIdempotencyKeys = await tx
      .delete(apiIdempotencyKeys)
      .where(lt(apiIdempotencyKeys.createdAt, new Date(now.getTime() - IDEMPOTENCY_KEY_LIFETIME_MS)))
      .returning({ id: apiIdempotencyKeys.id });
    const removedWindows = await tx
      .delete(apiRateLimits)
      .where(lt(apiRateLimits.windowStart, new Date(now.getTime() - RATE_LIMIT_WINDOW_MS)))
      .returning({ principal: apiRateLimits.principal });
    return {
      sessions: removedSessions.length,
      resetTokens: removedResetTokens.length,
      invitations: removedInvitations.length,
      signInAttempts: removedAttempts.length,
      webhookEvents: removedWebhookEvents.length,
      idempotencyKeys: removedIdempotencyKeys.length,
      rateLimitWindows: removedWindows.length,
    };
  });
}
