import { CASE_STATUSES, isCaseStatus, isTerminal, type CaseStatus } from "./statuses";
import { domainError, type DomainError } from "../errors/errors";

/** Who the case waits on: the customer, the supplier's staff, or nobody (ended, or in court). */
export type NextStepOwner = "customer" | "supplier" | "nobody";

/** How the portal groups statuses in its filters. */
export type StatusGroup = "open" | "closed";
export const STATUS_GROUPS = ["open", "closed"] as const satisfies readonly StatusGroup[];

/** What a customer reads about a case: the status in plain words, the next step, and who owes it. */
export interface NextStep {
  readonly status: CaseStatus;
  /** Message key of the status in plain words (`case.status.awaiting_customer`). */
  readonly statusKey: `case.status.${CaseStatus}`;
  /** Message key of the next step (`case.next.awaiting_customer`). */
  readonly nextKey: `case.next.${CaseStatus}`;
  readonly owner: NextStepOwner;
  readonly group: StatusGroup;
}

/**
 * Who owes the next move in each status, seen from the customer's side:
 * - the supplier works on received, qualified, investigating cases, leads the mediation and closes a resolved case;
 * - the customer owes an answer to a request (awaiting_customer) or to a proposal (negotiating);
 * - nobody in litigation (the court decides) nor once the case has ended.
 */
export const NEXT_STEP_OWNERS: Readonly<Record<CaseStatus, NextStepOwner>> = {
  received: "supplier",
  qualified: "supplier",
  investigating: "supplier",
  awaiting_customer: "customer",
  negotiating: "customer",
  mediation: "supplier",
  litigation: "nobody",
  resolved: "supplier",
  closed: "nobody",
  withdrawn: "nobody",
  rejected: "nobody",
  duplicate: "nobody",
};

/**
 * A resolved case is decided: for the customer it is no longer open, even though staff still
 * close it (corrective actions). Every terminal status is closed too.
 */
export function statusGroupOf(status: CaseStatus): StatusGroup {
  return status === "resolved" || isTerminal(status) ? "closed" : "open";
}

/** The statuses of a group, in lifecycle order. */
export function statusesInGroup(group: StatusGroup): CaseStatus[] {
  return CASE_STATUSES.filter((status) => statusGroupOf(status) === group);
}

/** The next step of a case in `status`. */
export function nextStepOf(status: CaseStatus): NextStep {
  return {
    status,
    statusKey: `case.status.${status}`,
    nextKey: `case.next.${status}`,
    owner: NEXT_STEP_OWNERS[status],
    group: statusGroupOf(status),
  };
}

/** Reads a stored or submitted status as a next step, or an `unknown_status` error. */
export function parseNextStep(value: unknown): { ok: true; step: NextStep } | { ok: false; error: DomainError } {
  if (!isCaseStatus(value)) return { ok: false, error: domainError("unknown_status", { field: "status", params: { value: String(value) } }) };
  return { ok: true, step: nextStepOf(value) };
}
