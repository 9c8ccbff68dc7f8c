import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  allowedCommands,
  CASE_COMMANDS,
  outcomeOf,
  requiredPermission,
  transition,
  TRANSITIONS,
  type CaseCommand,
  type CaseCommandType,
  type CaseState,
} from "./transitions";
import { CASE_STATUSES, OUTCOMES, type CaseStatus } from "./statuses";

const at = new Date("2026-03-02T09:00:00Z");

/** A command of each type that passes its guard from a suitable status. */
const VALID: Record<CaseCommandType, CaseCommand> = {
  qualify: { type: "qualify", priority: "P2", caseType: "quality" },
  start_investigation: { type: "start_investigation" },
  request_information: { type: "request_information", items: ["Photos of the damaged pallets"] },
  customer_answered: { type: "customer_answered" },
  offer_proposal: { type: "offer_proposal", proposalId: "prop-1", approvalsComplete: true },
  proposal_accepted: { type: "proposal_accepted", proposalId: "prop-1" },
  proposal_declined: { type: "proposal_declined", proposalId: "prop-1" },
  proposal_countered: { type: "proposal_countered", proposalId: "prop-1", counter: "Credit note of 800 €" },
  expire_proposal: { type: "expire_proposal", proposalId: "prop-1" },
  start_mediation: { type: "start_mediation", mediator: "staff-7" },
  end_mediation: { type: "end_mediation", outcome: "failure", nextStep: "investigation" },
  go_to_litigation: { type: "go_to_litigation", reason: "Mediation failed" },
  resolve: { type: "resolve", outcome: "partially_upheld" },
  close: { type: "close", correctiveActions: [{ status: "done" }, { status: "waived" }] },
  withdraw: { type: "withdraw", reason: "Goods found" },
  close_as_abandoned: { type: "close_as_abandoned", requestId: "req-1" },
  reject: { type: "reject", reasons: ["Delivery note signed without reservation"] },
  mark_duplicate: { type: "mark_duplicate", duplicateOf: "LIT-2026-000001" },
  reopen: { type: "reopen", reason: "New evidence" },
  promote_to_dispute: { type: "promote_to_dispute", reason: "Invoice withheld" },
};

function commandFor(type: CaseCommandType, from: CaseStatus): CaseCommand {
  if (type === "resolve" && from === "litigation") return { type: "resolve", outcome: "judged" };
  return VALID[type];
}

const claim = (status: CaseStatus): CaseState => ({ status, kind: "claim", reference: "LIT-2026-000123" });

describe("the transition table", () => {
  it("matches the lifecycle of PRODUCT.md", () => {
    const table = Object.fromEntries(
      CASE_STATUSES.map((status) => [status, Object.fromEntries(allowedCommands({ status, kind: "claim" }).map((c) => [c, TRANSITIONS[status][c]?.to ?? "="]))]),
    );
    expect(table).toEqual({
      received: { qualify: "qualified", withdraw: "withdrawn", reject: "rejected", mark_duplicate: "duplicate", promote_to_dispute: "=" },
      qualified: {
        start_investigation: "investigating",
        offer_proposal: "negotiating",
        start_mediation: "mediation",
        withdraw: "withdrawn",
        reject: "rejected",
        mark_duplicate: "duplicate",
        promote_to_dispute: "=",
      },
      investigating: {
        request_information: "awaiting_customer",
        offer_proposal: "negotiating",
        start_mediation: "mediation",
        go_to_litigation: "litigation",
        resolve: "resolved",
        withdraw: "withdrawn",
        reject: "rejected",
        mark_duplicate: "duplicate",
        promote_to_dispute: "=",
      },
      awaiting_customer: {
        customer_answered: "investigating",
        close_as_abandoned: "closed",
        withdraw: "withdrawn",
        reject: "rejected",
        promote_to_dispute: "=",
      },
      negotiating: {
        offer_proposal: "negotiating",
        proposal_accepted: "resolved",
        proposal_declined: "investigating",
        proposal_countered: "investigating",
        expire_proposal: "investigating",
        start_mediation: "mediation",
        go_to_litigation: "litigation",
        withdraw: "withdrawn",
        promote_to_dispute: "=",
      },
      mediation: {
        offer_proposal: "negotiating",
        end_mediation: "investigating",
        go_to_litigation: "litigation",
        resolve: "resolved",
        withdraw: "withdrawn",
        promote_to_dispute: "=",
      },
      litigation: { resolve: "resolved", withdraw: "withdrawn" },
      resolved: { close: "closed", reopen: "investigating" },
      closed: {},
      withdrawn: {},
      rejected: {},
      duplicate: {},
    });
  });

  it("sends an expired proposal's case back to the agent, naming the proposal", () => {
    const result = transition(claim("negotiating"), { type: "expire_proposal", proposalId: "prop-9" }, { at });
    expect(result).toMatchObject({ ok: true, state: { status: "investigating" }, events: [{ type: "proposal_expired", data: { proposalId: "prop-9" } }] });
    const missing = transition(claim("negotiating"), { type: "expire_proposal", proposalId: " " }, { at });
    expect(missing).toMatchObject({ ok: false, error: { code: "guard_failed", field: "proposalId" } });
  });

  it("names the permission of every allowed move", () => {
    expect(requiredPermission("received", "qualify")).toBe("case:qualify");
    expect(requiredPermission("negotiating", "proposal_accepted")).toBe("proposal:respond");
    expect(requiredPermission("mediation", "resolve")).toBe("mediation:conduct");
    expect(requiredPermission("mediation", "offer_proposal")).toBe("proposal:create");
    expect(requiredPermission("mediation", "end_mediation")).toBe("mediation:outcome");
    expect(requiredPermission("litigation", "resolve")).toBe("case:litigation");
    expect(requiredPermission("investigating", "resolve")).toBe("case:decide");
    expect(requiredPermission("closed", "reopen")).toBeNull();
  });
});

