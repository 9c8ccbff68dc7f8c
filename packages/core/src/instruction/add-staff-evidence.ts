import { z } from "zod";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendCaseEvents } from "../audit/append-case-events";
import { AppError } from "../errors";
import { attachStagedUploads } from "../files/attach-staged-uploads";
import { caseReferenceSchema, findStaffCase, holds } from "./staff-case";
import { idList } from "./post-staff-reply";
import type { UseCaseArgs } from "../use-case";

export const addStaffEvidenceSchema = z.object({
  reference: caseReferenceSchema,
  /** `public`: shared with the customer (portal); `internal`: staff only, never in the portal or an e-mail. */
  visibility: z.enum(["public", "internal"], { error: "casePage.evidence.error.visibility" }),
  uploadIds: idList.pipe(z.array(z.string()).min(1, "casePage.evidence.error.noFile")),
});
export type AddStaffEvidenceInput = z.output<typeof addStaffEvidenceSchema>;

/**
 * Files added by staff, shared with the customer or internal. Sharing needs `case:reply` (it speaks
 * to the customer), an internal file `case:note`. The event has the file's visibility, so an internal
 * file's name never reaches the customer's timeline.
 */
export async function addStaffEvidence({ db, actor, input, now }: UseCaseArgs<AddStaffEvidenceInput>) {
  const staff = requireStaff(actor, "case:read");
  const value = input;
  if (!holds(staff, value.visibility === "public" ? "case:reply" : "case:note")) throw new AppError("forbidden");
  return db.transaction(async (tx) => {
    const row = await findStaffCase(tx, staff, value.reference, { lock: true });
    const files = await attachStagedUploads(tx, {
      uploadIds: value.uploadIds,
      uploader: { kind: "staff", id: staff.userId },
      caseId: row.id,
      visibility: value.visibility,
      now,
      field: "uploadIds",
    });
    await appendCaseEvents(tx, {
      caseId: row.id,
      actor: actorRef(staff),
      at: now,
      events: [
        {
          type: "staff_evidence_added",
          visibility: value.visibility,
          payload: { visibility: value.visibility, evidence: files.map((f) => ({ id: f.id, fileName: f.fileName })) },
        },
      ],
    });
    return { evidenceIds: files.map((f) => f.id) };
  });
}
