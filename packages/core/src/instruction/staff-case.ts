/**
 * Shared steps of the back-office use cases on one case (qualification and instruction): find the
 * case the staff member may see, run a lifecycle command through the domain, and record it.
 * Not a use case itself: every caller checks its own permission first.
 */
import type { StaffActor } from "@accord/auth";
import { cases, customerUsers, mediations, type Tx } from "@accord/db";
import {
  isTerminal,
  requiredPermission,
  transition,
  type CaseCommand,
  type CaseEvent,
  type CaseKind,
  type CaseStatus,
  type Permission,
} from "@accord/domain";
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { actorRef, SYSTEM } from "../audit/actor-ref";
import { appendCaseEvents, type NewCaseEvent } from "../audit/append-case-events";
import { AppError } from "../errors";
import { refreshCaseSla } from "../sla/case-sla";

export type StaffCaseRow = typeof cases.$inferSelect;

/** A case reference as typed in a URL or a form (LIT-2026-000123). */
export const caseReferenceSchema = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .regex(/^LIT-[0-9]{4}-[0-9]{6}$/, "casePage.caseForm.error.reference");

/**
 * A mediator (and nothing else) sees only the cases they mediate: those where they are the internal
 * mediator of a mediation (issue 12; assigning a case no longer opens it to them). Every other staff
 * role that reads cases sees them all.
 */
export function seesOnlyMediatedCases(actor: StaffActor): boolean {
  return actor.roles.every((role) => role === "mediator");
}

/**
 * The one condition on `cases` of every staff read: for a mediator, the cases they mediate; for any
 * other staff member, none (undefined).
 */
export function staffCaseScope(actor: StaffActor): SQL | undefined {
  if (!seesOnlyMediatedCases(actor)) return undefined;
  return sql`exists (select 1 from ${mediations} where ${mediations.caseId} = ${cases.id} and ${mediations.mediatorUserId} = ${actor.userId})`;
}

/** The case by reference as this staff member may see it (FOR UPDATE when `lock`), or not_found. */
export async function findStaffCase(tx: Tx, actor: StaffActor, reference: string, options: { lock?: boolean } = {}): Promise<StaffCaseRow> {
  const scope = staffCaseScope(actor);
  const query = tx
    .select()
    .from(cases)
    .where(and(eq(cases.reference, reference), scope));
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) throw new AppError("not_found");
  return row;
}

/** Whether the actor holds `permission` (no throw). */
export function holds(actor: StaffActor, permission: Permission): boolean {
  return actor.permissions.includes(permission);
}

/** A terminal case (closed, withdrawn, rejected, duplicate) takes no more work. */
export function assertOpen(row: StaffCaseRow): void {
  if (isTerminal(row.status as CaseStatus)) {
    throw new AppError("invalid_transition", { messageKey: "casePage.caseWork.error.caseEnded", params: { status: row.status } });
  }
}

/** Events of the domain as rows of the case's chain (status changes carry payload.from/to). */
export function chainEventsOf(events: readonly CaseEvent[], visibility: NewCaseEvent["visibility"]): NewCaseEvent[] {
  return events.map((event) => ({ type: event.type, visibility, payload: { from: event.from, to: event.to, ...event.data } }));
}

/**
 * Runs a lifecycle command: the permission the domain names for this status, the domain's decision
 * (a refusal says why), the new status and kind on the row, the events, and the SLA refresh.
 * `actor` null is the system (the SLA sweeps, ADR 0032): no permission to hold, events by `system`.
 * Returns the new status and kind.
 */
export async function applyCommand(
  tx: Tx,
  options: {
    actor: StaffActor | null;
    row: StaffCaseRow;
    command: CaseCommand;
    now: Date;
    visibility?: NewCaseEvent["visibility"];
    /** Extra column changes written with the new status. */
    set?: Partial<typeof cases.$inferInsert>;
    /** Extra events appended after the domain's. */
    extraEvents?: NewCaseEvent[];
  },
): Promise<{ status: CaseStatus; kind: CaseKind }> {
  const { actor, row, command, now } = options;
  const status = row.status as CaseStatus;
  const permission = requiredPermission(status, command.type);
  if (actor && permission && !holds(actor, permission)) throw new AppError("forbidden");
  const result = transition({ status, kind: row.kind as CaseKind, reference: row.reference }, command, {
    at: now,
    ...(actor ? { actor: { kind: "staff" as const, roles: actor.roles } } : {}),
  });
  if (!result.ok) throw AppError.fromDomain(result.error);
  await tx
    .update(cases)
    .set({
      status: result.state.status,
      kind: result.state.kind,
      updatedAt: now,
      ...(result.state.status === "closed" ? { closedAt: now } : {}),
      ...options.set,
    })
    .where(eq(cases.id, row.id));
  await appendCaseEvents(tx, {
    caseId: row.id,
    actor: actor ? actorRef(actor) : SYSTEM,
    at: now,
    events: [...chainEventsOf(result.events, options.visibility ?? "public"), ...(options.extraEvents ?? [])],
  });
  await refreshCaseSla(tx, row.id, now);
  return { status: result.state.status, kind: result.state.kind };
}

/**
 * Records the first response (a public reply or a customer-visible status change by staff) if the
 * case has none yet. Call before `refreshCaseSla` (applyCommand refreshes after its own update).
 */
export async function markFirstResponse(tx: Tx, caseId: string, now: Date): Promise<boolean> {
  const updated = await tx
    .update(cases)
    .set({ firstRespondedAt: now })
    .where(and(eq(cases.id, caseId), isNull(cases.firstRespondedAt)))
    .returning({ id: cases.id });
  return updated.length > 0;
}

/** The customer contact of a case (for e-mails): address, name, language. */
export async function caseContact(tx: Tx, row: StaffCaseRow) {
  const [contact] = await tx
    .select({ id: customerUsers.id, email: customerUsers.email, name: customerUsers.name, language: customerUsers.language })
    .from(customerUsers)
    .where(eq(customerUsers.id, row.customerContactId));
  if (!contact) throw new AppError("not_found");
  return contact;
}

/** Bumps nothing, reads the case's current version (for idempotency keys of e-mails). */
export async function caseVersion(tx: Tx, caseId: string): Promise<number> {
  const [row] = await tx.select({ version: sql<number>`${cases.version}` }).from(cases).where(eq(cases.id, caseId));
  return row?.version ?? 0;
}

/** Splits a textarea into its non-empty lines (reasons, items). */
export function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}
