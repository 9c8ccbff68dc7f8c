import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  acceptsSurvey,
  checkCustomerResponse,
  checkProposalDraft,
  customerMayDecide,
  isProposalExpired,
  isProposalSettled,
  parseProposalStatus,
  proposalVat,
  PROPOSAL_STATUSES,
  requiresConcessions,
} from "./proposal";
import { PROPOSAL_KINDS } from "../approval/approval";
import { CASE_STATUSES } from "../lifecycle/statuses";

const today = "2026-03-02";
const draft = { kind: "credit_note" as const, amountCents: 50_000, expiresOn: "2026-03-16" };

describe("checkProposalDraft", () => {
  it("accepts a proposal within what is disputed, open after today", () => {
    expect(checkProposalDraft(draft, { disputedCents: 50_000, today })).toEqual([]);
    expect(checkProposalDraft({ ...draft, amountCents: 0, kind: "replacement" }, { disputedCents: 50_000, today })).toEqual([]);
  });

  it("refuses an amount above what is disputed, naming the field", () => {
    expect(checkProposalDraft({ ...draft, amountCents: 50_001 }, { disputedCents: 50_000, today })).toEqual([
      expect.objectContaining({ code: "invalid_proposal", field: "amount", messageKey: "proposal.error.amount_above_disputed" }),
    ]);
    expect(checkProposalDraft({ ...draft, amountCents: -1 }, { disputedCents: 50_000, today })).toEqual([
      expect.objectContaining({ field: "amount", messageKey: "proposal.error.amount_invalid" }),
    ]);
  });

  it("refuses a last day that is today or past", () => {
    for (const expiresOn of [today, "2026-03-01", "2025-12-31"]) {
      expect(checkProposalDraft({ ...draft, expiresOn }, { disputedCents: 50_000, today })).toEqual([
        expect.objectContaining({ field: "expiresOn", messageKey: "proposal.error.expiry_not_in_future" }),
      ]);
    }
  });

  it("asks a settlement for each side's concessions, and no other kind", () => {
    const settlement = { ...draft, kind: "settlement" as const };
    expect(checkProposalDraft(settlement, { disputedCents: 50_000, today }).map((e) => e.field)).toEqual(["concessions.supplier", "concessions.customer"]);
    expect(checkProposalDraft({ ...settlement, concessions: { supplier: ["Avoir de 500 €"], customer: [" "] } }, { disputedCents: 50_000, today }).map((e) => e.field)).toEqual([
      "concessions.customer",
    ]);
    expect(checkProposalDraft({ ...settlement, concessions: { supplier: ["Avoir de 500 €"], customer: ["Renonce aux pénalités"] } }, { disputedCents: 50_000, today })).toEqual([]);
    expect(PROPOSAL_KINDS.filter(requiresConcessions)).toEqual(["settlement"]);
  });

  it("reports every field at fault at once, and an unknown kind", () => {
    const errors = checkProposalDraft({ kind: "voucher" as "refund", amountCents: 60_000, expiresOn: "2026-01-01" }, { disputedCents: 50_000, today });
    expect(errors.map((e) => e.field)).toEqual(["kind", "amount", "expiresOn"]);
  });
});

describe("proposalVat", () => {
  it("taxes the amount at the contested lines' rates, in proportion to what each disputes", () => {
    expect(proposalVat(10_000, [{ disputedCents: 5_000, vatRateBp: 2000 }])).toBe(2_000);
    // 10 000 split 7 500 / 2 500: 1 500 + 137,5 → 138.
    expect(proposalVat(10_000, [{ disputedCents: 30_000, vatRateBp: 2000 }, { disputedCents: 10_000, vatRateBp: 550 }])).toBe(1_638);
    expect(proposalVat(0, [{ disputedCents: 5_000, vatRateBp: 2000 }])).toBe(0);
    expect(proposalVat(10_000, [])).toBe(0);
    expect(proposalVat(10_000, [{ disputedCents: 0, vatRateBp: 550 }])).toBe(550);
  });

  it("never taxes above the highest rate nor below the lowest (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.record({ disputedCents: fc.integer({ min: 1, max: 1_000_000 }), vatRateBp: fc.constantFrom(0, 210, 550, 1000, 2000) }), { minLength: 1, maxLength: 6 }),
        (amount, lines) => {
          const vat = proposalVat(amount, lines);
          const rates = lines.map((l) => l.vatRateBp);
          expect(vat).toBeLessThanOrEqual(Math.ceil((amount * Math.max(...rates)) / 10_000) + lines.length);
          expect(vat).toBeGreaterThanOrEqual(Math.floor((amount * Math.min(...rates)) / 10_000) - lines.length);
        },
      ),
    );
  });
});

describe("answering a proposal", () => {
  const base = { status: "offered" as const, expiresOn: "2026-03-16", today, caseContactId: "u-1" };

  it("lets the account's admin or the case's contact decide, never a viewer or another member", () => {
    expect(customerMayDecide({ userId: "u-2", role: "admin" }, "u-1")).toBe(true);
    expect(customerMayDecide({ userId: "u-1", role: "member" }, "u-1")).toBe(true);
    expect(customerMayDecide({ userId: "u-2", role: "member" }, "u-1")).toBe(false);
    expect(customerMayDecide({ userId: "u-1", role: "viewer" }, "u-1")).toBe(false);
    expect(checkCustomerResponse({ ...base, customer: { userId: "u-1", role: "viewer" } })).toMatchObject({ code: "forbidden", messageKey: "proposal.error.not_allowed_to_decide" });
  });

  it("accepts an answer up to and including the last day, and refuses it afterwards", () => {
    const customer = { userId: "u-1", role: "member" as const };
    expect(checkCustomerResponse({ ...base, customer, today: "2026-03-16" })).toBeNull();
    expect(checkCustomerResponse({ ...base, customer, today: "2026-03-17" })).toMatchObject({ messageKey: "proposal.error.expired" });
    expect(isProposalExpired(null, "2030-01-01")).toBe(false);
  });

  it("refuses an answer to a proposal that is not with the customer", () => {
    const customer = { userId: "u-1", role: "admin" as const };
    expect(checkCustomerResponse({ ...base, customer, status: "accepted" })).toMatchObject({ messageKey: "proposal.error.already_accepted" });
    expect(checkCustomerResponse({ ...base, customer, status: "pending_approval" })).toMatchObject({ messageKey: "proposal.error.not_offered" });
  });

  it("opens the survey once the case is resolved", () => {
    expect(CASE_STATUSES.filter(acceptsSurvey)).toEqual(["resolved", "closed"]);
  });

  it("knows which statuses no longer move", () => {
    expect(PROPOSAL_STATUSES.filter((status) => !isProposalSettled(status))).toEqual(["draft", "pending_approval", "offered"]);
    expect(parseProposalStatus("offered")).toBe("offered");
    expect(() => parseProposalStatus("sent")).toThrowError(expect.objectContaining({ field: "status" }));
  });
});
