import { createHash } from "node:crypto";
import {
  apiKeys,
  caseDecisions,
  caseEvents,
  caseLines,
  cases,
  caseSurveys,
  correctiveActions,
  customerAccounts,
  customerUsers,
  invoiceLines,
  invoices,
  legalCosts,
  litigations,
  staffUsers,
  teams,
  timeEntries,
  type CasePriority,
  type CaseStatus,
  type CaseType,
  type Tx,
} from "@accord/db";
import {
  addBusinessMinutes,
  BusinessClock,
  businessMinutesBetween,
  chainEvent,
  computeSla,
  GENESIS_HASH,
  localDate,
  type StatusChange,
} from "@accord/domain";
import { inArray, sql } from "drizzle-orm";
import { loadEscalationSettings } from "../admin/get-escalation-settings";
import { caseEventContent } from "../audit/append-case-events";
import { defaultCalendar, loadSlaPolicies } from "../sla/case-sla";
import {
  CHANNEL_WEIGHTS,
  HISTORY_MONTHS,
  HISTORY_SEED,
  LEGAL_COSTS,
  LEMOINE_ACCOUNT,
  LEMOINE_PRODUCTS,
  OTHER_CAUSES,
  PRODUCTS_OF_TYPE,
  SEASONALITY,
  SEVERITY_WEIGHTS,
  STORY_ACTIONS,
  TITLES,
  TYPE_OF_CAUSE,
  type RootCauseCode,
} from "./demo-history-data";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH_DAYS = 30.44;
const TZ = "Europe/Paris";
/** One working day of the default calendar, in business minutes. */
const WORKDAY = 480;
/** How many cases stay open (all received in the last weeks, none due within 3 business days). */
const OPEN_CASES = 10;

/** mulberry32: a tiny seeded PRNG, so the same `now` always gives the same history (never Math.random). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const between = (rng: Rng, min: number, max: number) => min + (max - min) * rng();
const intBetween = (rng: Rng, min: number, max: number) => Math.floor(between(rng, min, max + 1));
const pick = <T>(rng: Rng, values: readonly T[]): T => values[Math.floor(rng() * values.length)]!;
function weighted<T>(rng: Rng, values: readonly { value: T; weight: number }[]): T {
  let u = rng() * values.reduce((s, v) => s + v.weight, 0);
  for (const v of values) {
    u -= v.weight;
    if (u < 0) return v.value;
  }
  return values.at(-1)!.value;
}
/** Linear interpolation of `a → b` as `x` goes from `x0` to `x1` (clamped). */
function lerp(x: number, x0: number, x1: number, a: number, b: number): number {
  const t = Math.min(1, Math.max(0, (x - x0) / (x1 - x0)));
  return a + (b - a) * t;
}
const max = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);
const min = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b);

type Outcome = "settled_amicably" | "upheld" | "partially_upheld" | "rejected" | "withdrawn" | "judged";
type StaffKey = "agent" | "supervisor" | "legal";

interface PlannedInvoice {
  number: string;
  issuedAt: Date;
  lines: { productIndex: number; quantity: number; unitPriceCents: number; lotNumber: string | null }[];
}

interface PlannedEvent {
  type: string;
  at: Date;
  actor: { kind: "customer" | "staff" | "system"; key: StaffKey | "contact" | null };
  visibility: "public" | "internal";
  payload: Record<string, unknown>;
  /** Filled once the corrective action exists (its id goes in the payload). */
  actionIndex?: number;
}

interface PlannedCase {
  receivedAt: Date;
  cause: RootCauseCode;
  type: CaseType;
  priority: CasePriority;
  channel: (typeof CHANNEL_WEIGHTS)[number]["value"];
  kind: "claim" | "dispute";
  title: string;
  contact: 0 | 1;
  assignee: StaffKey | null;
  lines: { invoiceIndex: number; lineIndex: number; contestedQuantity: number | null; contestedUnitPriceCents: number | null; computedCents: number; disputedCents: number }[];
  disputedCents: number;
  open: boolean;
  status: CaseStatus;
  qualifiedAt: Date;
  investigatingAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  outcome: Outcome | null;
  rootCause: RootCauseCode | null;
  grantedCents: number;
  recoveredCents: number;
  penaltiesCents: number;
  creditNote: { number: string; issuedOn: string } | null;
  litigation: { handedOverAt: Date; ending: "judged" | "settled_out_of_court"; costs: { label: string; amountCents: number; on: string }[] } | null;
  survey: { score: number; at: Date } | null;
  time: { minutes: number; on: string; staff: StaffKey }[];
  lastStaffAt: Date;
  events: PlannedEvent[];
}

interface PlannedAction {
  caseIndex: number;
  rootCauseCode: RootCauseCode;
  title: string;
  createdAt: Date;
  dueDate: string;
  doneAt: Date | null;
}

/** The history as plain data (no ids): built from `now` and the seed only. */
export interface DemoHistoryPlan {
  invoices: PlannedInvoice[];
  cases: PlannedCase[];
  actions: PlannedAction[];
}

/**
 * Plans the 18 months of Lemoine's history (pure: `now`, the calendar and the SLA policies in, data out).
 * The story: late deliveries lead until a carrier change ≈ 8 months ago and then nearly vanish; the
 * volume falls by ≈ 40 %, the mean time to resolve from ≈ 12 to ≈ 4 days, the first responses get
 * faster, credit notes without a confirmed root cause become rare, NPS climbs from ≈ 0 to ≈ +40.
 */
