import { businessCalendars, cases, slaPolicies, type DbOrTx } from "@accord/db";
import { businessMinutesBetween, type BusinessCalendar } from "@accord/domain";
import { and, asc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { businessClockFor } from "./business-clock-for";
import { defaultCalendar } from "./case-sla";

/**
 * The calendar of the SLA policy `policyId`, read by id even when the policy is deactivated since (the
 * case ran under it); the default calendar when there is none or it is gone.
 */
async function calendarOfPolicy(db: DbOrTx, policyId: string | null): Promise<BusinessCalendar> {
  if (policyId) {
    const [policy] = await db
      .select({ definition: businessCalendars.definition })
      .from(slaPolicies)
      .innerJoin(businessCalendars, eq(businessCalendars.id, slaPolicies.calendarId))
      .where(eq(slaPolicies.id, policyId))
      .limit(1);
    if (policy) return policy.definition as BusinessCalendar;
  }
  return defaultCalendar(db);
}

/** Business minutes from reception to resolution (never negative), rounded to the minute: the column is whole minutes. */
function minutesBetween(receivedAt: Date, resolvedAt: Date, calendar: BusinessCalendar): number {
  const from = receivedAt.getTime() <= resolvedAt.getTime() ? receivedAt : resolvedAt;
  return Math.round(businessMinutesBetween(from, resolvedAt, businessClockFor(calendar)));
}

/** The business minutes from `receivedAt` to `resolvedAt` in the calendar of the SLA policy `slaPolicyId`. */
export async function resolutionBusinessMinutes(db: DbOrTx, facts: { receivedAt: Date; slaPolicyId: string | null }, resolvedAt: Date): Promise<number> {
  return minutesBetween(facts.receivedAt, resolvedAt, await calendarOfPolicy(db, facts.slaPolicyId));
}

/**
 * What every use case that resolves a case writes with it (ADR 0040): `resolved_at`, and the business
 * minutes from reception to it in the case's SLA calendar, which the KPI's business MTTR averages
 * (SQL cannot run a calendar). Spread into the `set` of the resolving command, in its transaction.
 */
export async function resolutionFacts(db: DbOrTx, caseId: string, resolvedAt: Date): Promise<{ resolvedAt: Date; resolutionBusinessMinutes: number }> {
  const [row] = await db.select({ receivedAt: cases.receivedAt, slaPolicyId: cases.slaPolicyId }).from(cases).where(eq(cases.id, caseId)).limit(1);
  if (!row) throw new Error(`resolutionFacts: no case ${caseId}`);
  return { resolvedAt, resolutionBusinessMinutes: await resolutionBusinessMinutes(db, row, resolvedAt) };
}

/**
 * Writes the business minutes of the resolved cases that have none (resolved before they were stored
 * with `resolved_at`, migration 0022), in batches of `batchSize`, one UPDATE per batch; returns how
 * many it wrote. Idempotent: for the release's migration step, or once by hand.
 */
export async function backfillResolutionBusinessMinutes(db: DbOrTx, batchSize = 500): Promise<number> {
  const calendars = new Map<string | null, BusinessCalendar>();
  let written = 0;
  for (;;) {
    const rows = await db
      .select({ id: cases.id, receivedAt: cases.receivedAt, resolvedAt: cases.resolvedAt, slaPolicyId: cases.slaPolicyId })
      .from(cases)
      .where(and(isNotNull(cases.resolvedAt), isNull(cases.resolutionBusinessMinutes)))
      .orderBy(asc(cases.id))
      .limit(batchSize);
    if (rows.length === 0) return written;
    const values = [];
    for (const row of rows) {
      let calendar = calendars.get(row.slaPolicyId);
      if (!calendar) calendars.set(row.slaPolicyId, (calendar = await calendarOfPolicy(db, row.slaPolicyId)));
      values.push(sql`(${row.id}::uuid, ${minutesBetween(row.receivedAt, row.resolvedAt!, calendar)}::integer)`);
    }
    const updated = await db
      .update(cases)
      .set({ resolutionBusinessMinutes: sql`v.minutes` })
      .from(sql`(values ${sql.join(values, sql`, `)}) as v(id, minutes)`)
      .where(eq(cases.id, sql`v.id`))
      .returning({ id: cases.id });
    if (updated.length === 0) return written;
    written += updated.length;
  }
}