describe("transition: every status × command", () => {
  for (const from of CASE_STATUSES) {
    for (const type of CASE_COMMANDS) {
      const allowed = TRANSITIONS[from][type];
      it(`${from} + ${type} → ${allowed ? (allowed.to ?? from) : "refused"}`, () => {
        const result = transition(claim(from), commandFor(type, from), { at });
        if (!allowed) {
          expect(result).toEqual({
            ok: false,
            error: expect.objectContaining({ code: "invalid_transition", field: "status", params: { from, command: type } }),
          });
          return;
        }
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.state.status).toBe(allowed.to ?? from);
        const last = result.events.at(-1);
        expect(last).toMatchObject({ at, from, to: allowed.to ?? from });
      });
    }
  }
});

describe("transition: any command outside the table is refused (property)", () => {
  it("refuses with invalid_transition, never a silent no-op", () => {
    const pairs = fc.tuple(fc.constantFrom(...CASE_STATUSES), fc.constantFrom(...CASE_COMMANDS));
    fc.assert(
      fc.property(pairs, fc.constantFrom<"claim" | "dispute">("claim", "dispute"), ([from, type], kind) => {
        const result = transition({ status: from, kind }, commandFor(type, from), { at });
        if (TRANSITIONS[from][type]) {
          if (result.ok) expect(result.events.length).toBeGreaterThan(0);
          else expect(result.error.code).toBe("guard_failed"); // only promote_to_dispute of a dispute
        } else {
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.error.code).toBe("invalid_transition");
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("guards", () => {
  const refusal = (state: CaseState, command: unknown) => {
    const result = transition(state, command as CaseCommand, { at });
    return result.ok ? null : result.error;
  };

  it("close requires every corrective action done or waived", () => {
    expect(refusal(claim("resolved"), { type: "close", correctiveActions: [{ status: "done" }, { status: "open" }] })).toMatchObject({
      code: "guard_failed",
      field: "correctiveActions",
      messageKey: "domain.error.guard_failed.corrective_actions_pending",
      params: { reason: "corrective_actions_pending", pending: 1 },
    });
    expect(refusal(claim("resolved"), { type: "close", correctiveActions: [{ status: "open", title: "Sécher l'entrepôt" }, { status: "waived" }] })).toMatchObject({
      params: { pending: 1, titles: "« Sécher l'entrepôt »" },
    });
    expect(refusal(claim("resolved"), { type: "close" })).toMatchObject({ field: "correctiveActions" });
    expect(refusal(claim("resolved"), { type: "close", correctiveActions: [] })).toBeNull();
  });

  it("resolve requires a known outcome, and only litigation ends judged", () => {
    expect(refusal(claim("investigating"), { type: "resolve" })).toMatchObject({ code: "guard_failed", field: "outcome" });
    expect(refusal(claim("investigating"), { type: "resolve", outcome: "won" })).toMatchObject({ code: "unknown_outcome", field: "outcome" });
    expect(refusal(claim("investigating"), { type: "resolve", outcome: "judged" })).toMatchObject({ code: "guard_failed", field: "outcome" });
    expect(refusal(claim("litigation"), { type: "resolve", outcome: "upheld" })).toMatchObject({ code: "guard_failed" });
    for (const outcome of ["judged", "settled_amicably", "withdrawn"]) {
      expect(refusal(claim("litigation"), { type: "resolve", outcome })).toBeNull();
    }
    for (const outcome of OUTCOMES.filter((o) => o !== "judged")) {
      expect(refusal(claim("mediation"), { type: "resolve", outcome })).toBeNull();
    }
  });

  it("reject requires reasons", () => {
    expect(refusal(claim("received"), { type: "reject", reasons: [] })).toMatchObject({ field: "reasons" });
    expect(refusal(claim("received"), { type: "reject", reasons: ["  "] })).toMatchObject({ field: "reasons" });
  });

  it("close_as_abandoned names the unanswered request and closes a case awaiting the customer only", () => {
    expect(refusal(claim("awaiting_customer"), { type: "close_as_abandoned", requestId: "" })).toMatchObject({ field: "requestId" });
    expect(transition(claim("awaiting_customer"), VALID.close_as_abandoned, { at })).toMatchObject({
      ok: true,
      state: { status: "closed" },
      events: [{ type: "case_closed_as_abandoned", from: "awaiting_customer", to: "closed", data: { requestId: "req-1" } }],
    });
    expect(refusal(claim("investigating"), VALID.close_as_abandoned)).toMatchObject({ code: "invalid_transition" });
  });

  it("withdraw, litigation and reopen require a reason", () => {
    expect(refusal(claim("received"), { type: "withdraw", reason: "" })).toMatchObject({ field: "reason" });
    expect(refusal(claim("investigating"), { type: "go_to_litigation" })).toMatchObject({ field: "reason" });
    expect(refusal(claim("resolved"), { type: "reopen", reason: " " })).toMatchObject({ field: "reason" });
  });

  it("a duplicate names its original, which is not the case itself", () => {
    expect(refusal(claim("received"), { type: "mark_duplicate", duplicateOf: "LIT-2026-000123" })).toMatchObject({
      params: { reason: "duplicate_of_itself" },
    });
    expect(refusal(claim("received"), { type: "mark_duplicate", duplicateOf: "" })).toMatchObject({ field: "duplicateOf" });
  });

  it("qualification needs a known priority and type", () => {
    expect(refusal(claim("received"), { type: "qualify", priority: "P9", caseType: "quality" })).toMatchObject({ field: "priority" });
    expect(refusal(claim("received"), { type: "qualify", priority: "P1", caseType: "weather" })).toMatchObject({ field: "caseType" });
  });

  it("a proposal is offered only once its approvals are complete", () => {
    expect(refusal(claim("investigating"), { type: "offer_proposal", proposalId: "p", approvalsComplete: false })).toMatchObject({
      params: { reason: "approvals_pending" },
    });
    expect(refusal(claim("investigating"), { type: "offer_proposal", approvalsComplete: true })).toMatchObject({ field: "proposalId" });
  });

  it("answers to a proposal name it; a counter carries terms; an acceptance settles", () => {
    expect(refusal(claim("negotiating"), { type: "proposal_accepted" })).toMatchObject({ field: "proposalId" });
    expect(refusal(claim("negotiating"), { type: "proposal_declined" })).toMatchObject({ field: "proposalId" });
    expect(refusal(claim("negotiating"), { type: "proposal_countered", proposalId: "p" })).toMatchObject({ field: "counter" });
    expect(refusal(claim("negotiating"), { type: "proposal_countered", counter: "x" })).toMatchObject({ field: "proposalId" });
    expect(refusal(claim("negotiating"), { type: "proposal_accepted", proposalId: "p", outcome: "judged" })).toMatchObject({ field: "outcome" });
    expect(refusal(claim("negotiating"), { type: "proposal_accepted", proposalId: "p", outcome: "nope" })).toMatchObject({ code: "unknown_outcome" });
    const accepted = transition(claim("negotiating"), VALID.proposal_accepted, { at });
    expect(accepted.ok && outcomeOf(accepted.events[0] as never)).toBe("settled_amicably");
    const upheld = transition(claim("negotiating"), { type: "proposal_accepted", proposalId: "p", outcome: "upheld" }, { at });
    expect(upheld.ok && outcomeOf(upheld.events[0] as never)).toBe("upheld");
  });

  it("a failed mediation goes back to the investigation; a proposal may be offered from mediation", () => {
    expect(transition(claim("mediation"), VALID.end_mediation, { at })).toMatchObject({ ok: true, state: { status: "investigating" }, events: [{ type: "mediation_ended", from: "mediation", to: "investigating", data: { outcome: "failure", nextStep: "investigation" } }] });
    expect(refusal(claim("mediation"), { type: "end_mediation", outcome: "agreement" as "failure", nextStep: "investigation" })).toMatchObject({ field: "outcome" });
    expect(transition(claim("mediation"), VALID.offer_proposal, { at })).toMatchObject({ ok: true, state: { status: "negotiating" }, events: [{ type: "proposal_offered", from: "mediation" }] });
    // Recording the outcome is for its conductor: the mediator or, for an external mediation, the supervisor; never an agent.
    expect(transition(claim("mediation"), VALID.end_mediation, { at, actor: { kind: "staff", roles: ["mediator"] } }).ok).toBe(true);
    expect(transition(claim("mediation"), VALID.end_mediation, { at, actor: { kind: "staff", roles: ["supervisor"] } }).ok).toBe(true);
    expect(transition(claim("mediation"), VALID.end_mediation, { at, actor: { kind: "staff", roles: ["agent"] } })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    // Only a supervisor refers a case to mediation.
    expect(transition(claim("investigating"), VALID.start_mediation, { at, actor: { kind: "staff", roles: ["agent"] } })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(transition(claim("investigating"), VALID.start_mediation, { at, actor: { kind: "staff", roles: ["supervisor"] } }).ok).toBe(true);
  });

  it("mediation needs a mediator; an information request lists what is asked", () => {
    expect(refusal(claim("investigating"), { type: "start_mediation", mediator: "" })).toMatchObject({ field: "mediator" });
    expect(refusal(claim("investigating"), { type: "request_information", items: [] })).toMatchObject({ field: "items" });
  });
});

describe("claim and dispute", () => {
  it("promotes a claim to a dispute, as an event, without changing the status", () => {
    const result = transition(claim("investigating"), VALID.promote_to_dispute, { at });
    expect(result).toMatchObject({
      ok: true,
      state: { status: "investigating", kind: "dispute" },
      events: [{ type: "case_promoted_to_dispute", from: "investigating", to: "investigating", data: { reason: "Invoice withheld" } }],
    });
    const again = transition({ status: "investigating", kind: "dispute" }, VALID.promote_to_dispute, { at });
    expect(again).toMatchObject({ ok: false, error: { code: "guard_failed", field: "kind" } });
    expect(transition(claim("investigating"), { type: "promote_to_dispute", reason: "" }, { at })).toMatchObject({ ok: false });
  });

  it("promotes a claim on its way to litigation", () => {
    const result = transition(claim("negotiating"), VALID.go_to_litigation, { at });
    expect(result.ok && result.events.map((e) => e.type)).toEqual(["case_promoted_to_dispute", "litigation_started"]);
    expect(result.ok && result.state.kind).toBe("dispute");
    const dispute = transition({ status: "negotiating", kind: "dispute" }, VALID.go_to_litigation, { at });
    expect(dispute.ok && dispute.events.map((e) => e.type)).toEqual(["litigation_started"]);
  });
});

describe("bad input and permissions", () => {
  it("names an unknown status and an unknown command", () => {
    expect(transition({ status: "archived" as CaseStatus, kind: "claim" }, VALID.qualify, { at })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: "unknown_status", field: "status" }),
    });
    expect(transition(claim("received"), { type: "teleport" } as unknown as CaseCommand, { at })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: "unknown_command", field: "command.type" }),
    });
    expect(transition(claim("received"), null as unknown as CaseCommand, { at })).toMatchObject({ ok: false, error: { code: "unknown_command" } });
  });

  it("throws a typed error when the instant is missing", () => {
    expect(() => transition(claim("received"), VALID.qualify, { at: new Date("nope") })).toThrowError(
      expect.objectContaining({ code: "invalid_date", field: "at" }),
    );
  });

  it("checks the actor's permission when given", () => {
    const viewer = { kind: "customer", role: "viewer" } as const;
    expect(transition(claim("received"), VALID.withdraw, { at, actor: viewer })).toMatchObject({
      ok: false,
      error: { code: "forbidden", params: { permission: "case:withdraw" } },
    });
    expect(transition(claim("received"), VALID.withdraw, { at, actor: { kind: "customer", role: "member" } }).ok).toBe(true);
    expect(transition(claim("negotiating"), VALID.proposal_accepted, { at, actor: { kind: "staff", roles: ["agent"] } }).ok).toBe(false);
    expect(transition(claim("mediation"), VALID.resolve, { at, actor: { kind: "staff", roles: ["mediator"] } }).ok).toBe(true);
  });
});