export function planDemoHistory(options: {
  now: Date;
  clock: BusinessClock;
  policies: Map<CasePriority, { firstResponseMinutes: number; resolutionMinutes: number }>;
  warningShare: number;
}): DemoHistoryPlan {
  const { now, clock } = options;
  const rng = mulberry32(HISTORY_SEED);
  const totalDays = Math.round(HISTORY_MONTHS * MONTH_DAYS);

  // Invoices: every 14 days from 19 months back (the first claims need an invoice before them).
  const invoicesPlan: PlannedInvoice[] = [];
  for (let daysAgo = totalDays + 30, n = 1; daysAgo >= 1; daysAgo -= 14, n++) {
    const issuedAt = new Date(now.getTime() - daysAgo * DAY);
    const year = localDate(issuedAt, TZ).slice(0, 4);
    invoicesPlan.push({
      number: `FA-${year}-L${String(n).padStart(4, "0")}`,
      issuedAt,
      lines: LEMOINE_PRODUCTS.map((p, productIndex) => ({
        productIndex,
        quantity: Math.max(4, Math.round(p.quantity * between(rng, 0.8, 1.2))),
        unitPriceCents: p.unitPriceCents,
        lotNumber: p.lot ? `${p.lot}-${localDate(issuedAt, TZ).slice(2, 7).replace("-", "")}${String(n % 10)}` : null,
      })),
    });
  }

  // Reception instants: per day and per cause, a smooth expected rate (trend × seasonality × weekday),
  // accumulated so that a case is filed each time a cause's running sum crosses a whole number.
  const acc = new Map<RootCauseCode, number>();
  const receptions: { at: Date; cause: RootCauseCode }[] = [];
  for (let daysAgo = totalDays; daysAgo >= 0; daysAgo--) {
    const dayAt = new Date(now.getTime() - daysAgo * DAY);
    const day = localDate(dayAt, TZ);
    const monthsAgo = daysAgo / MONTH_DAYS;
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    const season = SEASONALITY[Number(day.slice(5, 7)) - 1]!;
    const weekFactor = weekday === 0 || weekday === 6 ? 0.25 : 1.3;
    const noise = between(rng, 0.7, 1.3);
    const perDay = (perMonth: number) => (perMonth / MONTH_DAYS) * season * weekFactor * noise;
    // late deliveries: ≈ 14 a month until the carrier change, then ≈ 2.5 within six weeks
    const late = monthsAgo >= 8 ? 14 : lerp(monthsAgo, 8, 6.5, 14, 2.5);
    const others = lerp(monthsAgo, HISTORY_MONTHS, 0, 30, 19);
    const rates: [RootCauseCode, number][] = [["late_delivery", perDay(late)], ...OTHER_CAUSES.map((c): [RootCauseCode, number] => [c.code, perDay(others * c.weight)])];
    for (const [cause, rate] of rates) {
      let value = (acc.get(cause) ?? 0) + rate;
      while (value >= 1) {
        value -= 1;
        // between 7:00 and 18:00 in Paris (≈ 6:00–17:00 UTC), never after `now`
        const [y, m, d] = day.split("-").map(Number) as [number, number, number];
        let at = new Date(Date.UTC(y, m - 1, d, 6, 0) + Math.floor(rng() * 11 * 60) * MINUTE);
        if (at.getTime() > now.getTime() - 30 * MINUTE) at = new Date(now.getTime() - (30 + Math.floor(rng() * 240)) * MINUTE);
        receptions.push({ at, cause });
      }
      acc.set(cause, value);
    }
  }
  receptions.sort((a, b) => a.at.getTime() - b.at.getTime());

  const creditNoteCounter = { n: 0 };
  const planned = receptions.map((r, index) => planCase(rng, r, index >= receptions.length - OPEN_CASES));
  // Open cases must not fall due (warning or deadline) within 3 business days: re-plan the ones that would as closed.
  const horizon = addBusinessMinutes(now, 3 * WORKDAY, clock);
  for (const c of planned) if (c.open && !openSlaIsSafe(c)) Object.assign(c, planCase(mulberry32(c.receivedAt.getTime() >>> 0), { at: c.receivedAt, cause: c.cause }, false));

  const actions = planActions();
  for (const c of planned) finishEvents(c);
  return { invoices: invoicesPlan, cases: planned, actions };

  function planCase(rng: Rng, r: { at: Date; cause: RootCauseCode }, open: boolean): PlannedCase {
    const receivedAt = r.at;
    const monthsAgo = (now.getTime() - receivedAt.getTime()) / DAY / MONTH_DAYS;
    const progress = 1 - monthsAgo / HISTORY_MONTHS;
    const type = TYPE_OF_CAUSE[r.cause] ?? pick(rng, ["quality", "delivery", "price_billing"] as const);
    let priority = weighted(rng, SEVERITY_WEIGHTS);
    const channel = weighted(rng, CHANNEL_WEIGHTS);
    const contact: 0 | 1 = rng() < 0.7 ? 1 : 0;
    const assignee: StaffKey = rng() < 0.6 ? "agent" : "supervisor";

    // The invoice: the last one issued at least two days before the claim (or the one before it).
    let invoiceIndex = invoicesPlan.findLastIndex((i) => i.issuedAt.getTime() <= receivedAt.getTime() - 2 * DAY);
    if (invoiceIndex > 0 && rng() < 0.3) invoiceIndex -= 1;
    const invoice = invoicesPlan[Math.max(0, invoiceIndex)]!;
    const lineIndexes = [pick(rng, PRODUCTS_OF_TYPE[type])];
    if (rng() < 0.15) {
      const second = pick(rng, PRODUCTS_OF_TYPE[type]);
      if (second !== lineIndexes[0]) lineIndexes.push(second);
    }
    const lines = lineIndexes.map((lineIndex) => {
      const line = invoice.lines[lineIndex]!;
      if (type === "price_billing") {
        const contested = Math.round(line.unitPriceCents * between(rng, 0.85, 0.97));
        const computedCents = (line.unitPriceCents - contested) * line.quantity;
        return { invoiceIndex: Math.max(0, invoiceIndex), lineIndex, contestedQuantity: null, contestedUnitPriceCents: contested, computedCents, disputedCents: computedCents };
      }
      const quantity = Math.max(1, Math.round(line.quantity * between(rng, 0.02, 0.15)));
      const computedCents = quantity * line.unitPriceCents;
      return { invoiceIndex: Math.max(0, invoiceIndex), lineIndex, contestedQuantity: quantity, contestedUnitPriceCents: null, computedCents, disputedCents: computedCents };
    });
    const disputedCents = lines.reduce((s, l) => s + l.disputedCents, 0);
    const title = pick(rng, TITLES[r.cause]);

    // First response (the qualification, a customer-visible status change): ≈ 1.25 days early on, ≈ 2 h at the end.
    const responseMean = lerp(monthsAgo, 12, 5, 600, 120);
    const qualifiedAt = min(addBusinessMinutes(receivedAt, Math.round(responseMean * between(rng, 0.2, 1.8)), clock), new Date(now.getTime() - 20 * MINUTE));
    const base: PlannedCase = {
      receivedAt,
      cause: r.cause,
      type,
      priority,
      channel,
      kind: "claim",
      title,
      contact,
      assignee,
      lines,
      disputedCents,
      open,
      status: "closed",
      qualifiedAt: max(qualifiedAt, new Date(receivedAt.getTime() + 5 * MINUTE)),
      investigatingAt: null,
      resolvedAt: null,
      closedAt: null,
      outcome: null,
      rootCause: null,
      grantedCents: 0,
      recoveredCents: 0,
      penaltiesCents: 0,
      creditNote: null,
      litigation: null,
      survey: null,
      time: [],
      lastStaffAt: receivedAt,
      events: [],
    };
    const investigatingAt = addBusinessMinutes(base.qualifiedAt, intBetween(rng, 30, 240), clock);

    if (open) {
      // Recent and still open: qualified or under investigation, followed by the supervisor (never the demo agent).
      priority = businessMinutesBetween(receivedAt, now, clock) > 5 * WORKDAY ? "P4" : "P3";
      const investigating = rng() < 0.6 && investigatingAt.getTime() < now.getTime() - 10 * MINUTE;
      const lastStaffAt = new Date(now.getTime() - intBetween(rng, 60, 300) * MINUTE);
      return {
        ...base,
        priority,
        assignee: rng() < 0.7 ? "supervisor" : null,
        status: investigating ? "investigating" : "qualified",
        investigatingAt: investigating ? investigatingAt : null,
        time: [{ minutes: intBetween(rng, 15, 60), on: localDate(max(lastStaffAt, base.qualifiedAt), TZ), staff: "supervisor" }],
        lastStaffAt: max(lastStaffAt, investigating ? investigatingAt : base.qualifiedAt),
      };
    }

    // Outcome.
    let outcome: Outcome;
    const litigable = ["product_defect", "contract_interpretation", "pricing_error", "transport_damage"].includes(r.cause);
    const litigated = litigable && monthsAgo > 8 && rng() < 0.13;
    if (r.cause === "customer_error" || r.cause === "unfounded") outcome = rng() < 0.88 ? "rejected" : "withdrawn";
    else if (litigated) outcome = rng() < 0.5 ? "judged" : "settled_amicably";
    else outcome = weighted(rng, [
      { value: "settled_amicably" as const, weight: 0.62 },
      { value: "upheld" as const, weight: 0.18 },
      { value: "partially_upheld" as const, weight: 0.12 },
      { value: "withdrawn" as const, weight: 0.04 },
      { value: "rejected" as const, weight: 0.04 },
    ]);

    // Resolution time in calendar days: ≈ 9.5 (≈ 12 with the litigations) for the first six months, down to ≈ 4 over the next six.
    const meanDays = lerp(monthsAgo, 12, 6, 9.5, 3.8);
    let resolvedAt = new Date(receivedAt.getTime() + meanDays * between(rng, 0.4, 1.6) * DAY);
    let litigation: PlannedCase["litigation"] = null;
    if (litigated) {
      const handedOverAt = new Date(investigatingAt.getTime() + intBetween(rng, 10, 20) * DAY);
      resolvedAt = new Date(handedOverAt.getTime() + intBetween(rng, 45, 120) * DAY);
      const costs = LEGAL_COSTS.filter((_, i) => i === 0 || rng() < 0.6).map((c, i) => ({
        label: c.label,
        amountCents: Math.round(between(rng, c.minCents, c.maxCents) / 100) * 100,
        on: localDate(new Date(handedOverAt.getTime() + (i + 1) * intBetween(rng, 7, 25) * DAY), TZ),
      }));
      litigation = { handedOverAt, ending: outcome === "judged" ? "judged" : "settled_out_of_court", costs };
    }
    resolvedAt = max(resolvedAt, new Date(investigatingAt.getTime() + HOUR));
    let closedAt = addBusinessMinutes(resolvedAt, intBetween(rng, 1, 5) * WORKDAY, clock);
    // Recent cases must have ended before `now`: squeeze their times into what is left.
    if (closedAt.getTime() > now.getTime() - HOUR) {
      const left = Math.max(0, now.getTime() - HOUR - base.qualifiedAt.getTime());
      resolvedAt = new Date(base.qualifiedAt.getTime() + left * 0.6);
      closedAt = new Date(base.qualifiedAt.getTime() + left * 0.9);
    }
    const withdrawn = outcome === "withdrawn";
    if (withdrawn) resolvedAt = closedAt = max(new Date(base.qualifiedAt.getTime() + HOUR), min(resolvedAt, closedAt));
    const invStart = withdrawn ? null : max(new Date(base.qualifiedAt.getTime() + MINUTE), min(investigatingAt, new Date(resolvedAt.getTime() - 30 * MINUTE)));
    if (invStart && resolvedAt.getTime() <= invStart.getTime()) resolvedAt = new Date(invStart.getTime() + MINUTE);
    if (!withdrawn && closedAt.getTime() <= resolvedAt.getTime()) closedAt = new Date(resolvedAt.getTime() + MINUTE);

    const granted =
      outcome === "upheld" ? disputedCents
      : outcome === "settled_amicably" ? Math.round(disputedCents * between(rng, 0.6, 1))
      : outcome === "partially_upheld" ? Math.round(disputedCents * between(rng, 0.4, 0.7))
      : outcome === "judged" ? (rng() < 0.5 ? 0 : Math.round(disputedCents * 0.5))
      : 0;
    const recovered = granted > 0 && (r.cause === "transport_damage" || r.cause === "late_delivery") && rng() < 0.5 ? Math.round(granted * between(rng, 0.4, 1)) : 0;
    const penalties = r.cause === "late_delivery" && granted > 0 && rng() < 0.07 ? Math.round((invoice.lines[lines[0]!.lineIndex]!.quantity * invoice.lines[lines[0]!.lineIndex]!.unitPriceCents * 500) / 10_000) : 0;
    // Credit notes granted without a confirmed root cause: ≈ 28 % early, ≈ 3 % at the end.
    const unconfirmed = granted > 0 && rng() < lerp(monthsAgo, 12, 5, 0.28, 0.03);
    const rootCause = withdrawn || unconfirmed ? null : r.cause;
    const creditNote =
      granted > 0 && outcome !== "judged"
        ? { number: `AV-LEM-${String(++creditNoteCounter.n).padStart(5, "0")}`, issuedOn: localDate(min(new Date(resolvedAt.getTime() + 2 * DAY), now), TZ) }
        : null;

    // NPS: promoters from ≈ 36 % to ≈ 66 %, detractors from ≈ 38 % to ≈ 7 % (a rejection rarely pleases).
    let survey: PlannedCase["survey"] = null;
    const surveyAt = new Date(closedAt.getTime() + intBetween(rng, 1, 72) * HOUR);
    if (!withdrawn && rng() < 0.6 && surveyAt.getTime() < now.getTime()) {
      const promoters = lerp(progress, 0, 1, 0.36, 0.66) * (outcome === "rejected" ? 0.3 : 1);
      const detractors = lerp(progress, 0, 1, 0.38, 0.07) * (outcome === "rejected" ? 2 : 1);
      const u = rng();
      const score = u < promoters ? intBetween(rng, 9, 10) : u < promoters + detractors ? intBetween(rng, 2, 6) : intBetween(rng, 7, 8);
      survey = { score, at: surveyAt };
    }

    // Time recorded: ≈ 190 minutes a case early on, ≈ 70 at the end; legal work on top for litigations.
    const totalMinutes = Math.round(lerp(progress, 0, 1, 190, 70) * between(rng, 0.5, 1.5));
    const pieces = Math.min(3, Math.max(1, Math.round(totalMinutes / 90)));
    const span = resolvedAt.getTime() - receivedAt.getTime();
    const time: PlannedCase["time"] = Array.from({ length: pieces }, (_, i) => ({
      minutes: Math.max(5, Math.round(totalMinutes / pieces)),
      on: localDate(new Date(receivedAt.getTime() + (span * (i + 1)) / (pieces + 1)), TZ),
      staff: assignee,
    }));
    if (litigation) time.push({ minutes: intBetween(rng, 240, 600), on: localDate(new Date(litigation.handedOverAt.getTime() + 7 * DAY), TZ), staff: "legal" });

    return {
      ...base,
      kind: litigation ? "dispute" : "claim",
      status: withdrawn ? "withdrawn" : "closed",
      investigatingAt: invStart,
      resolvedAt,
      closedAt: withdrawn ? null : closedAt,
      outcome,
      rootCause,
      grantedCents: granted,
      recoveredCents: recovered,
      penaltiesCents: penalties,
      creditNote,
      litigation,
      survey,
      time,
      lastStaffAt: withdrawn ? base.qualifiedAt : closedAt,
    };
  }

  function slaOf(c: PlannedCase) {
    const policy = options.policies.get(c.priority)!;
    return computeSla({ history: statusHistory(c), targets: policy, calendar: clock, now, firstResponseAt: c.qualifiedAt, warningShare: options.warningShare });
  }

  function openSlaIsSafe(c: PlannedCase): boolean {
    const status = slaOf(c);
    const instants = [status.resolution.deadlineAt, status.resolution.warningAt].filter((d): d is Date => d !== null);
    return instants.every((d) => d.getTime() >= horizon.getTime());
  }

  /** The story's corrective actions, each on a case of its cause (closed after the action was done, when it was). */
  function planActions(): PlannedAction[] {
    const result: PlannedAction[] = [];
    for (const story of [STORY_ACTIONS.carrier, STORY_ACTIONS.packaging, STORY_ACTIONS.pricing]) {
      const doneAt = new Date(now.getTime() - story.doneDaysAgo * DAY);
      // the last closed case of that cause resolved at least three weeks before the action was done
      const caseIndex = planned.findLastIndex((c) => c.status === "closed" && c.rootCause === story.rootCauseCode && c.resolvedAt!.getTime() < doneAt.getTime() - 21 * DAY);
      if (caseIndex < 0) continue;
      const c = planned[caseIndex]!;
      const createdAt = new Date(c.resolvedAt!.getTime() - 10 * MINUTE);
      // the case closes only once its actions are done
      c.closedAt = max(c.closedAt!, new Date(doneAt.getTime() + 2 * HOUR));
      c.lastStaffAt = c.closedAt;
      if (c.survey && c.survey.at.getTime() <= c.closedAt.getTime()) c.survey = null;
      result.push({ caseIndex, rootCauseCode: story.rootCauseCode, title: story.title, createdAt, dueDate: localDate(new Date(doneAt.getTime() + 5 * DAY), TZ), doneAt });
    }
    // Open actions on open cases under investigation, whose root cause is now known.
    const candidates = planned.map((c, i) => ({ c, i })).filter(({ c }) => c.open && c.status === "investigating");
    STORY_ACTIONS.open.forEach((story, k) => {
      const found = candidates[k];
      if (!found) return;
      found.c.rootCause = story.rootCauseCode;
      const inv = found.c.investigatingAt!.getTime();
      const createdAt = new Date(inv + (now.getTime() - inv) * 0.5);
      result.push({ caseIndex: found.i, rootCauseCode: story.rootCauseCode, title: story.title, createdAt, dueDate: localDate(new Date(now.getTime() + story.dueInDays * DAY), TZ), doneAt: null });
    });
    result.forEach((action, actionIndex) => {
      planned[action.caseIndex]!.events.push({
        type: "corrective_action_added",
        at: action.createdAt,
        actor: { kind: "staff", key: "supervisor" },
        visibility: "internal",
        payload: { title: action.title, rootCauseCode: action.rootCauseCode, dueDate: action.dueDate },
        actionIndex,
      });
    });
    return result;
  }
}

