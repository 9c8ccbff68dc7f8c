import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CASE_STATUSES, isTerminal } from "../lifecycle/statuses";
import { permissionsOf } from "../lifecycle/permissions";
import { checkMediationSession, checkMediationStart, conductsMediation, decideMediationOutcome, mediationOutcomePermission, type MediationState } from "./mediation";

const startedAt = new Date("2026-03-10T08:00:00Z"); // 09:00 in Paris, 10 March
const now = new Date("2026-03-20T10:00:00Z");
const internal: MediationState = { kind: "internal", mediatorUserId: "med-1", startedAt, endedAt: null };
const external: MediationState = { kind: "external", mediatorUserId: null, startedAt, endedAt: null };
const mediator = { userId: "med-1", permissions: permissionsOf({ kind: "staff", roles: ["mediator"] }) };
const otherMediator = { userId: "med-2", permissions: mediator.permissions };
const supervisor = { userId: "sup-1", permissions: permissionsOf({ kind: "staff", roles: ["supervisor"] }) };
const agent = { userId: "agent-1", permissions: permissionsOf({ kind: "staff", roles: ["agent"] }) };

describe("checkMediationStart", () => {
  it("refuses a case that has ended (closed, withdrawn, rejected, duplicate, resolved) with its own message", () => {
    for (const status of CASE_STATUSES.filter((s) => isTerminal(s) || s === "resolved")) {
      expect(checkMediationStart({ status, kind: "dispute" })).toMatchObject({ code: "invalid_transition", messageKey: "mediation.error.case_ended" });
    }
  });
  it("allows it from qualified, investigating and negotiating, refuses the other open statuses", () => {
    expect(checkMediationStart({ status: "investigating", kind: "claim" })).toBeNull();
    expect(checkMediationStart({ status: "qualified", kind: "claim" })).toBeNull();
    expect(checkMediationStart({ status: "negotiating", kind: "dispute" })).toBeNull();
    for (const status of ["received", "awaiting_customer", "mediation", "litigation"] as const) {
      expect(checkMediationStart({ status, kind: "claim" })).toMatchObject({ messageKey: "mediation.error.not_now" });
    }
  });
});

describe("who conducts a mediation", () => {
  it("an internal one: its own mediator only; an external one: the supervisor", () => {
    expect(conductsMediation(internal, mediator)).toBe(true);
    expect(conductsMediation(internal, otherMediator)).toBe(false);
    expect(conductsMediation(internal, supervisor)).toBe(false);
    expect(conductsMediation(external, supervisor)).toBe(true);
    expect(conductsMediation(external, mediator)).toBe(false);
    expect(conductsMediation(external, agent)).toBe(false);
    expect(mediationOutcomePermission("internal")).toBe("mediation:conduct");
    expect(mediationOutcomePermission("external")).toBe("mediation:start");
  });
});

describe("checkMediationSession", () => {
  it("refuses a session dated before the mediation began, accepts the first day and today", () => {
    expect(checkMediationSession(internal, "2026-03-09", now)).toMatchObject({ code: "guard_failed", field: "heldOn", messageKey: "mediation.error.session_before_start", params: { began: "2026-03-10" } });
    expect(checkMediationSession(internal, "2026-03-10", now)).toBeNull();
    expect(checkMediationSession(internal, "2026-03-20", now)).toBeNull();
    expect(checkMediationSession(internal, "2026-03-21", now)).toMatchObject({ field: "heldOn", messageKey: "mediation.error.session_in_future" });
    expect(checkMediationSession(internal, "2026-02-30", now)).toMatchObject({ field: "heldOn", code: "invalid_date" });
    expect(checkMediationSession({ ...internal, endedAt: now }, "2026-03-12", now)).toMatchObject({ messageKey: "mediation.error.mediation_ended" });
  });
  it("counts the start in Paris: started at 23:30 UTC on the 9th is the 10th", () => {
    const lateStart = { startedAt: new Date("2026-03-09T23:30:00Z"), endedAt: null };
    expect(checkMediationSession(lateStart, "2026-03-09", now)).toMatchObject({ messageKey: "mediation.error.session_before_start" });
    expect(checkMediationSession(lateStart, "2026-03-10", now)).toBeNull();
  });
  it("never accepts a day before the start (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), (daysBefore) => {
        const day = new Date(Date.UTC(2026, 2, 10 - daysBefore)).toISOString().slice(0, 10);
        expect(checkMediationSession(internal, day, now)?.messageKey).toBe("mediation.error.session_before_start");
      }),
    );
  });
});

describe("decideMediationOutcome", () => {
  it("an agreement waits for the proposal; a failure goes back to the investigation or waits for legal", () => {
    expect(decideMediationOutcome(internal, { outcome: "agreement" }, mediator)).toEqual({ ok: true, effect: { kind: "await_proposal" } });
    expect(decideMediationOutcome(internal, { outcome: "partial_agreement" }, mediator)).toEqual({ ok: true, effect: { kind: "await_proposal" } });
    expect(decideMediationOutcome(external, { outcome: "failure", nextStep: "investigation" }, supervisor)).toEqual({ ok: true, effect: { kind: "end_mediation" } });
    expect(decideMediationOutcome(external, { outcome: "failure", nextStep: "litigation" }, supervisor)).toEqual({ ok: true, effect: { kind: "await_litigation" } });
    expect(decideMediationOutcome(external, { outcome: "failure" }, supervisor)).toMatchObject({ ok: false, error: { field: "nextStep" } });
  });
  it("is refused to whoever does not conduct it, and once the mediation has ended", () => {
    expect(decideMediationOutcome(internal, { outcome: "agreement" }, supervisor)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(decideMediationOutcome(external, { outcome: "agreement" }, mediator)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(decideMediationOutcome({ ...internal, endedAt: now }, { outcome: "agreement" }, mediator)).toMatchObject({ ok: false, error: { messageKey: "mediation.error.mediation_ended" } });
  });
});
