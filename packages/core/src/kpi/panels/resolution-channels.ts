import { caseDecisions, cases, litigations, type DbOrTx } from "@accord/db";
import { sql } from "drizzle-orm";
import { kpiCaseConditions, within } from "../kpi-conditions";
import type { KpiScope } from "../kpi-query";
import type { KpiSettings } from "../kpi-settings";
import type { ResolutionChannelsPanel } from "../kpi-types";

const percent = (part: number, whole: number): number | null => (whole === 0 ? null : (part * 100) / whole);

/**
 * Amicable vs litigation (the domain's `resolutionChannels`, with the configured cost of a litigated
 * case): over the cases of the filters whose decision was recorded in the period
 * (`case_decisions.decided_at`); litigated = the case has a `litigations` row (handed over to legal,
 * however it ended), amicable = every other decided case. Legal costs are those of the litigated ones.
 */
export async function resolutionChannelsPanel(db: DbOrTx, scope: KpiScope, settings: KpiSettings): Promise<ResolutionChannelsPanel> {
  const [row] = await db.execute<{ decided: number; litigation: number; legal_costs_cents: number }>(sql`
    select count(*)::int as decided,
      count(*) filter (where decided.litigated)::int as litigation,
      coalesce(sum(decided.legal_costs_cents) filter (where decided.litigated), 0)::float8 as legal_costs_cents
    from (
      select ${cases.legalCostsCents} as legal_costs_cents,
        -- One hashed pass over litigations (ADR 0044), not one probe per decided case.
        ${cases.id} in (select ${litigations.caseId} from ${litigations}) as litigated
      from ${caseDecisions} join ${cases} on ${cases.id} = ${caseDecisions.caseId}
      where ${sql.join([...kpiCaseConditions(scope.filters), within(caseDecisions.decidedAt, scope.period)], sql` and `)}
    ) as decided`);
  const decided = row?.decided ?? 0;
  const litigation = row?.litigation ?? 0;
  const amicable = decided - litigation;
  return {
    decided,
    amicable,
    litigation,
    amicableRate: percent(amicable, decided),
    litigationRate: percent(litigation, decided),
    legalCostsCents: Number(row?.legal_costs_cents ?? 0),
    legalCostsAvoidedCents: amicable * settings.litigationCostCents,
  };
}
