import { cases, evidenceRequests } from "@accord/db";
import { decideEvidenceRequest, localDate, type CaseKind, type CaseStatus } from "@accord/domain";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendCaseEvents } from "../audit/append-case-events";
import { queueEmail } from "../email/queue-email";
import { AppError } from "../errors";
import { refreshCaseSla } from "../sla/case-sla";
import { assertOpen, caseContact, caseReferenceSchema, findStaffCase, linesOf, markFirstResponse } from "../instruction/staff-case";
import type { UseCaseArgs } from "../use-case";

export const EVIDENCE_ITEMS_MAX = 20;
export const EVIDENCE_ITEM_MAX_LENGTH = 300;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An evidence request as the back-office form sends it: items (a textarea with one item per line),
 * an optional message to the customer, a due date (a calendar day, today or later).
 */
export const requestEvidenceSchema = z.object({
  reference: caseReferenceSchema,
  items: z
    .string({ error: "validation.required" })
    .transform(linesOf)
    .pipe(
      z
        .array(z.string().max(EVIDENCE_ITEM_MAX_LENGTH, "validation.tooLong"))
        .min(1, "validation.required")
        .max(EVIDENCE_ITEMS_MAX, "evidenceRequest.error.tooManyItems"),
    ),
  message: z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), z.string().trim().max(5000, "validation.tooLong").optional()),
  dueDate: z.string({ error: "validation.required" }).trim().min(1, "validation.required").regex(ISO_DATE, "casePage.validation.date"),
});
export type RequestEvidenceInput = z.output<typeof requestEvidenceSchema>;

/**
 * Staff ask the customer for evidence (items and a due date): the case waits on the customer
 * (investigating → awaiting_customer, refused by the domain from any other status; a case already
 * awaiting the customer simply gets one more request), its SLA clock pauses, the request shows as a
 * to-do in the portal, and the customer contact gets the mandatory `information-requested` e-mail.
 */
export async function requestEvidence({ db, actor, input, now, portalUrl }: UseCaseArgs<RequestEvidenceInput, { /** Public base URL of the portal, for the link in the customer's e-mail. */ portalUrl: string }>): Promise<{ requestId: string }> {
  const staff = requireStaff(actor, "case:investigate");
  const { reference, items, message, dueDate } = input;
  if (Number.isNaN(Date.parse(`${dueDate}T00:00:00Z`))) throw new AppError("validation", { fieldErrors: { dueDate: ["casePage.validation.date"] } });
  if (dueDate < localDate(now, "Europe/Paris")) {
    throw new AppError("validation", { messageKey: "evidenceRequest.error.dueDatePast", fieldErrors: { dueDate: ["evidenceRequest.error.dueDatePast"] } });
  }

  return db.transaction(async (tx) => {
    const row = await findStaffCase(tx, staff, reference, { lock: true });
    assertOpen(row);
    // The domain's rule, the one the page reads (`can.requestEvidence`), decides before anything is written.
    const decision = decideEvidenceRequest({ status: row.status as CaseStatus, kind: row.kind as CaseKind, reference: row.reference }, items, {
      at: now,
      actor: { kind: "staff", roles: staff.roles },
    });
    if (!decision.ok) throw AppError.fromDomain(decision.error);
    const [request] = await tx
      .insert(evidenceRequests)
      .values({ caseId: row.id, requestedById: staff.userId, items, message: message ?? null, dueDate, createdAt: now })
      .returning({ id: evidenceRequests.id });
    const requestId = request!.id;
    const details = { requestId, items, dueDate, ...(message ? { message } : {}) };
    // A customer-visible status change by staff is a first response.
    await markFirstResponse(tx, row.id, now);
    if (!decision.statusChange) {
      await appendCaseEvents(tx, { caseId: row.id, actor: actorRef(staff), at: now, events: [{ type: "information_requested", visibility: "public", payload: details }] });
    } else {
      await tx.update(cases).set({ status: decision.statusChange.state.status, updatedAt: now }).where(eq(cases.id, row.id));
      // The domain's event (from/to, items) with the request's id, due date and message.
      await appendCaseEvents(tx, {
        caseId: row.id,
        actor: actorRef(staff),
        at: now,
        events: decision.statusChange.events.map((event) => ({ type: event.type, visibility: "public" as const, payload: { from: event.from, to: event.to, ...event.data, ...details } })),
      });
    }
    // The clock pauses from now on (awaiting_customer).
    await refreshCaseSla(tx, row.id, now);
    const contact = await caseContact(tx, row);
    await queueEmail(tx, {
      to: contact.email,
      template: "information-requested",
      language: contact.language,
      props: { name: contact.name, reference: row.reference, items, message: message ?? null, dueDate, caseUrl: `${portalUrl.replace(/\/+$/, "")}/cases/${row.reference}` },
      idempotencyKey: `information-requested:${requestId}`,
      caseId: row.id,
      now,
    });
    return { requestId };
  });
}
