import { caseDecisions, cases, timeEntries, type DbOrTx } from "@accord/db";
import { trend } from "@accord/domain";
import { sql } from "drizzle-orm";
import { kpiCaseConditions } from "../kpi-conditions";
import type { KpiPeriod, KpiScope } from "../kpi-query";
import type { KpiSettings } from "../kpi-settings";
import type { GainsPanel } from "../kpi-types";

interface PeriodGains {
  readonly costPerDisputeCents: number | null;
  readonly creditNotes: number;
  readonly creditNotesCents: number;
  readonly penaltiesCents: number;
}

/**
 * The gains, for the period and the previous one of the same length, in one statement:
 * - cost per dispute (the domain's `costPerDispute`): the cases of the filters resolved in the period
 *   (`resolved_at`), all the time recorded on them × the hourly cost ÷ 60 rounded half up to the cent
 *   on the total minutes, plus their legal costs, divided by their number (null when none);
 * - credit notes without a confirmed root cause (`creditNotesWithoutRootCause`): the decisions recorded
 *   in the period (`decided_at`) granting a credit (> 0) on a case without a root-cause code;
 * - contractual penalties paid (`penaltiesPaid`): the penalties of the decisions recorded in the period.
 */
export async function gainsPanel(db: DbOrTx, scope: KpiScope, settings: KpiSettings): Promise<GainsPanel> {
  const periodRow = (name: string, period: KpiPeriod) => sql`(${name}::text, ${period.from.toISOString()}::timestamptz, ${period.to.toISOString()}::timestamptz)`;
  const filters = sql.join(kpiCaseConditions(scope.filters), sql` and `);
  const rows = await db.execute<{ name: string; cost_per_dispute_cents: number | null; credit_notes: number; credit_notes_cents: number; penalties_cents: number }>(sql`
    with period (name, from_at, to_at) as (values ${periodRow("current", scope.period)}, ${periodRow("previous", scope.previous)}),
    resolved as (
      select period.name, count(*)::bigint as cases, coalesce(sum(${cases.legalCostsCents}), 0)::bigint as legal_costs_cents,
        coalesce(sum(recorded.minutes), 0)::bigint as minutes
      from ${cases} join period on ${cases.resolvedAt} >= period.from_at and ${cases.resolvedAt} < period.to_at
        cross join lateral (select coalesce(sum(${timeEntries.minutes}), 0) as minutes from ${timeEntries} where ${timeEntries.caseId} = ${cases.id}) as recorded
      where ${filters}
      group by period.name
    ), decided as (
      select period.name,
        count(*) filter (where ${caseDecisions.grantedCents} > 0 and coalesce(${cases.rootCauseCode}, '') = '')::int as credit_notes,
        coalesce(sum(${caseDecisions.grantedCents}) filter (where ${caseDecisions.grantedCents} > 0 and coalesce(${cases.rootCauseCode}, '') = ''), 0)::float8 as credit_notes_cents,
        coalesce(sum(${caseDecisions.penaltiesCents}), 0)::float8 as penalties_cents
      from ${caseDecisions} join ${cases} on ${cases.id} = ${caseDecisions.caseId}
        join period on ${caseDecisions.decidedAt} >= period.from_at and ${caseDecisions.decidedAt} < period.to_at
      where ${filters}
      group by period.name
    )
    select period.name,
      -- half up on non-negative integers: floor((2 · minutes · hourly + 60) / 120)
      case when resolved.cases > 0 then
        (((2 * resolved.minutes * ${settings.hourlyCostCents}::bigint + 60) / 120 + resolved.legal_costs_cents)::float8 / resolved.cases)
      end as cost_per_dispute_cents,
      coalesce(decided.credit_notes, 0) as credit_notes,
      coalesce(decided.credit_notes_cents, 0) as credit_notes_cents,
      coalesce(decided.penalties_cents, 0) as penalties_cents
    from period left join resolved on resolved.name = period.name left join decided on decided.name = period.name`);
  const of = (name: string): PeriodGains => {
    const row = rows.find((r) => r.name === name);
    return {
      costPerDisputeCents: row?.cost_per_dispute_cents ?? null,
      creditNotes: row?.credit_notes ?? 0,
      creditNotesCents: row?.credit_notes_cents ?? 0,
      penaltiesCents: row?.penalties_cents ?? 0,
    };
  };
  const current = of("current");
  const previous = of("previous");
  return {
    costPerDisputeCents: trend(current.costPerDisputeCents, previous.costPerDisputeCents),
    creditNotesWithoutRootCause: trend(current.creditNotes, previous.creditNotes),
    creditNotesWithoutRootCauseCents: trend(current.creditNotesCents, previous.creditNotesCents),
    penaltiesPaidCents: trend(current.penaltiesCents, previous.penaltiesCents),
  };
}
