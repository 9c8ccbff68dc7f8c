import type { IsoDate } from "@accord/domain";

/**
 * What the dashboard shows (ADR 0040): one object per panel, each computed by one SQL query (never
 * one per case) that agrees with the domain's KPI function of the same name on the same records.
 * Rates are percentages 0–100, means exact; a figure is `null` when its population is empty (the page
 * shows "—"). Money is integer cents in EUR. Every panel's series has one entry per bucket of the
 * scope, in order, empty buckets included.
 */

/** A figure of the gains with the same figure over the previous period of the same length. */
export interface Trend {
  readonly current: number | null;
  readonly previous: number | null;
  /** `(current − previous) × 100 / previous`; null when either is null or previous is 0. */
  readonly changePercent: number | null;
}

export interface Compliance {
  readonly met: number;
  readonly breached: number;
  readonly pending: number;
  readonly rate: number | null;
}

export interface VolumePanel {
  /** Cases received in the period. */
  readonly received: number;
  /** Cases open at the end of the period (or now, when earlier). */
  readonly backlog: number;
  readonly series: readonly { readonly key: IsoDate; readonly received: number; readonly ended: number; readonly backlog: number }[];
}

export interface MttrPanel {
  /** Cases resolved in the period (`resolved_at` in it). */
  readonly count: number;
  readonly calendarMinutes: number | null;
  readonly businessMinutes: number | null;
  readonly series: readonly {
    readonly key: IsoDate;
    readonly count: number;
    readonly calendarMinutes: number | null;
    readonly businessMinutes: number | null;
  }[];
}

export interface SlaPanel {
  /** Over the cases received in the period; pending ones are left out of the rates. */
  readonly firstResponse: Compliance;
  readonly resolution: Compliance;
  readonly series: readonly { readonly key: IsoDate; readonly firstResponseRate: number | null; readonly resolutionRate: number | null }[];
}

export interface ParetoPanel {
  /** Over the cases received in the period. */
  readonly classified: number;
  readonly unclassified: number;
  readonly rows: readonly {
    readonly rootCause: string;
    readonly label: string;
    readonly count: number;
    readonly percent: number;
    readonly cumulativePercent: number;
  }[];
}

export interface RecurrencePanel {
  /**
   * Per root cause, over the cases received in the period: the cases, and the recurring ones (the
   * account already had a case with the same root cause received in the 365 days before).
   */
  readonly rows: readonly {
    readonly rootCause: string;
    readonly label: string;
    readonly cases: number;
    readonly recurring: number;
    readonly accounts: number;
  }[];
  /** Cases per bucket of the (at most 5) most frequent root causes. */
  readonly series: readonly { readonly rootCause: string; readonly label: string; readonly counts: readonly number[] }[];
}

export interface AmountsPanel {
  /** Disputed amounts of the cases received in the period. */
  readonly exposedCents: number;
  /** Credited, recovered, legal costs of the cases resolved in the period. */
  readonly creditedCents: number;
  readonly recoveredCents: number;
  readonly legalCostsCents: number;
  /** Disputed amounts of the cases still open at `asOf` (cash tied up). */
  readonly openExposedCents: number;
  readonly series: readonly { readonly key: IsoDate; readonly exposedCents: number; readonly creditedCents: number; readonly recoveredCents: number }[];
}

export interface DsoPanel {
  /** Σ amount × days on hold of the disputed invoices' amounts, counted within the period up to `asOf`. */
  readonly amountCents: number;
  readonly centDays: number;
  readonly averageDays: number | null;
}

export interface ResolutionChannelsPanel {
  /** Over the cases decided in the period (an outcome recorded in it). */
  readonly decided: number;
  readonly amicable: number;
  readonly litigation: number;
  readonly amicableRate: number | null;
  readonly litigationRate: number | null;
  readonly legalCostsCents: number;
  /** Amicable cases × the configured average cost of a litigated case. */
  readonly legalCostsAvoidedCents: number | null;
}

export interface NpsPanel {
  /** Over the survey answers given in the period. */
  readonly responses: number;
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
  readonly nps: number | null;
  readonly series: readonly { readonly key: IsoDate; readonly responses: number; readonly nps: number | null }[];
}

export interface ChurnPanel {
  /** Accounts with a dispute resolved in the period whose window has ended by `asOf`. */
  readonly windowDays: number;
  readonly accounts: number;
  readonly churned: number;
  readonly rate: number | null;
}

export interface CorrectiveEffectivenessPanel {
  /** Actions done in the period whose "after" window ended by `asOf`. */
  readonly windowDays: number;
  readonly before: number;
  readonly after: number;
  readonly reductionPercent: number | null;
  readonly actions: readonly {
    readonly id: string;
    readonly title: string;
    readonly caseReference: string;
    readonly rootCause: string;
    readonly label: string;
    readonly doneAt: Date;
    readonly before: number;
    readonly after: number;
    readonly reductionPercent: number | null;
  }[];
}

export interface GainsPanel {
  /** (time recorded × hourly cost + legal costs) ÷ cases resolved, per period. */
  readonly costPerDisputeCents: Trend;
  /** Decisions of the period granting a credit while the case has no root cause. */
  readonly creditNotesWithoutRootCause: Trend;
  readonly creditNotesWithoutRootCauseCents: Trend;
  /** Contractual penalties paid in the decisions of the period. */
  readonly penaltiesPaidCents: Trend;
}

export interface KpiDashboard {
  readonly volume: VolumePanel;
  readonly mttr: MttrPanel;
  readonly sla: SlaPanel;
  readonly pareto: ParetoPanel;
  readonly recurrence: RecurrencePanel;
  readonly amounts: AmountsPanel;
  readonly dso: DsoPanel;
  readonly resolutionChannels: ResolutionChannelsPanel;
  readonly nps: NpsPanel;
  readonly churn: ChurnPanel;
  readonly corrective: CorrectiveEffectivenessPanel;
  readonly gains: GainsPanel;
}
