/**
 * Records for the KPI panels' agreement tests (issue 15): plain inserts of cases and of what the panels
 * count (decisions, litigations, surveys, time, corrective actions), and the dashboard's filters applied
 * in JavaScript to the rows read back, so a test can hand the same population to the domain. Tests only.
 */
import { caseDecisions, cases, caseSurveys, correctiveActions, customerAccounts, litigations, timeEntries, type DbOrTx } from "@accord/db";
import { insertCase, insertCustomerAccount, insertCustomerUser, insertStaffUser } from "@accord/db/testing";
import type { KpiFilters } from "../kpi/kpi-query";

export type CaseRow = typeof cases.$inferSelect;

/** An account with one contact (cases need one). */
export async function kpiAccount(db: DbOrTx, overrides: Partial<typeof customerAccounts.$inferInsert> = {}) {
  const account = await insertCustomerAccount(db, overrides);
  const contact = await insertCustomerUser(db, { accountId: account.id });
  return { ...account, contactId: contact.id };
}

export async function kpiStaff(db: DbOrTx, name = "Agent KPI") {
  return insertStaffUser(db, { name });
}

/** A case of `account` received at `receivedAt`; an ended status needs `endedAt` (the trigger keeps it). */
export async function kpiCase(db: DbOrTx, account: { id: string; contactId: string }, values: Partial<typeof cases.$inferInsert> & { receivedAt: Date }) {
  return insertCase(db, { accountId: account.id, customerContactId: account.contactId, updatedAt: values.endedAt ?? values.receivedAt, ...values });
}

/** A resolved case with its decision (as record-decision leaves them). */
export async function kpiDecidedCase(
  db: DbOrTx,
  account: { id: string; contactId: string },
  values: Partial<typeof cases.$inferInsert> & { receivedAt: Date; decidedAt: Date; grantedCents?: number; penaltiesCents?: number; outcome?: (typeof caseDecisions.$inferInsert)["outcome"] },
) {
  const { decidedAt, grantedCents = 0, penaltiesCents = 0, outcome = "partially_upheld", ...caseValues } = values;
  const row = await kpiCase(db, account, { status: "resolved", resolvedAt: decidedAt, endedAt: decidedAt, outcome, creditedAmountCents: grantedCents, ...caseValues });
  await db.insert(caseDecisions).values({ caseId: row.id, outcome, grantedCents, penaltiesCents, decidedAt, updatedAt: decidedAt });
  return row;
}

export async function kpiLitigation(db: DbOrTx, caseId: string, staffId: string, handedOverAt: Date) {
  await db.insert(litigations).values({ caseId, reason: "Désaccord persistant", amountAtStakeCents: 100_00, handedOverById: staffId, handedOverAt });
}

export async function kpiSurvey(db: DbOrTx, caseRow: CaseRow, score: number, answeredAt: Date) {
  await db.insert(caseSurveys).values({ caseId: caseRow.id, customerUserId: caseRow.customerContactId, score, answeredAt });
}

export async function kpiTime(db: DbOrTx, caseId: string, staffId: string, minutes: number, spentOn = "2026-03-02") {
  await db.insert(timeEntries).values({ caseId, staffId, minutes, spentOn });
}

export async function kpiCorrectiveAction(
  db: DbOrTx,
  values: { caseId: string; rootCauseCode: string; ownerId: string; title?: string; dueDate?: string; doneAt?: Date | null; createdAt?: Date; waivedAt?: Date },
) {
  const [row] = await db
    .insert(correctiveActions)
    .values({
      caseId: values.caseId,
      rootCauseCode: values.rootCauseCode,
      title: values.title ?? "Renforcer le contrôle",
      ownerId: values.ownerId,
      createdById: values.ownerId,
      dueDate: values.dueDate ?? "2026-03-31",
      status: values.doneAt ? "done" : values.waivedAt ? "waived" : "open",
      doneAt: values.doneAt ?? null,
      doneById: values.doneAt ? values.ownerId : null,
      ...(values.waivedAt ? { waivedAt: values.waivedAt, waivedReason: "Sans objet", waivedById: values.ownerId } : {}),
      ...(values.createdAt ? { createdAt: values.createdAt } : {}),
    })
    .returning();
  return row!;
}

/** Every case, and a predicate of the dashboard's filters over them (as `kpiCaseConditions` in SQL). */
export async function readCases(db: DbOrTx) {
  const rows = await db.select().from(cases);
  const tiers = new Map((await db.select({ id: customerAccounts.id, tier: customerAccounts.tier }).from(customerAccounts)).map((a) => [a.id, a.tier]));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const passes = (row: CaseRow, filters: KpiFilters) =>
    row.status !== "duplicate" &&
    (!filters.type || row.type === filters.type) &&
    (!filters.teamId || row.teamId === filters.teamId) &&
    (!filters.accountId || row.accountId === filters.accountId) &&
    (!filters.channel || row.channel === filters.channel) &&
    (!filters.tier || tiers.get(row.accountId) === filters.tier);
  return { rows, byId, passes };
}

/** `from ≤ at < to`, as `within()` in SQL. */
export const inPeriod = (at: Date | null, period: { from: Date; to: Date }) => at !== null && at >= period.from && at < period.to;
