import { domainError, type DomainError } from "../errors/errors";

/** The statuses of a case, in the order of the usual path. */
export const CASE_STATUSES = [
  "received",
  "qualified",
  "investigating",
  "awaiting_customer",
  "negotiating",
  "mediation",
  "litigation",
  "resolved",
  "closed",
  "withdrawn",
  "rejected",
  "duplicate",
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** What the SLA clock does while a case is in a status. */
export type ClockState = "running" | "paused" | "stopped";

/**
 * PRODUCT.md's table: the clock runs while the supplier owes work, pauses
 * while the case waits on the customer, and stops in litigation (legal time,
 * not SLA) and once the case is resolved or ended.
 */
export const STATUS_RULES: Readonly<Record<CaseStatus, { readonly clock: ClockState; readonly terminal: boolean }>> = {
  received: { clock: "running", terminal: false },
  qualified: { clock: "running", terminal: false },
  investigating: { clock: "running", terminal: false },
  mediation: { clock: "running", terminal: false },
  awaiting_customer: { clock: "paused", terminal: false },
  negotiating: { clock: "paused", terminal: false },
  litigation: { clock: "stopped", terminal: false },
  resolved: { clock: "stopped", terminal: false },
  closed: { clock: "stopped", terminal: true },
  withdrawn: { clock: "stopped", terminal: true },
  rejected: { clock: "stopped", terminal: true },
  duplicate: { clock: "stopped", terminal: true },
};

/** Outcomes recorded when a case is resolved. */
export const OUTCOMES = ["settled_amicably", "upheld", "partially_upheld", "rejected", "withdrawn", "judged"] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Case types offered at intake. */
export const CASE_TYPES = ["quality", "delivery", "price_billing", "compliance", "other"] as const;
export type CaseType = (typeof CASE_TYPES)[number];

/** Priorities, P1 (critical) to P4 (low). */
export const PRIORITIES = ["P1", "P2", "P3", "P4"] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Customer account tiers. */
export const CUSTOMER_TIERS = ["standard", "key", "strategic"] as const;
export type CustomerTier = (typeof CUSTOMER_TIERS)[number];

/** A case starts as a claim and may be promoted to a dispute. */
export const CASE_KINDS = ["claim", "dispute"] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export function isCaseStatus(value: unknown): value is CaseStatus {
  return CASE_STATUSES.includes(value as CaseStatus);
}
export function isOutcome(value: unknown): value is Outcome {
  return OUTCOMES.includes(value as Outcome);
}
export function isCaseType(value: unknown): value is CaseType {
  return CASE_TYPES.includes(value as CaseType);
}
export function isPriority(value: unknown): value is Priority {
  return PRIORITIES.includes(value as Priority);
}
export function isCustomerTier(value: unknown): value is CustomerTier {
  return CUSTOMER_TIERS.includes(value as CustomerTier);
}

/** The SLA clock state of a status. */
export function clockStateOf(status: CaseStatus): ClockState {
  return STATUS_RULES[status].clock;
}

/** True for statuses a case never leaves (closed, withdrawn, rejected, duplicate). */
export function isTerminal(status: CaseStatus): boolean {
  return STATUS_RULES[status].terminal;
}

/**
 * True while a case keeps its disputed invoices on hold (out of dunning and of the customer's "due"
 * list): from receipt until it is resolved or ended. At resolution the invoice's new due dates apply.
 */
export function holdsInvoices(status: CaseStatus): boolean {
  return !isTerminal(status) && status !== "resolved";
}

/** Reads an unknown value as a status, or an `unknown_status` error naming `field`. */
export function parseStatus(value: unknown, field = "status"): { ok: true; status: CaseStatus } | { ok: false; error: DomainError } {
  if (isCaseStatus(value)) return { ok: true, status: value };
  return { ok: false, error: domainError("unknown_status", { field, params: { value: String(value) } }) };
}

/** Reads an unknown value as an outcome, or an `unknown_outcome` error naming `field`. */
export function parseOutcome(value: unknown, field = "outcome"): { ok: true; outcome: Outcome } | { ok: false; error: DomainError } {
  if (isOutcome(value)) return { ok: true, outcome: value };
  return { ok: false, error: domainError("unknown_outcome", { field, params: { value: String(value) } }) };
}
