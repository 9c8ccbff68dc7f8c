import { customerAccounts, mediations, mediationSessions, staffUsers, type ContractClauses } from "@accord/db";
import { checkMediationStart, conductsMediation, localDate, type CaseKind, type CaseStatus } from "@accord/domain";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { requireStaff } from "../access";
import { findStaffCase, holds } from "../instruction/staff-case";
import type { UseCaseArgs } from "../use-case";
import { mediationActor } from "./mediation-case";

export const getStaffMediationSchema = z.object({ reference: z.string() });
export type GetStaffMediationInput = z.output<typeof getStaffMediationSchema>;

const PARIS = "Europe/Paris";

/**
 * The case page's « Médiation » section: the account's mediation clause, every mediation of the case
 * (latest first) with its sessions (internal and shared), and what this staff member may do now:
 * start one (a supervisor, on a case that allows it, with the active mediators to pick from), record a
 * session or the outcome (the mediation's conductor).
 */
export async function getStaffMediation({ db, actor, input, now }: UseCaseArgs<GetStaffMediationInput>) {
  const staff = requireStaff(actor, "case:read");
  return db.transaction(
    async (tx) => {
      const row = await findStaffCase(tx, staff, input.reference);
      const [account] = await tx.select({ clauses: customerAccounts.clauses }).from(customerAccounts).where(eq(customerAccounts.id, row.accountId));
      const clause = (account?.clauses as ContractClauses | undefined)?.mediation ?? null;
      const rows = await tx.select().from(mediations).where(eq(mediations.caseId, row.id)).orderBy(desc(mediations.startedAt));
      const sessions = rows.length
        ? await tx
            .select()
            .from(mediationSessions)
            .where(inArray(
              mediationSessions.mediationId,
              rows.map((m) => m.id),
            ))
            .orderBy(asc(mediationSessions.heldOn), asc(mediationSessions.createdAt))
        : [];
      const staffIds = [...new Set([...rows.flatMap((m) => [m.mediatorUserId, m.startedById, m.endedById]), ...sessions.map((s) => s.recordedById)].filter((id): id is string => id !== null))];
      const names = new Map(
        staffIds.length ? (await tx.select({ id: staffUsers.id, name: staffUsers.name }).from(staffUsers).where(inArray(staffUsers.id, staffIds))).map((s) => [s.id, s.name]) : [],
      );
      const status = row.status as CaseStatus;
      const mayStart = holds(staff, "mediation:start") && checkMediationStart({ status, kind: row.kind as CaseKind }) === null;
      const mediators = mayStart
        ? await tx
            .select({ id: staffUsers.id, name: staffUsers.name })
            .from(staffUsers)
            .where(and(eq(staffUsers.active, true), sql`'mediator' = any(${staffUsers.roles})`))
            .orderBy(asc(staffUsers.name))
        : [];
      const running = rows.find((m) => m.endedAt === null) ?? null;
      const conducts = running !== null && conductsMediation(running, mediationActor(staff));
      return {
        clause,
        mediations: rows.map((m) => ({
          id: m.id,
          kind: m.kind,
          mediatorName: m.kind === "internal" ? (names.get(m.mediatorUserId ?? "") ?? "") : (m.externalName ?? ""),
          organisation: m.externalOrganisation,
          email: m.externalEmail,
          referralReference: m.externalReference,
          startedAt: m.startedAt,
          startedByName: names.get(m.startedById) ?? "",
          endedAt: m.endedAt,
          outcome: m.outcome,
          nextStep: m.nextStep,
          outcomeNotes: m.outcomeNotes,
          sessions: sessions
            .filter((s) => s.mediationId === m.id)
            .map((s) => ({ id: s.id, heldOn: s.heldOn, participants: s.participants, notes: s.notes, visibility: s.visibility, recordedByName: names.get(s.recordedById) ?? "" })),
        })),
        can: {
          start: mayStart,
          recordSession: conducts,
          recordOutcome: conducts && status === "mediation" && holds(staff, "mediation:outcome"),
        },
        mediators,
        /** The first day a session may be dated (the running mediation's start, in Paris) and the last (today). */
        sessionDates: running ? { min: localDate(running.startedAt, PARIS), max: localDate(now, PARIS) } : null,
      };
    },
    { accessMode: "read only" },
  );
}

export type StaffMediation = Awaited<ReturnType<typeof getStaffMediation>>;
