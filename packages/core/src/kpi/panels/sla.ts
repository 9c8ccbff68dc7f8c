import { cases, type DbOrTx } from "@accord/db";
import { sql } from "drizzle-orm";
import type { KpiScope } from "../kpi-query";
import type { Compliance, SlaPanel } from "../kpi-types";
import { bucketIndex, bucketRows, caseFilter, instant, num, numOrNull } from "./series-buckets";

/**
 * SLA compliance (ADR 0040), the domain's `slaCompliance` over `slaOutcomeOf(computeSla(…, now: asOf))`,
 * on the cases received in the period (each bucket: received in it) that run under an SLA policy —
 * cases without a policy have no target and are left out entirely.
 *
 * Each target's outcome at `asOf`, from the stored instants:
 * - completion: first response = `first_responded_at`, or the case's end when it ended unanswered;
 *   resolution = `ended_at` (resolved, or withdrawn / rejected: the clock's completing statuses);
 * - breached when the stored deadline is reached by `asOf` and not after the completion
 *   (`due ≤ asOf` and `due ≤ completion`: at the deadline itself 100 % has elapsed, the domain's breach);
 * - met when completed by `asOf` and not breached; pending otherwise (running, paused or stopped short).
 *
 * Why the stored `*_due_at` are the right reference: `refreshCaseSla` recomputes them with `computeSla`
 * from the case's whole status history on every change, so they already hold every pause and stop. A
 * running clock stores the instant 100 % will be reached; a paused (awaiting the customer) or stopped
 * (litigation, completed) clock short of its target stores null, because no breach can happen while
 * it does not run; a target reached stores the past instant it was reached. "due ≤ t" is thus "the
 * target's business time had all elapsed at t". The figures are read on the cases as they are now: a
 * case reopened after `asOf` counts as it is now, not as it was then.
 */
export async function slaPanel(db: DbOrTx, scope: KpiScope): Promise<SlaPanel> {
  const asOf = instant(scope.asOf);
  type Tally = { fr_met: number; fr_breached: number; fr_pending: number; re_met: number; re_breached: number; re_pending: number };
  const [row] = await db.execute<Tally & { series: { key: string; fr_met: number; fr_breached: number; re_met: number; re_breached: number }[] | null }>(sql`
    with g as materialized (
      -- One pass over the cases, by bucket of reception and in all (rollup): the groups are all the rest
      -- reads. The total's row is the one grouping() marks (1).
      select grouping(idx) as total, idx,
             count(*) filter (where fr = 'met') as fr_met, count(*) filter (where fr = 'breached') as fr_breached,
             count(*) filter (where fr = 'pending') as fr_pending,
             count(*) filter (where re = 'met') as re_met, count(*) filter (where re = 'breached') as re_breached,
             count(*) filter (where re = 'pending') as re_pending
        from (
          select ${bucketIndex(sql`received_at`, scope)} as idx,
                 case when fr_due <= ${asOf} and (fr_done is null or fr_due <= fr_done) then 'breached'
                      when fr_done <= ${asOf} then 'met' else 'pending' end as fr,
                 case when re_due <= ${asOf} and (re_done is null or re_due <= re_done) then 'breached'
                      when re_done <= ${asOf} then 'met' else 'pending' end as re
            from (
              select ${cases.receivedAt} as received_at,
                     ${cases.firstResponseDueAt} as fr_due, coalesce(${cases.firstRespondedAt}, ${cases.endedAt}) as fr_done,
                     ${cases.resolutionDueAt} as re_due, ${cases.endedAt} as re_done
                from ${cases}
               where ${caseFilter(scope.filters)} and ${cases.slaPolicyId} is not null
                 and ${cases.receivedAt} >= ${instant(scope.period.from)} and ${cases.receivedAt} < ${instant(scope.period.to)}
            ) t
        ) o
       group by rollup (idx)
    )
    select
      t.fr_met::int, t.fr_breached::int, t.fr_pending::int, t.re_met::int, t.re_breached::int, t.re_pending::int,
      (select json_agg(json_build_object('key', b.key, 'fr_met', coalesce(f.fr_met, 0), 'fr_breached', coalesce(f.fr_breached, 0),
                                         're_met', coalesce(f.re_met, 0), 're_breached', coalesce(f.re_breached, 0)) order by b.idx)
         from ${bucketRows(scope)}
         left join g f on f.total = 0 and f.idx = b.idx) as series
    from g t where t.total = 1
  `);
  const rate = (met: number, breached: number) => (met + breached === 0 ? null : (met * 100) / (met + breached));
  const compliance = (met: unknown, breached: unknown, pending: unknown): Compliance => ({
    met: num(met),
    breached: num(breached),
    pending: num(pending),
    rate: rate(num(met), num(breached)),
  });
  return {
    firstResponse: compliance(row?.fr_met, row?.fr_breached, row?.fr_pending),
    resolution: compliance(row?.re_met, row?.re_breached, row?.re_pending),
    series: (row?.series ?? []).map((s) => ({
      key: s.key,
      firstResponseRate: numOrNull(rate(num(s.fr_met), num(s.fr_breached))),
      resolutionRate: numOrNull(rate(num(s.re_met), num(s.re_breached))),
    })),
  };
}
