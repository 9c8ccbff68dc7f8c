import { businessCalendars, cases, slaPolicies, type DbOrTx } from "@accord/db";
import { businessMinutesBetween, type BusinessCalendar } from "@accord/domain";
import { eq } from "drizzle-orm";
import { businessClockFor } from "./business-clock-for";
import { defaultCalendar } from "./case-sla";

/**
 * The business minutes from `receivedAt` to `resolvedAt` in the calendar of the SLA policy
 * `slaPolicyId` (the default calendar when none, or when the policy is gone), rounded to the minute.
 * The policy is read by id even when deactivated since: the case ran under it.
 */
export async function resolutionBusinessMinutes(db: DbOrTx, facts: { receivedAt: Date; slaPolicyId: string | null }, resolvedAt: Date): Promise<number> {
  let calendar: BusinessCalendar | undefined;
  if (facts.slaPolicyId) {
    const [policy] = await db
      .select({ definition: businessCalendars.definition })
      .from(slaPolicies)
      .innerJoin(businessCalendars, eq(businessCalendars.id, slaPolicies.calendarId))
      .where(eq(slaPolicies.id, facts.slaPolicyId))
      .limit(1);
    calendar = policy?.definition as BusinessCalendar | undefined;
  }
  calendar ??= await defaultCalendar(db);
  const from = facts.receivedAt.getTime() <= resolvedAt.getTime() ? facts.receivedAt : resolvedAt;
  return Math.round(businessMinutesBetween(from, resolvedAt, businessClockFor(calendar)));
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
