import { correctiveActions, staffUsers } from "@accord/db";
import { checkNewCorrectiveAction, isTerminal, type CaseStatus } from "@accord/domain";
import { eq } from "drizzle-orm";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendCaseEvents } from "../audit/append-case-events";
import { findStaffCase } from "../instruction/staff-case";
import { AppError } from "../errors";
import type { UseCaseArgs } from "../use-case";
import type { AddCorrectiveActionInput } from "./schemas";

/**
 * An agent or supervisor adds a corrective action to a case whose root cause is set: a title, an owner
 * among the active staff, a due date. The action fixes the case's root cause as it is now (the cause
 * its effectiveness is measured on). Refused, nothing written, for a deactivated owner.
 */
export async function addCorrectiveAction({ db, actor, input, now }: UseCaseArgs<AddCorrectiveActionInput>) {
  const staff = requireStaff(actor, "case:investigate");
  return db.transaction(async (tx) => {
    const row = await findStaffCase(tx, staff, input.reference, { lock: true });
    const [owner] = await tx.select({ id: staffUsers.id, name: staffUsers.name, active: staffUsers.active }).from(staffUsers).where(eq(staffUsers.id, input.ownerId));
    const refused = checkNewCorrectiveAction({
      rootCauseCode: row.rootCauseCode,
      caseTerminal: isTerminal(row.status as CaseStatus),
      owner: owner ?? null,
      title: input.title,
      dueDate: input.dueDate,
    });
    if (refused) throw AppError.fromDomain(refused, ["title", "ownerId", "dueDate"]);
    const [action] = await tx
      .insert(correctiveActions)
      .values({
        caseId: row.id,
        rootCauseCode: row.rootCauseCode!,
        title: input.title,
        description: input.description === "" ? null : input.description,
        ownerId: owner!.id,
        dueDate: input.dueDate,
        createdById: staff.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: correctiveActions.id });
    await appendCaseEvents(tx, {
      caseId: row.id,
      actor: actorRef(staff),
      at: now,
      events: [
        {
          type: "corrective_action_added",
          visibility: "internal",
          payload: { actionId: action!.id, title: input.title, rootCauseCode: row.rootCauseCode, ownerId: owner!.id, ownerName: owner!.name, dueDate: input.dueDate },
        },
      ],
    });
    return { id: action!.id };
  });
}
