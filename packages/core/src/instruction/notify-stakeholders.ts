import type { Actor } from "@accord/auth";
import { customerAccounts, staffTeams, staffUsers, teams, type Db, type StaffRole } from "@accord/db";
import { and, arrayOverlaps, eq, inArray, ne, or } from "drizzle-orm";
import { z } from "zod";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendCaseEvents } from "../audit/append-case-events";
import { queueEmail } from "../email/queue-email";
import { AppError } from "../errors";
import { caseReferenceSchema, findStaffCase } from "./staff-case";
import { idList } from "./post-staff-reply";

export const STAKEHOLDER_GROUPS = ["sales", "operations", "finance", "legal"] as const;
export type StakeholderGroup = (typeof STAKEHOLDER_GROUPS)[number];

/**
 * Who a stakeholder group reaches, in the roles and teams that exist. Sales has no role of its own:
 * supervisors own the customer relationship in Accord and relay to sales; operations are the quality
 * and logistics teams.
 */
export const STAKEHOLDER_MAP: Readonly<Record<StakeholderGroup, { roles: StaffRole[]; teamCodes: string[] }>> = {
  sales: { roles: ["supervisor"], teamCodes: ["sales"] },
  operations: { roles: [], teamCodes: ["quality", "logistics", "operations"] },
  finance: { roles: ["finance"], teamCodes: ["billing", "finance"] },
  legal: { roles: ["legal"], teamCodes: ["legal"] },
};

const groupList = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.enum(STAKEHOLDER_GROUPS, { error: "casePage.stakeholders.error.group" })),
);

export const notifyStakeholdersSchema = z
  .object({
    reference: caseReferenceSchema,
    groups: groupList,
    teamIds: idList,
    message: z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(5000, "validation.tooLong"),
  })
  .refine((v) => v.groups.length + v.teamIds.length > 0, { path: ["groups"], message: "casePage.stakeholders.error.nobody" });
export type NotifyStakeholdersInput = z.output<typeof notifyStakeholdersSchema>;

/**
 * Tells colleagues about a case (by stakeholder group or team) with a message: the internal e-mail
 * `stakeholder-notified` to each active staff member reached (not the sender), and an internal event.
 */
export async function notifyStakeholders({
  db,
  actor,
  input,
  now,
  backofficeUrl,
}: {
  db: Db;
  actor: Actor | null;
  input: NotifyStakeholdersInput;
  now: Date;
  backofficeUrl?: string;
}) {
  const staff = requireStaff(actor, "case:note");
  const value = input;
  return db.transaction(async (tx) => {
    const row = await findStaffCase(tx, staff, value.reference, { lock: true });
    const roles = [...new Set(value.groups.flatMap((g) => STAKEHOLDER_MAP[g].roles))];
    const teamCodes = [...new Set(value.groups.flatMap((g) => STAKEHOLDER_MAP[g].teamCodes))];
    const groupTeams = teamCodes.length ? await tx.select({ id: teams.id }).from(teams).where(inArray(teams.code, teamCodes)) : [];
    if (value.teamIds.length) {
      const known = await tx.select({ id: teams.id }).from(teams).where(inArray(teams.id, value.teamIds));
      if (known.length !== new Set(value.teamIds).size) throw new AppError("validation", { fieldErrors: { teamIds: ["casePage.assign.error.team"] } });
    }
    const teamIds = [...new Set([...groupTeams.map((t) => t.id), ...value.teamIds])];
    const members = teamIds.length ? await tx.select({ staffId: staffTeams.staffId }).from(staffTeams).where(inArray(staffTeams.teamId, teamIds)) : [];
    const byTeam = members.map((m) => m.staffId);
    const reach = [roles.length ? arrayOverlaps(staffUsers.roles, roles) : undefined, byTeam.length ? inArray(staffUsers.id, byTeam) : undefined].filter(
      (c) => c !== undefined,
    );
    const recipients = reach.length
      ? await tx
          .select({ id: staffUsers.id, email: staffUsers.email, name: staffUsers.name, language: staffUsers.language })
          .from(staffUsers)
          .where(and(eq(staffUsers.active, true), ne(staffUsers.id, staff.userId), or(...reach)))
      : [];
    if (recipients.length === 0) throw new AppError("validation", { fieldErrors: { groups: ["casePage.stakeholders.error.nobody"] } });
    const [account] = await tx.select({ name: customerAccounts.name }).from(customerAccounts).where(eq(customerAccounts.id, row.accountId));
    const [event] = await appendCaseEvents(tx, {
      caseId: row.id,
      actor: actorRef(staff),
      at: now,
      events: [
        {
          type: "stakeholders_notified",
          visibility: "internal",
          payload: { groups: value.groups, teamIds: value.teamIds, recipientIds: recipients.map((r) => r.id), message: value.message },
        },
      ],
    });
    for (const recipient of recipients) {
      await queueEmail(tx, {
        to: recipient.email,
        template: "stakeholder-notified",
        language: recipient.language,
        props: {
          name: recipient.name,
          reference: row.reference,
          title: row.title,
          accountName: account?.name ?? "",
          sentBy: staff.name,
          message: value.message,
          caseUrl: backofficeUrl ? new URL(`cases/${row.reference}`, backofficeUrl).toString() : null,
        },
        idempotencyKey: `stakeholder-notified:${row.id}:${event}:${recipient.id}`,
        caseId: row.id,
        now,
      });
    }
    return { recipients: recipients.map((r) => ({ id: r.id, name: r.name })) };
  });
}
