import { cases, invoices, type DbOrTx } from "@accord/db";
import { localDate } from "@accord/domain";
import { sql } from "drizzle-orm";
import { kpiCaseConditions, within } from "../kpi-conditions";
import type { KpiScope } from "../kpi-query";
import type { KpiSettings } from "../kpi-settings";
import type { ChurnPanel } from "../kpi-types";

/**
 * Churn after a dispute (the domain's `churnAfterDispute`, window `churnWindowDays`): the disputes are
 * the cases of the filters resolved in the period (`resolved_at`, as a Paris day D) with D at least the
 * window before `asOf`'s Paris day; per account the latest such D counts, and the account churned when
 * none of its invoices (any, the filters apply to cases) was issued in `(D, D + window]`.
 */
export async function churnPanel(db: DbOrTx, scope: KpiScope, settings: KpiSettings): Promise<ChurnPanel> {
  const windowDays = settings.churnWindowDays;
  const asOfDay = localDate(scope.asOf, scope.timeZone);
  const resolvedOn = sql`(${cases.resolvedAt} at time zone ${scope.timeZone})::date`;
  const [row] = await db.execute<{ accounts: number; churned: number }>(sql`
    with dispute as (
      select ${cases.accountId} as account_id, max(${resolvedOn}) as resolved_on
      from ${cases}
      where ${sql.join([...kpiCaseConditions(scope.filters), within(cases.resolvedAt, scope.period)], sql` and `)}
        and ${resolvedOn} <= ${asOfDay}::date - ${windowDays}::int
      group by ${cases.accountId}
    )
    select count(*)::int as accounts,
      count(*) filter (where not exists (
        select 1 from ${invoices} where ${invoices.accountId} = dispute.account_id
          and ${invoices.issueDate} > dispute.resolved_on and ${invoices.issueDate} <= dispute.resolved_on + ${windowDays}::int
      ))::int as churned
    from dispute`);
  const accounts = row?.accounts ?? 0;
  const churned = row?.churned ?? 0;
  return { windowDays, accounts, churned, rate: accounts === 0 ? null : (churned * 100) / accounts };
}
