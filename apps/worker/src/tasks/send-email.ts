import { deliverEmail, type FileStore } from "@accord/core";
import type { Db } from "@accord/db";
import type { EmailTransport, RetryPolicy } from "@accord/email";
import type { Task } from "graphile-worker";
import { z } from "zod";

const payloadSchema = z.object({ emailId: z.uuid(), attempt: z.number().int().min(1).optional() });

/**
 * `send_email`: delivers one outbox e-mail, its attachments read from the file store. A transient
 * failure schedules the next attempt itself (a new job at the backoff's instant, ADR 0033); only an
 * unexpected throw (the database gone) is left to graphile-worker's own retry.
 */
export function sendEmailTask({
  db,
  transport,
  store,
  from,
  retryPolicy,
  inboundDomain,
}: {
  db: Db;
  transport: EmailTransport;
  store: FileStore;
  from: string;
  retryPolicy?: RetryPolicy | undefined;
  /** INBOUND_EMAIL_DOMAIN: customers' e-mails about a case answer to its reply address (ADR 0036). */
  inboundDomain?: string | undefined;
}): Task {
  return async (payload, helpers) => {
    const parsed = payloadSchema.safeParse(payload);
    if (!parsed.success) {
      // Retrying a malformed job cannot help: log it and let it complete.
      helpers.logger.error(`send_email: malformed payload ${JSON.stringify(payload)}`);
      return;
    }
    const { emailId, attempt } = parsed.data;
    const result = await deliverEmail({
      db,
      emailId,
      transport,
      store,
      from,
      now: new Date(),
      ...(attempt !== undefined ? { attempt } : {}),
      ...(retryPolicy ? { retryPolicy } : {}),
      ...(inboundDomain ? { inboundDomain } : {}),
    });
    if (result.status === "sent") helpers.logger.info(`send_email: ${emailId} sent via ${transport.name}`);
    else if (result.status === "retry") helpers.logger.warn(`send_email: ${emailId} failed (${result.error}), next attempt at ${result.at.toISOString()}`);
    else if (result.status === "undelivered") helpers.logger.warn(`send_email: ${emailId} undelivered (${result.reason}: ${result.error})`);
    else if (result.status === "failed") helpers.logger.error(`send_email: ${emailId} given up after the last attempt (${result.error})`);
    else helpers.logger.warn(`send_email: ${emailId} skipped (${result.reason})`);
  };
}