/** The status changes of a planned case, oldest first (the SLA clock's input). */
function statusHistory(c: PlannedCase): StatusChange[] {
  const h: StatusChange[] = [{ status: "received", at: c.receivedAt }, { status: "qualified", at: c.qualifiedAt }];
  if (c.investigatingAt) h.push({ status: "investigating", at: c.investigatingAt });
  if (c.litigation) h.push({ status: "litigation", at: c.litigation.handedOverAt });
  if (c.status === "withdrawn") h.push({ status: "withdrawn", at: c.resolvedAt! });
  else if (c.resolvedAt) {
    if (c.outcome === "settled_amicably" && !c.litigation) h.push({ status: "negotiating", at: negotiationStart(c) });
    h.push({ status: "resolved", at: c.resolvedAt });
    h.push({ status: "closed", at: c.closedAt! });
  }
  return h;
}

function negotiationStart(c: PlannedCase): Date {
  const from = c.investigatingAt ?? c.qualifiedAt;
  return new Date(from.getTime() + (c.resolvedAt!.getTime() - from.getTime()) * 0.6);
}

/** The case's chain, as the use cases write it (status changes carry payload.from/to). */
function finishEvents(c: PlannedCase) {
  const staff = (key: StaffKey | null) => ({ kind: "staff" as const, key: key ?? "supervisor" });
  const events: PlannedEvent[] = [
    {
      type: "case_received",
      at: c.receivedAt,
      actor: { kind: "customer", key: "contact" },
      visibility: "public",
      payload: { type: c.type, channel: c.channel, amount: { claimedCents: c.disputedCents, currency: "EUR" } },
    },
    { type: "case_qualified", at: c.qualifiedAt, actor: staff(c.assignee), visibility: "public", payload: { from: "received", to: "qualified", priority: c.priority, caseType: c.type } },
  ];
  if (c.assignee) events.push({ type: "case_assigned", at: c.qualifiedAt, actor: staff(c.assignee), visibility: "internal", payload: { team: { from: null, to: c.type }, assignee: { from: null, to: c.assignee } } });
  if (c.investigatingAt) events.push({ type: "investigation_started", at: c.investigatingAt, actor: staff(c.assignee), visibility: "public", payload: { from: "qualified", to: "investigating" } });
  if (c.rootCause && c.investigatingAt) {
    const at = c.resolvedAt ? new Date(c.resolvedAt.getTime() - 20 * MINUTE) : new Date(c.investigatingAt.getTime() + (c.lastStaffAt.getTime() - c.investigatingAt.getTime()) * 0.3);
    events.push({ type: "root_cause_set", at: max(at, c.investigatingAt), actor: staff(c.assignee), visibility: "internal", payload: { code: c.rootCause, previous: null, analysis: null } });
  }
  if (c.litigation) {
    events.push({ type: "litigation_started", at: c.litigation.handedOverAt, actor: { kind: "staff", key: "legal" }, visibility: "public", payload: { from: "investigating", to: "litigation", reason: "Désaccord persistant sur le montant" } });
    for (const cost of c.litigation.costs) {
      events.push({ type: "legal_cost_recorded", at: new Date(`${cost.on}T10:00:00Z`), actor: { kind: "staff", key: "legal" }, visibility: "internal", payload: { label: cost.label, amountCents: cost.amountCents } });
    }
  }
  if (c.status === "withdrawn") {
    events.push({ type: "case_withdrawn", at: c.resolvedAt!, actor: { kind: "customer", key: "contact" }, visibility: "public", payload: { from: c.investigatingAt ? "investigating" : "qualified", to: "withdrawn", reason: "Réclamation retirée par le client" } });
  } else if (c.resolvedAt) {
    const before = c.litigation ? "litigation" : "investigating";
    if (c.outcome === "settled_amicably" && !c.litigation) {
      const offeredAt = negotiationStart(c);
      events.push({ type: "proposal_offered", at: offeredAt, actor: staff(c.assignee), visibility: "public", payload: { from: before, to: "negotiating", amountCents: c.grantedCents } });
      events.push({ type: "proposal_accepted", at: c.resolvedAt, actor: { kind: "customer", key: "contact" }, visibility: "public", payload: { from: "negotiating", to: "resolved", outcome: c.outcome } });
    } else {
      events.push({ type: "case_resolved", at: c.resolvedAt, actor: staff(c.litigation ? "legal" : c.assignee), visibility: "public", payload: { from: before, to: "resolved", outcome: c.outcome } });
    }
    events.push({ type: "case_closed", at: c.closedAt!, actor: staff(c.assignee), visibility: "public", payload: { from: "resolved", to: "closed" } });
  }
  if (c.survey) events.push({ type: "survey_answered", at: c.survey.at, actor: { kind: "customer", key: "contact" }, visibility: "internal", payload: { score: c.survey.score } });
  if (c.open) events.push({ type: "time_logged", at: c.lastStaffAt, actor: staff(c.assignee), visibility: "internal", payload: { minutes: c.time[0]!.minutes } });
  events.push(...c.events);
  // chronological; ties keep their logical order
  c.events = events.map((e, i) => ({ e, i })).sort((a, b) => a.e.at.getTime() - b.e.at.getTime() || a.i - b.i).map(({ e }) => e);
}

