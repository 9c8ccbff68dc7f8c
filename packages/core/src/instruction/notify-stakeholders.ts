import { customerAccounts, staffTeams, staffUsers, teams, type StaffRole } from "@accord/db";
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { z } from "zod";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendCaseEvents } from "../audit/append-case-events";
import { queueEmail } from "../email/queue-email";
import { AppError } from "../errors";
import { caseReferenceSchema, findStaffCase } from "./staff-case";
import { idList } from "./post-staff-reply";
import type { UseCaseArgs } from "../use-case";

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
 * `stakeholder-notified` to each active staff member reached (not the sender), and an internal event
 * naming them (`recipients`). A group or team that reaches no active colleague refuses the notice,
 * naming it.
 */
export async function notifyStakeholders({ db, actor, input, now, backofficeUrl }: UseCaseArgs<NotifyStakeholdersInput, { backofficeUrl?: string }>) {
  const staff = requireStaff(actor, "case:note");
  const value = input;
  return db.transaction(async (tx) => {
    const row = await findStaffCase(tx, staff, value.reference, { lock: true });
    const teamCodes = [...new Set(value.groups.flatMap((g) => STAKEHOLDER_MAP[g].teamCodes))];
    const groupTeams = teamCodes.length ? await tx.select({ id: teams.id, code: teams.code }).from(teams).where(inArray(teams.code, teamCodes)) : [];
    const chosenTeams = value.teamIds.length ? await tx.select({ id: teams.id, name: teams.name }).from(teams).where(inArray(teams.id, value.teamIds)) : [];
    if (chosenTeams.length !== new Set(value.teamIds).size) throw new AppError("validation", { fieldErrors: { teamIds: ["casePage.assign.error.team"] } });
    // every active colleague (not the sender) with their roles and teams: each group and team chosen must reach one
    const colleagues = await tx
      .select({ id: staffUsers.id, email: staffUsers.email, name: staffUsers.name, language: staffUsers.language, roles: staffUsers.roles })
      .from(staffUsers)
      .where(and(eq(staffUsers.active, true), ne(staffUsers.id, staff.userId)))
      .orderBy(asc(staffUsers.name));
    const memberships = await tx.select({ staffId: staffTeams.staffId, teamId: staffTeams.teamId }).from(staffTeams);
    const teamsOf = new Map<string, Set<string>>();
    for (const m of memberships) teamsOf.set(m.staffId, (teamsOf.get(m.staffId) ?? new Set()).add(m.teamId));
    const reachedBy = (roles: readonly StaffRole[], teamIds: readonly string[]) =>
      colleagues.filter((c) => c.roles.some((r) => roles.includes(r)) || teamIds.some((id) => teamsOf.get(c.id)?.has(id)));
    const reached = new Map<string, (typeof colleagues)[number]>();
    const emptyGroups: StakeholderGroup[] = [];
    for (const group of value.groups) {
      const { roles, teamCodes } = STAKEHOLDER_MAP[group];
      const found = reachedBy(roles, groupTeams.filter((t) => teamCodes.includes(t.code)).map((t) => t.id));
      if (found.length === 0) emptyGroups.push(group);
      for (const c of found) reached.set(c.id, c);
    }
    const emptyTeams: string[] = [];
    for (const team of chosenTeams) {
      const found = reachedBy([], [team.id]);
      if (found.length === 0) emptyTeams.push(team.name);
      for (const c of found) reached.set(c.id, c);
    }
    if (emptyGroups.length || emptyTeams.length) {
      // a notice that would reach nobody in a group is refused whole: the sender must know who is told
      throw new AppError("validation", {
        params: { teams: emptyTeams.join(", ") },
        fieldErrors: {
          ...(emptyGroups.length ? { groups: emptyGroups.map((g) => `casePage.stakeholders.nobodyHolds.${g}`) } : {}),
          ...(emptyTeams.length ? { teamIds: ["casePage.stakeholders.nobodyInTeams"] } : {}),
        },
      });
    }
    const recipients = [...reached.values()];
    const [account] = await tx.select({ name: customerAccounts.name }).from(customerAccounts).where(eq(customerAccounts.id, row.accountId));
    const [event] = await appendCaseEvents(tx, {
      caseId: row.id,
      actor: actorRef(staff),
      at: now,
      events: [
        {
          type: "stakeholders_notified",
          visibility: "internal",
          payload: {
            groups: value.groups,
            teamIds: value.teamIds,
            recipientIds: recipients.map((r) => r.id),
            recipients: recipients.map((r) => r.name),
            message: value.message,
          },
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
