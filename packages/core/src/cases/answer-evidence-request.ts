import { evidenceRequests } from "@accord/db";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { requireCustomer } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendCaseEvents } from "../audit/append-case-events";
import { AppError } from "../errors";
import { attachStagedUploads } from "../files/attach-staged-uploads";
import { applyCustomerCommand, findCustomerCase } from "./customer-case-scope";
import { MESSAGE_MAX_LENGTH, uploadIdsSchema } from "./post-customer-reply";
import type { UseCaseArgs } from "../use-case";

/** The answer to one evidence request: a text, files, or both (at least one). */
export const answerEvidenceRequestSchema = z
  .object({
    requestId: z.uuid({ error: "error.not_found" }),
    // Absent (a form sends an empty field as absent) or null is no text: the files may be the whole answer.
    text: z
      .string()
      .trim()
      .max(MESSAGE_MAX_LENGTH, "validation.tooLong")
      .nullish()
      .transform((value) => value ?? ""),
    uploadIds: uploadIdsSchema,
  })
  .refine((value) => value.text.length > 0 || value.uploadIds.length > 0, { path: ["text"], error: "cases.error.answerEmpty" });
export type AnswerEvidenceRequestInput = z.output<typeof answerEvidenceRequestSchema>;

/**
 * The customer answers an evidence request of their case, in one transaction: the request is
 * answered (text, who, when), the files are attached to it (public), a public
 * `evidence_request_answered` event is recorded; when no request remains open and the case waits on
 * the customer, the domain's `customer_answered` moves it back to investigating and the SLA clock
 * resumes.
 */
export async function answerEvidenceRequest({ db, actor, input, now }: UseCaseArgs<AnswerEvidenceRequestInput & { reference: string }>): Promise<{ status: string; resumed: boolean }> {
  const customer = requireCustomer(actor, "case:read");
  return db.transaction(async (tx) => {
    const row = await findCustomerCase(tx, customer, input.reference, { forUpdate: true });
    requireCustomer(customer, "case:reply");
    const { requestId, text, uploadIds } = input;
    const [request] = await tx
      .select({ id: evidenceRequests.id, status: evidenceRequests.status })
      .from(evidenceRequests)
      .where(and(eq(evidenceRequests.id, requestId), eq(evidenceRequests.caseId, row.id)))
      .for("update");
    if (!request) throw new AppError("not_found");
    if (request.status !== "open") throw new AppError("conflict", { messageKey: "cases.error.requestClosed" });

    await tx
      .update(evidenceRequests)
      .set({ status: "answered", answeredAt: now, answeredById: customer.userId, answerText: text === "" ? null : text })
      .where(eq(evidenceRequests.id, request.id));
    const files = await attachStagedUploads(tx, {
      uploadIds,
      uploader: { kind: "customer", id: customer.userId },
      caseId: row.id,
      visibility: "public",
      now,
      evidenceRequestId: request.id,
      field: "uploadIds",
    });
    const answered = { type: "evidence_request_answered", visibility: "public" as const, payload: { requestId: request.id, files: files.length } };

    const stillOpen = await tx
      .select({ id: evidenceRequests.id })
      .from(evidenceRequests)
      .where(and(eq(evidenceRequests.caseId, row.id), eq(evidenceRequests.status, "open")))
      .limit(1);
    if (stillOpen.length === 0 && row.status === "awaiting_customer") {
      const status = await applyCustomerCommand(tx, { customer, row, command: { type: "customer_answered" }, now, before: [answered] });
      return { status, resumed: true };
    }
    await appendCaseEvents(tx, { caseId: row.id, actor: actorRef(customer), at: now, events: [answered] });
    return { status: row.status, resumed: false };
  });
}
