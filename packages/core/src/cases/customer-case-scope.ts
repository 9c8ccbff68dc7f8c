import type { CustomerActor } from "@accord/auth";
import { cases, type DbOrTx, type Tx } from "@accord/db";
import { transition, type CaseCommand, type CaseKind, type CaseStatus } from "@accord/domain";
import { and, eq, type SQL } from "drizzle-orm";
import { actorRef } from "../audit/actor-ref";
import { appendCaseEvents, type NewCaseEvent } from "../audit/append-case-events";
import { AppError } from "../errors";
import { refreshCaseSla } from "../sla/case-sla";

/**
 * The cases a customer user may see, as a SQL condition: a member sees the cases whose contact
 * they are, an admin and a viewer every case of their account. Always scoped by the account too,
 * so a forgotten check fails closed.
 */
export function customerCaseScope(customer: CustomerActor): SQL {
  const account = eq(cases.accountId, customer.accountId);
  return customer.role === "member" ? and(account, eq(cases.customerContactId, customer.userId))! : account;
}

const REFERENCE = /^LIT-[0-9]{4}-[0-9]{6}$/;

/** The case a customer names by reference, or not_found (never a hint that another account's case exists). */
export async function findCustomerCase(db: DbOrTx, customer: CustomerActor, reference: string, options: { forUpdate?: boolean } = {}) {
  const normalised = String(reference ?? "").trim().toUpperCase();
  if (!REFERENCE.test(normalised)) throw new AppError("not_found");
  const query = db
    .select({
      id: cases.id,
      reference: cases.reference,
      accountId: cases.accountId,
      customerContactId: cases.customerContactId,
      assigneeId: cases.assigneeId,
      status: cases.status,
      kind: cases.kind,
      title: cases.title,
      currency: cases.currency,
      disputedAmountCents: cases.disputedAmountCents,
    })
    .from(cases)
    .where(and(eq(cases.reference, normalised), customerCaseScope(customer)))
    .limit(1);
  const [row] = options.forUpdate ? await query.for("update") : await query;
  if (!row) throw new AppError("not_found");
  return row;
}

export type CustomerCaseRow = Awaited<ReturnType<typeof findCustomerCase>>;

/**
 * Runs a lifecycle command asked by a customer: the domain decides (a refusal says why, in the
 * domain's words), the new status is written, the domain's events are appended (public, with
 * payload.from/to) after `before`, and the SLA is refreshed. The case row must be locked.
 */
export async function applyCustomerCommand(
  tx: Tx,
  options: {
    customer: CustomerActor;
    row: CustomerCaseRow;
    command: CaseCommand;
    now: Date;
    before?: NewCaseEvent[];
    after?: NewCaseEvent[];
    /** Extra column changes written with the new status. */
    set?: Partial<typeof cases.$inferInsert>;
  },
): Promise<CaseStatus> {
  const { customer, row, command, now } = options;
  const result = transition({ status: row.status as CaseStatus, kind: row.kind as CaseKind, reference: row.reference }, command, {
    at: now,
    actor: { kind: "customer", role: customer.role },
  });
  if (!result.ok) throw AppError.fromDomain(result.error);
  await tx
    .update(cases)
    .set({ status: result.state.status, updatedAt: now, ...options.set })
    .where(eq(cases.id, row.id));
  await appendCaseEvents(tx, {
    caseId: row.id,
    actor: actorRef(customer),
    at: now,
    events: [
      ...(options.before ?? []),
      ...result.events.map((event) => ({ type: event.type, visibility: "public" as const, payload: { from: event.from, to: event.to, ...event.data } })),
      ...(options.after ?? []),
    ],
  });
  await refreshCaseSla(tx, row.id, now);
  return result.state.status;
}

