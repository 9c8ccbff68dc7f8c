import { caseLines, cases, type DbOrTx } from "@accord/db";
import { localDate } from "@accord/domain";
import { sql } from "drizzle-orm";
import type { KpiScope } from "../kpi-query";
import type { DsoPanel } from "../kpi-types";
import { caseFilter, instant, num } from "./series-buckets";

/**
 * DSO impact (ADR 0040), the domain's `dsoImpact(holdsWithin(holds, { firstDay, asOf }), asOf)`. A case
 * holds each invoice it contests (its `case_lines`) for the sum of its lines' disputed amounts on that
 * invoice, from its reception day to the day it left the holding statuses (`ended_at`: resolved or
 * ended, the receivables' `holdsInvoices`), open-ended while it holds; days are Europe/Paris days.
 * Each hold is cut to `[period's first day, asOf's day]` and counts when a day is left:
 * amountCents = Σ amounts, centDays = Σ amount × days, averageDays = centDays ÷ amountCents (null when
 * nothing was on hold). One statement.
 */
export async function dsoPanel(db: DbOrTx, scope: KpiScope): Promise<DsoPanel> {
  const firstDay = scope.period.firstDay;
  const asOfDay = localDate(scope.asOf, scope.timeZone);
  const [row] = await db.execute<{ amount: string | null; cent_days: string | null }>(sql`
    with h as (
      select sum(${caseLines.disputedAmountCents}) as amount,
             greatest((${cases.receivedAt} at time zone ${scope.timeZone})::date, ${firstDay}::date) as start_day,
             least(coalesce((${cases.endedAt} at time zone ${scope.timeZone})::date, ${asOfDay}::date), ${asOfDay}::date) as end_day
        from ${caseLines} inner join ${cases} on ${cases.id} = ${caseLines.caseId}
       where ${caseFilter(scope.filters)} and ${cases.receivedAt} < ${instant(scope.period.to)}
         and (${cases.endedAt} is null or ${cases.endedAt} >= ${instant(scope.period.from)})
       group by ${cases.id}, ${caseLines.invoiceId}
    )
    select sum(amount) as amount, sum(amount * (end_day - start_day)) as cent_days from h where end_day > start_day
  `);
  const amountCents = num(row?.amount);
  const centDays = num(row?.cent_days);
  return { amountCents, centDays, averageDays: amountCents === 0 ? null : centDays / amountCents };
}
