import { deliverEmail, type FileStore } from "@accord/core";
import type { Db } from "@accord/db";
import type { EmailTransport } from "@accord/email";
import type { Task } from "graphile-worker";
import { z } from "zod";

const payloadSchema = z.object({ emailId: z.uuid() });

/**
 * `send_email`: delivers one outbox e-mail, its attachments read from the file store; a throw makes
 * graphile-worker retry it with backoff.
 */
export function sendEmailTask({ db, transport, store, from }: { db: Db; transport: EmailTransport; store: FileStore; from: string }): Task {
  return async (payload, helpers) => {
    const parsed = payloadSchema.safeParse(payload);
    if (!parsed.success) {
      // Retrying a malformed job cannot help: log it and let it complete.
      helpers.logger.error(`send_email: malformed payload ${JSON.stringify(payload)}`);
      return;
    }
    const { emailId } = parsed.data;
    const result = await deliverEmail({
      db,
      emailId,
      transport,
      store,
      from,
      now: new Date(),
      lastAttempt: helpers.job.attempts >= helpers.job.max_attempts,
    });
    if (result.status === "sent") helpers.logger.info(`send_email: ${emailId} sent via ${transport.name}`);
    else helpers.logger.warn(`send_email: ${emailId} skipped (${result.reason})`);
  };
}
