/**
 * Shared steps of the litigation's use cases. Not use cases themselves: every caller checks its own
 * access first and runs these inside its transaction.
 */
import type { StaffActor } from "@accord/auth";
import { caseDecisions, litigations, type Tx } from "@accord/db";
import { localDate, type IsoDate, type Outcome } from "@accord/domain";
import { desc, eq } from "drizzle-orm";
import { actorRef } from "../audit/actor-ref";
import type { NewCaseEvent } from "../audit/append-case-events";
import { AppError } from "../errors";
import { attachStagedUploads } from "../files/attach-staged-uploads";
import { applyCommand, type StaffCaseRow } from "../instruction/staff-case";
import { PARIS, queueResolutionEmail, settleInvoices } from "../settlement/settlement-case";
import { resolutionFacts } from "../sla/resolution-facts";

export type LitigationRow = typeof litigations.$inferSelect;

/** Today in Paris: the day a date typed in a form is compared with. */
export const todayInParis = (now: Date) => localDate(now, PARIS) as IsoDate;

/** The case's current litigation (its latest hand-over), locked, or null. */
export async function currentLitigation(tx: Tx, caseId: string): Promise<LitigationRow | null> {
  const [row] = await tx.select().from(litigations).where(eq(litigations.caseId, caseId)).orderBy(desc(litigations.handedOverAt)).limit(1).for("update");
  return row ?? null;
}

/** The litigation of a case in litigation, or `invalid_transition` (the procedure is over, or never began). */
export async function openLitigation(tx: Tx, row: StaffCaseRow): Promise<LitigationRow> {
  const litigation = row.status === "litigation" ? await currentLitigation(tx, row.id) : null;
  if (!litigation) throw new AppError("invalid_transition", { messageKey: "litigation.error.not_in_litigation" });
  return litigation;
}

/**
 * The document of a step: the staff member's staged upload becomes evidence of the case, shared with the
 * customer (public) or internal. With a public event naming the file when shared, so the customer's
 * history shows it and nothing else of the step.
 */
export async function attachStepDocument(tx: Tx, options: { staff: StaffActor; row: StaffCaseRow; uploadIds: readonly string[]; shared: boolean; now: Date }) {
  const [file] = await attachStagedUploads(tx, {
    uploadIds: options.uploadIds,
    uploader: { kind: "staff", id: options.staff.userId },
    caseId: options.row.id,
    visibility: options.shared ? "public" : "internal",
    now: options.now,
    field: "uploadIds",
  });
  const events: NewCaseEvent[] = file && options.shared ? [{ type: "legal_document_shared", visibility: "public", payload: { evidenceId: file.id, fileName: file.fileName } }] : [];
  return { document: file ?? null, events };
}

/**
 * Ends a litigation as a decision ends a case (record-decision): the lifecycle's `resolve` from
 * litigation, the decision row (what is granted), each disputed invoice's new due date, the resolution
 * e-mail, and the ending on the litigation row. The litigation's details stay in internal events.
 */
export async function endLitigation(
  tx: Tx,
  options: {
    staff: StaffActor;
    row: StaffCaseRow;
    litigation: LitigationRow;
    outcome: Extract<Outcome, "judged" | "settled_amicably">;
    grantedCents: number;
    ending: Pick<LitigationRow, "ending" | "settlementAmountCents" | "settlementTerms">;
    events: NewCaseEvent[];
    now: Date;
    portalUrl: string;
  },
) {
  const { staff, row, now, grantedCents } = options;
  const status = await applyCommand(tx, {
    actor: staff,
    row,
    command: { type: "resolve", outcome: options.outcome },
    now,
    set: { ...(await resolutionFacts(tx, row.id, now)), outcome: options.outcome, creditedAmountCents: grantedCents },
    extraEvents: options.events,
  });
  await tx.insert(caseDecisions).values({
    caseId: row.id,
    outcome: options.outcome,
    grantedCents,
    penaltiesCents: 0,
    decidedById: staff.userId,
    decidedAt: now,
    updatedAt: now,
  });
  await tx
    .update(litigations)
    .set({ ...options.ending, endedById: actorRef(staff).id, endedAt: now })
    .where(eq(litigations.id, options.litigation.id));
  const newDueDates = await settleInvoices(tx, { caseId: row.id, creditedCents: grantedCents, resolvedOn: todayInParis(now) });
  await queueResolutionEmail(tx, {
    row,
    decision: { outcome: options.outcome, grantedCents, penaltiesCents: 0, publicRationale: null, creditNoteNumber: null },
    newDueDates,
    portalUrl: options.portalUrl,
    now,
  });
  return { status: status.status, newDueDates };
}
