import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { approvalStatus, checkApprover, PROPOSAL_KINDS, requiredApprovals, type ApprovalThresholds, type ProposalForApproval } from "./approval";

const thresholds: ApprovalThresholds = {
  default: { supervisorAboveCents: 100_000, financeAboveCents: 1_000_000 },
  commercial_gesture: { supervisorAboveCents: 0, financeAboveCents: 50_000 },
};
const proposal: ProposalForApproval = { authorId: "agent-1", kind: "credit_note", amountCents: 500_000 };
const supervisor = { kind: "staff", roles: ["supervisor"] } as const;
const finance = { kind: "staff", roles: ["finance"] } as const;

describe("requiredApprovals", () => {
  it("asks for a supervisor over the first threshold and for finance too over the second, strictly above", () => {
    expect(requiredApprovals({ kind: "credit_note", amountCents: 100_000 }, thresholds)).toEqual([]);
    expect(requiredApprovals({ kind: "credit_note", amountCents: 100_001 }, thresholds)).toEqual(["supervisor"]);
    expect(requiredApprovals({ kind: "credit_note", amountCents: 1_000_000 }, thresholds)).toEqual(["supervisor"]);
    expect(requiredApprovals({ kind: "credit_note", amountCents: 1_000_001 }, thresholds)).toEqual(["supervisor", "finance"]);
  });

  it("uses the thresholds of the proposal's kind when there are some", () => {
    expect(requiredApprovals({ kind: "commercial_gesture", amountCents: 1 }, thresholds)).toEqual(["supervisor"]);
    expect(requiredApprovals({ kind: "commercial_gesture", amountCents: 50_001 }, thresholds)).toEqual(["supervisor", "finance"]);
  });

  it("refuses negative amounts, unknown kinds and inconsistent thresholds, naming the field", () => {
    expect(() => requiredApprovals({ kind: "refund", amountCents: -1 }, thresholds)).toThrowError(expect.objectContaining({ code: "invalid_amount", field: "amountCents" }));
    expect(() => requiredApprovals({ kind: "gift" as "refund", amountCents: 1 }, thresholds)).toThrowError(expect.objectContaining({ field: "kind" }));
    const inverted = { default: { supervisorAboveCents: 10, financeAboveCents: 5 } };
    expect(() => requiredApprovals({ kind: "refund", amountCents: 1 }, inverted)).toThrowError(
      expect.objectContaining({ field: "thresholds.default.financeAboveCents" }),
    );
    const broken = { ...thresholds, refund: { supervisorAboveCents: 1.5, financeAboveCents: 5 } };
    expect(() => requiredApprovals({ kind: "refund", amountCents: 1 }, broken)).toThrowError(expect.objectContaining({ field: "thresholds.refund.supervisorAboveCents" }));
  });

  it("never needs finance without a supervisor, and never fewer approvals for a larger amount", () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROPOSAL_KINDS), fc.nat(), fc.nat(), (kind, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const small = requiredApprovals({ kind, amountCents: low }, thresholds);
        const large = requiredApprovals({ kind, amountCents: high }, thresholds);
        expect(large.length).toBeGreaterThanOrEqual(small.length);
        if (large.includes("finance")) expect(large).toContain("supervisor");
      }),
    );
  });
});

describe("approvalStatus", () => {
  it("is complete once every required level approved", () => {
    const big = { ...proposal, amountCents: 2_000_000 };
    expect(approvalStatus(big, [], thresholds)).toEqual({ required: ["supervisor", "finance"], approved: [], missing: ["supervisor", "finance"], rejected: false, complete: false });
    const both = [
      { approverId: "sup-1", level: "supervisor", decision: "approved" },
      { approverId: "fin-1", level: "finance", decision: "approved" },
    ] as const;
    expect(approvalStatus(big, both, thresholds)).toMatchObject({ missing: [], complete: true });
    expect(approvalStatus({ ...proposal, amountCents: 10 }, [], thresholds)).toMatchObject({ required: [], complete: true });
  });

  it("ignores the author's own decisions and stops at a refusal", () => {
    const own = [{ approverId: "agent-1", level: "supervisor", decision: "approved" }] as const;
    expect(approvalStatus(proposal, own, thresholds)).toMatchObject({ complete: false, missing: ["supervisor"] });
    const refused = [{ approverId: "sup-1", level: "supervisor", decision: "rejected" }] as const;
    expect(approvalStatus(proposal, refused, thresholds)).toMatchObject({ rejected: true, complete: false });
  });
});

describe("checkApprover", () => {
  const base = { proposal, decisions: [], thresholds, approverId: "sup-1", approver: supervisor, level: "supervisor" } as const;

  it("lets a supervisor other than the author approve", () => {
    expect(checkApprover(base)).toEqual({ ok: true });
  });

  it("never lets the author approve their own proposal, whatever their roles", () => {
    const author = { ...base, approverId: "agent-1", approver: { kind: "staff", roles: ["supervisor", "finance"] } } as const;
    expect(checkApprover(author)).toMatchObject({ ok: false, error: { code: "self_approval", field: "approverId" } });
    expect(checkApprover({ ...author, level: "finance" })).toMatchObject({ ok: false, error: { code: "self_approval" } });
  });

  it("requires the level's permission", () => {
    expect(checkApprover({ ...base, approver: finance })).toMatchObject({ ok: false, error: { code: "forbidden", params: { permission: "proposal:approve:supervisor" } } });
  });

  it("refuses a level the proposal does not need or already has, and a second level by the same person", () => {
    expect(checkApprover({ ...base, approver: finance, approverId: "fin-1", level: "finance" })).toMatchObject({ ok: false, error: { code: "approval_not_required" } });
    const approved = [{ approverId: "sup-1", level: "supervisor", decision: "approved" }] as const;
    expect(checkApprover({ ...base, approverId: "sup-2", decisions: approved })).toMatchObject({ ok: false, error: { code: "already_approved", field: "level" } });
    const big = { ...proposal, amountCents: 2_000_000 };
    const dual = { kind: "staff", roles: ["supervisor", "finance"] } as const;
    expect(checkApprover({ ...base, proposal: big, decisions: approved, approver: dual, level: "finance" })).toMatchObject({
      ok: false,
      error: { code: "already_approved", field: "approverId" },
    });
    expect(checkApprover({ ...base, level: "ceo" as "finance" })).toMatchObject({ ok: false, error: { field: "level" } });
  });
});
