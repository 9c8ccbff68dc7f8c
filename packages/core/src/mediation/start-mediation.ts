import { customerAccounts, mediations, staffUsers, type ContractClauses } from "@accord/db";
import { checkMediationStart, type CaseKind, type CaseStatus } from "@accord/domain";
import { eq } from "drizzle-orm";
import { requireStaff } from "../access";
import { queueEmail } from "../email/queue-email";
import { AppError } from "../errors";
import { applyCommand, caseContact, findStaffCase, markFirstResponse } from "../instruction/staff-case";
import { portalCaseUrl } from "../settlement/settlement-case";
import type { UseCaseArgs } from "../use-case";
import type { StartMediationInput } from "./schemas";

export { startMediationSchema, type StartMediationInput } from "./schemas";

/**
 * A supervisor refers a case to mediation: an internal mediator (an active staff member with the
 * mediator role, who from now on sees this case) or an external one (named with their organisation,
 * e-mail and the referral's reference; no account is created for them). A case that has ended is
 * refused with its own message. The case goes to `mediation` (public event), and the customer is
 * told in plain words what happens next. Returns the account's mediation clause, shown beside the form.
 */
export async function startMediation({ db, actor, input, now, portalUrl }: UseCaseArgs<StartMediationInput, { portalUrl: string }>) {
  const staff = requireStaff(actor, "mediation:start");
  return db.transaction(async (tx) => {
    const row = await findStaffCase(tx, staff, input.reference, { lock: true });
    const refusal = checkMediationStart({ status: row.status as CaseStatus, kind: row.kind as CaseKind });
    if (refusal) throw AppError.fromDomain(refusal);
    let mediator: { name: string; organisation: string | null };
    if (input.kind === "internal") {
      const [user] = await tx.select({ id: staffUsers.id, name: staffUsers.name, roles: staffUsers.roles, active: staffUsers.active }).from(staffUsers).where(eq(staffUsers.id, input.mediatorUserId!));
      if (!user || !user.active || !user.roles.includes("mediator")) {
        throw new AppError("validation", { messageKey: "mediation.error.mediator_not_available", fieldErrors: { mediatorUserId: ["mediation.error.mediator_not_available"] } });
      }
      mediator = { name: user.name, organisation: null };
    } else {
      mediator = { name: input.externalName!, organisation: input.externalOrganisation! };
    }
    const [mediation] = await tx
      .insert(mediations)
      .values({
        caseId: row.id,
        kind: input.kind,
        mediatorUserId: input.kind === "internal" ? input.mediatorUserId! : null,
        externalName: input.kind === "external" ? input.externalName! : null,
        externalOrganisation: input.kind === "external" ? input.externalOrganisation! : null,
        externalEmail: input.kind === "external" ? input.externalEmail! : null,
        externalReference: input.kind === "external" ? (input.externalReference ?? null) : null,
        startedAt: now,
        startedById: staff.userId,
        createdAt: now,
      })
      .returning();
    await markFirstResponse(tx, row.id, now);
    await applyCommand(tx, {
      actor: staff,
      row,
      command: { type: "start_mediation", mediator: mediator.name, organisation: mediator.organisation, mediationKind: input.kind, mediationId: mediation!.id },
      now,
      extraEvents:
        input.kind === "external"
          ? [{ type: "mediation_referral", visibility: "internal", payload: { mediationId: mediation!.id, email: input.externalEmail!, referralReference: input.externalReference ?? null } }]
          : [],
    });
    const contact = await caseContact(tx, row);
    await queueEmail(tx, {
      to: contact.email,
      template: "mediation-started",
      language: contact.language,
      props: { name: contact.name, reference: row.reference, mediatorName: mediator.name, mediatorOrganisation: mediator.organisation, caseUrl: portalCaseUrl(portalUrl, row.reference) },
      idempotencyKey: `mediation-started:${mediation!.id}`,
      caseId: row.id,
      now,
    });
    const [account] = await tx.select({ clauses: customerAccounts.clauses }).from(customerAccounts).where(eq(customerAccounts.id, row.accountId));
    return { reference: row.reference, mediationId: mediation!.id, clause: (account?.clauses as ContractClauses | undefined)?.mediation ?? null };
  });
}
