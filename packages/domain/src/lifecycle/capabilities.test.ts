import { describe, expect, it } from "vitest";
import { acceptsEvidenceRequest, decideEvidenceRequest, hasPriceCheck, isFirstQualification, mayCompleteTask, proposedPriority, staffCaseCapabilities } from "./capabilities";
import { STAFF_ROLE_PERMISSIONS, STAFF_ROLES, type StaffRole } from "./permissions";
import { CASE_KINDS, CASE_STATUSES, isTerminal, type CaseKind, type CaseStatus } from "./statuses";
import { allowedCommands, TRANSITIONS } from "./transitions";

const as = (role: StaffRole) => STAFF_ROLE_PERMISSIONS[role];

describe("allowedCommands with the kind of case", () => {
  it.each(CASE_STATUSES.flatMap((status) => CASE_KINDS.map((kind) => [status, kind] as const)))("offers promote on a %s %s only to a claim", (status, kind) => {
    const promotable = TRANSITIONS[status].promote_to_dispute !== undefined && kind === "claim";
    expect(allowedCommands({ status, kind }).includes("promote_to_dispute")).toBe(promotable);
  });

  it("offers a dispute the same commands as a claim, promote aside", () => {
    for (const status of CASE_STATUSES) {
      const claim = allowedCommands({ status, kind: "claim" }).filter((c) => c !== "promote_to_dispute");
      expect(allowedCommands({ status, kind: "dispute" })).toEqual(claim);
    }
  });
});

describe("staff capabilities on a case", () => {
  const table: [StaffRole, CaseStatus, CaseKind, Partial<ReturnType<typeof staffCaseCapabilities>>][] = [
    ["agent", "received", "claim", { qualify: true, assign: true, promote: true, reject: true, merge: true, startInvestigation: false, requestEvidence: false, requestEvidenceLater: true }],
    ["agent", "received", "dispute", { promote: false, reject: true }],
    ["agent", "qualified", "claim", { startInvestigation: true, requestEvidence: false }],
    ["agent", "investigating", "claim", { requestEvidence: true, requestEvidenceLater: false, addTask: true, reply: true }],
    ["agent", "awaiting_customer", "claim", { requestEvidence: true, merge: false, reject: true }],
    ["agent", "closed", "claim", { qualify: false, assign: false, reply: false, addTask: false, requestEvidence: false, requestEvidenceLater: false, note: true, reservedToOtherRoles: [] }],
    ["mediator", "mediation", "claim", { qualify: false, assign: false, promote: false, reply: true, note: true, addTask: false, reservedToOtherRoles: ["promote_to_dispute"] }],
    ["admin", "received", "claim", { qualify: false, assign: true, reply: false, note: false, evidenceVisibilities: [], reservedToOtherRoles: ["promote_to_dispute", "mark_duplicate", "reject"] }],
    ["finance", "investigating", "claim", { reply: false, note: true, evidenceVisibilities: ["internal"], requestEvidence: false, requestEvidenceLater: false, setRootCause: false }],
    ["agent", "investigating", "claim", { propose: true, resolve: true, close: false }],
    ["agent", "negotiating", "claim", { propose: true, resolve: false, close: false }],
    ["agent", "mediation", "claim", { propose: false, resolve: false }],
    ["agent", "resolved", "claim", { propose: false, resolve: false, close: true }],
    ["finance", "investigating", "claim", { propose: false, resolve: false }],
    ["mediator", "mediation", "dispute", { resolve: true }],
    ["legal", "litigation", "dispute", { resolve: false }],
    ["supervisor", "litigation", "dispute", { resolve: false }],
    ["legal", "investigating", "dispute", { reply: true, evidenceVisibilities: ["public", "internal"], reservedToOtherRoles: ["mark_duplicate", "reject"] }],
  ];
  it.each(table)("a %s on a %s %s", (role, status, kind, expected) => {
    expect(staffCaseCapabilities({ status, kind }, as(role))).toMatchObject(expected);
  });

  it("offers a proposal from mediation once the mediation reached an agreement (or a partial one), not before nor after a failure", () => {
    const inMediation = { status: "mediation", kind: "dispute" } as const;
    expect(staffCaseCapabilities(inMediation, as("agent"), { mediationOutcome: null }).propose).toBe(false);
    expect(staffCaseCapabilities(inMediation, as("agent"), { mediationOutcome: "agreement" }).propose).toBe(true);
    expect(staffCaseCapabilities(inMediation, as("agent"), { mediationOutcome: "partial_agreement" }).propose).toBe(true);
    expect(staffCaseCapabilities(inMediation, as("agent"), { mediationOutcome: "failure" }).propose).toBe(false);
    expect(staffCaseCapabilities(inMediation, as("mediator"), { mediationOutcome: "agreement" }).propose).toBe(false);
  });

  it("lets nobody work on a terminal case, notes aside", () => {
    for (const status of CASE_STATUSES.filter(isTerminal)) {
      const capabilities = staffCaseCapabilities({ status, kind: "claim" }, as("supervisor"));
      expect(capabilities).toMatchObject({ qualify: false, assign: false, startInvestigation: false, promote: false, reject: false, merge: false, reply: false, addTask: false });
    }
  });
});

describe("derived values of the case page", () => {
  it("proposes the impact's priority on a new case, the case's own afterwards", () => {
    expect(proposedPriority("received", "P3", "P1")).toBe("P1");
    expect(proposedPriority("investigating", "P3", "P1")).toBe("P3");
  });
  it("qualifies for the first time only a received case", () => {
    expect(CASE_STATUSES.filter((status) => isFirstQualification({ status, kind: "claim" }))).toEqual(["received"]);
  });
  it("takes an evidence request while investigating or already awaiting the customer", () => {
    expect(CASE_STATUSES.filter((status) => acceptsEvidenceRequest({ status, kind: "claim" }))).toEqual(["investigating", "awaiting_customer"]);
  });
  it.each(STAFF_ROLES)("lets a %s request evidence exactly when the page offers it; the status moves only from investigating", (role) => {
    const at = new Date("2026-11-23T08:00:00Z");
    for (const status of CASE_STATUSES) {
      const decision = decideEvidenceRequest({ status, kind: "claim" }, ["Photos"], { at, actor: { kind: "staff", roles: [role] } });
      expect(decision.ok).toBe(staffCaseCapabilities({ status, kind: "claim" }, as(role)).requestEvidence);
      if (decision.ok) expect(decision.statusChange?.state.status ?? null).toBe(status === "investigating" ? "awaiting_customer" : null);
      // Refused: the lifecycle's reason (only investigating has the move, for whoever investigates).
      else expect(decision.error.code).toBe(status === "investigating" ? "forbidden" : "invalid_transition");
    }
  });
  it("checks prices on price and billing cases only", () => {
    expect(hasPriceCheck("price_billing")).toBe(true);
    expect(hasPriceCheck("quality")).toBe(false);
  });
  it("lets the assignee or an investigator complete an open task", () => {
    const agent = { userId: "a", permissions: as("agent") };
    const finance = { userId: "f", permissions: as("finance") };
    expect(mayCompleteTask({ status: "open", assigneeId: null }, agent)).toBe(true);
    expect(mayCompleteTask({ status: "done", assigneeId: null }, agent)).toBe(false);
    expect(mayCompleteTask({ status: "open", assigneeId: "x" }, finance)).toBe(false);
    expect(mayCompleteTask({ status: "open", assigneeId: "f" }, finance)).toBe(true);
  });
});