/**
 * Seeds the third demo account, « Brasseries Lemoine SA », with its 18 months of history (issue 15),
 * inside the demo seed's transaction, after the other demo data. Everything is dated from `now` and
 * drawn from a seeded PRNG, so the same `now` gives the same history; rows are written in batches.
 */
export async function seedDemoHistory(tx: Tx, options: { now: Date; passwordHash: string }): Promise<{ cases: number; invoices: number }> {
  const { now } = options;
  const clock = new BusinessClock(await defaultCalendar(tx));
  // The generic policy of each priority (Lemoine's cases match no narrower one in the demo).
  const policies = new Map<CasePriority, { id: string; firstResponseMinutes: number; resolutionMinutes: number }>();
  for (const p of await loadSlaPolicies(tx)) if (p.priority && !p.type && !p.tier && !policies.has(p.priority)) policies.set(p.priority, p);
  const { warningShare } = await loadEscalationSettings(tx);
  const plan = planDemoHistory({ now, clock, policies, warningShare });

  // The account, its users and key.
  const a = LEMOINE_ACCOUNT;
  const [account] = await tx
    .insert(customerAccounts)
    .values({ name: a.name, siren: a.siren, vatId: a.vatId, erpCode: a.erpCode, tier: a.tier, paymentTerm: a.paymentTerm, clauses: a.clauses, createdAt: new Date(now.getTime() - (HISTORY_MONTHS + 2) * MONTH_DAYS * DAY) })
    .returning({ id: customerAccounts.id });
  const users = await tx
    .insert(customerUsers)
    .values(a.users.map((u) => ({ ...u, accountId: account!.id, passwordHash: options.passwordHash })))
    .returning({ id: customerUsers.id, email: customerUsers.email });
  const contactIds = a.users.map((u) => users.find((row) => row.email === u.email)!.id);
  await tx.insert(apiKeys).values({ accountId: account!.id, actingUserId: contactIds[0]!, name: "Démo", prefix: a.apiKey.slice(0, 12), keyHash: createHash("sha256").update(a.apiKey).digest("hex") });

  // Staff and teams of the demo (the mediator never handles these cases).
  const staffRows = await tx.select({ id: staffUsers.id, email: staffUsers.email }).from(staffUsers).where(inArray(staffUsers.email, ["agent@accord.example", "superviseur@accord.example", "juriste@accord.example"]));
  const staffId = (key: StaffKey) => staffRows.find((s) => s.email === { agent: "agent@accord.example", supervisor: "superviseur@accord.example", legal: "juriste@accord.example" }[key])!.id;
  const teamRows = await tx.select({ id: teams.id, code: teams.code }).from(teams);
  const teamOf = (type: CaseType) => teamRows.find((t) => t.code === { quality: "quality", delivery: "logistics", price_billing: "billing", compliance: "quality", other: "quality" }[type])?.id ?? null;

  // Invoices (paid: the pre-due reminders stay quiet) and their lines.
  const invoiceRows = await tx
    .insert(invoices)
    .values(
      plan.invoices.map((inv) => {
        const excl = inv.lines.reduce((s, l) => s + l.quantity * l.unitPriceCents, 0);
        const tax = inv.lines.reduce((s, l) => s + Math.round((l.quantity * l.unitPriceCents * LEMOINE_PRODUCTS[l.productIndex]!.vatRateBp) / 10_000), 0);
        return {
          accountId: account!.id,
          number: inv.number,
          issueDate: localDate(inv.issuedAt, TZ),
          deliveryDate: localDate(new Date(inv.issuedAt.getTime() - 2 * DAY), TZ),
          dueDate: localDate(new Date(inv.issuedAt.getTime() + 45 * DAY), TZ),
          paymentTerm: a.paymentTerm,
          totalExclTaxCents: excl,
          totalTaxCents: tax,
          totalInclTaxCents: excl + tax,
          paidCents: excl + tax,
          paidStatus: "paid" as const,
          orderNumber: `LEM-${inv.number.slice(-4)}`,
          deliveryNoteNumber: `BL-L${inv.number.slice(-4)}`,
        };
      }),
    )
    .returning({ id: invoices.id, number: invoices.number });
  const invoiceIds = plan.invoices.map((inv) => invoiceRows.find((r) => r.number === inv.number)!.id);
  const lineRows = await tx
    .insert(invoiceLines)
    .values(
      plan.invoices.flatMap((inv, i) =>
        inv.lines.map((l, k) => {
          const p = LEMOINE_PRODUCTS[l.productIndex]!;
          return { invoiceId: invoiceIds[i]!, lineNo: k + 1, productCode: p.code, description: p.description, quantityMilli: l.quantity * 1000, unit: p.unit, unitPriceCents: l.unitPriceCents, vatRateBp: p.vatRateBp, totalExclTaxCents: l.quantity * l.unitPriceCents, lotNumber: l.lotNumber };
        }),
      ),
    )
    .returning({ id: invoiceLines.id, invoiceId: invoiceLines.invoiceId, lineNo: invoiceLines.lineNo });
  const lineId = new Map(lineRows.map((r) => [`${r.invoiceId}:${r.lineNo}`, r.id]));

  // References in reception order, from the database's counter (the year of reception in Paris).
  const years = plan.cases.map((c) => Number(localDate(c.receivedAt, TZ).slice(0, 4)));
  const refs = await tx.execute<{ reference: string }>(
    sql`select accord_next_case_reference(y) as reference from unnest(${`{${years.join(",")}}`}::int[]) with ordinality as t(y, i) order by i`,
  );
  const references = refs.map((r) => r.reference);

  const caseValues = plan.cases.map((c, i) => {
    const policy = policies.get(c.priority)!;
    const sla = computeSla({ history: statusHistory(c), targets: policy, calendar: clock, now, firstResponseAt: c.qualifiedAt, warningShare });
    const lastAt = c.events.at(-1)!.at;
    const endedAt = c.status === "withdrawn" || c.status === "closed" ? c.resolvedAt : null;
    return {
      reference: references[i]!,
      accountId: account!.id,
      customerContactId: contactIds[c.contact]!,
      kind: c.kind,
      type: c.type,
      status: c.status,
      priority: c.priority,
      channel: c.channel,
      title: c.title,
      description: `${c.title}. Constaté à la réception ; détails et photos transmis au service client.`,
      desiredOutcome: c.type === "delivery" ? "replacement" : "credit_note",
      details: {},
      teamId: teamOf(c.type),
      assigneeId: c.assignee ? staffId(c.assignee) : null,
      disputedAmountCents: c.disputedCents,
      creditedAmountCents: c.grantedCents,
      recoveredAmountCents: c.recoveredCents,
      legalCostsCents: c.litigation?.costs.reduce((s, x) => s + x.amountCents, 0) ?? 0,
      slaPolicyId: policy.id,
      firstResponseDueAt: sla.firstResponse.deadlineAt,
      firstResponseWarnAt: sla.firstResponse.warningAt,
      resolutionDueAt: sla.resolution.deadlineAt,
      resolutionWarnAt: sla.resolution.warningAt,
      nextSlaAt: sla.nextCheckAt,
      firstRespondedAt: c.qualifiedAt,
      lastActivityAt: lastAt,
      lastStaffActivityAt: c.lastStaffAt,
      receivedAt: c.receivedAt,
      resolvedAt: c.status === "closed" ? c.resolvedAt : null,
      resolutionBusinessMinutes: c.status === "closed" ? Math.round(businessMinutesBetween(c.receivedAt, c.resolvedAt!, clock)) : null,
      closedAt: c.closedAt,
      endedAt,
      outcome: c.outcome,
      rootCauseCode: c.rootCause,
      rootCauseAnalysis: null,
      version: c.events.length,
      createdAt: c.receivedAt,
      updatedAt: lastAt,
    };
  });
  const caseRows: { id: string; reference: string }[] = [];
  for (const chunk of chunks(caseValues, 300)) caseRows.push(...(await tx.insert(cases).values(chunk).returning({ id: cases.id, reference: cases.reference })));
  const caseIds = references.map((ref) => caseRows.find((r) => r.reference === ref)!.id);

  await insertChunked(tx, caseLines, plan.cases.flatMap((c, i) =>
    c.lines.map((l) => ({
      caseId: caseIds[i]!,
      invoiceId: invoiceIds[l.invoiceIndex]!,
      invoiceLineId: lineId.get(`${invoiceIds[l.invoiceIndex]}:${l.lineIndex + 1}`)!,
      contestedQuantityMilli: l.contestedQuantity === null ? null : l.contestedQuantity * 1000,
      contestedUnitPriceCents: l.contestedUnitPriceCents,
      computedAmountCents: l.computedCents,
      disputedAmountCents: l.disputedCents,
      createdAt: c.receivedAt,
    })),
  ));
  await insertChunked(tx, caseDecisions, plan.cases.flatMap((c, i) =>
    c.status === "closed"
      ? [{
          caseId: caseIds[i]!,
          outcome: c.outcome!,
          grantedCents: c.grantedCents,
          penaltiesCents: c.penaltiesCents,
          publicRationale: null,
          internalRationale: null,
          creditNoteNumber: c.creditNote?.number ?? null,
          creditNoteIssuedOn: c.creditNote?.issuedOn ?? null,
          decidedById: staffId(c.litigation ? "legal" : (c.assignee ?? "supervisor")),
          decidedAt: c.resolvedAt!,
          updatedAt: c.resolvedAt!,
        }]
      : [],
  ));
  await insertChunked(tx, caseSurveys, plan.cases.flatMap((c, i) => (c.survey ? [{ caseId: caseIds[i]!, customerUserId: contactIds[c.contact]!, score: c.survey.score, answeredAt: c.survey.at }] : [])));
  await insertChunked(tx, timeEntries, plan.cases.flatMap((c, i) => c.time.map((t) => ({ caseId: caseIds[i]!, staffId: staffId(t.staff), minutes: t.minutes, spentOn: t.on, createdAt: c.receivedAt }))));
  await insertChunked(tx, litigations, plan.cases.flatMap((c, i) =>
    c.litigation
      ? [{
          caseId: caseIds[i]!,
          reason: "Désaccord persistant sur le montant",
          amountAtStakeCents: Math.max(1, c.disputedCents),
          handedOverById: staffId("legal"),
          handedOverAt: c.litigation.handedOverAt,
          ending: c.litigation.ending,
          settlementAmountCents: c.litigation.ending === "settled_out_of_court" ? c.grantedCents : null,
          settlementTerms: c.litigation.ending === "settled_out_of_court" ? "Avoir sur la prochaine facture, sans reconnaissance de responsabilité." : null,
          endedById: staffId("legal"),
          endedAt: c.resolvedAt,
        }]
      : [],
  ));
  await insertChunked(tx, legalCosts, plan.cases.flatMap((c, i) => (c.litigation?.costs ?? []).map((x) => ({ caseId: caseIds[i]!, amountCents: x.amountCents, label: x.label, incurredOn: x.on, recordedById: staffId("legal"), createdAt: new Date(`${x.on}T10:00:00Z`) }))));
  const actionRows = await tx
    .insert(correctiveActions)
    .values(plan.actions.map((x) => ({
      caseId: caseIds[x.caseIndex]!,
      rootCauseCode: x.rootCauseCode,
      title: x.title,
      ownerId: staffId("supervisor"),
      dueDate: x.dueDate,
      status: x.doneAt ? ("done" as const) : ("open" as const),
      doneAt: x.doneAt,
      doneById: x.doneAt ? staffId("supervisor") : null,
      createdById: staffId("supervisor"),
      createdAt: x.createdAt,
      updatedAt: x.doneAt ?? x.createdAt,
    })))
    .returning({ id: correctiveActions.id });

  // Each case's hash chain, computed here as appendCaseEvents would (the case row is new: nothing to lock).
  const eventRows = plan.cases.flatMap((c, i) => {
    let prevHash = GENESIS_HASH;
    return c.events.map((e, k) => {
      const actorId = e.actor.kind === "customer" ? contactIds[c.contact]! : e.actor.kind === "staff" ? staffId(e.actor.key as StaffKey) : null;
      // ids known only now: the corrective action's, the team's and assignee's, the reference
      const payload =
        e.actionIndex !== undefined ? { actionId: actionRows[e.actionIndex]!.id, ...e.payload, ownerId: staffId("supervisor") }
        : e.type === "case_assigned" ? { team: { from: null, to: teamOf(c.type) }, assignee: { from: null, to: c.assignee ? staffId(c.assignee) : null } }
        : e.type === "case_received" ? { reference: references[i]!, ...e.payload }
        : e.payload;
      const row = { caseId: caseIds[i]!, seq: k + 1, type: e.type, actorKind: e.actor.kind, actorId, at: e.at, visibility: e.visibility, payload };
      const chained = chainEvent(prevHash, caseEventContent(row));
      prevHash = chained.hash;
      return { ...row, prevHash: chained.prevHash, hash: chained.hash };
    });
  });
  await insertChunked(tx, caseEvents, eventRows, 1000);
  return { cases: plan.cases.length, invoices: plan.invoices.length };
}

function chunks<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Multi-row inserts, a few hundred rows a statement (PostgreSQL takes at most 65 535 parameters). */
async function insertChunked(tx: Tx, table: Parameters<Tx["insert"]>[0], rows: Record<string, unknown>[], size = 500) {
  for (const chunk of chunks(rows, size)) await tx.insert(table).values(chunk as never);
}
