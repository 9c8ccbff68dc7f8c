import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkHandOver,
  checkJudgment,
  checkLegalCost,
  checkLegalStep,
  checkOutOfCourt,
  JUDGMENT_RULINGS,
  LEGAL_STEP_KINDS,
  totalLegalCosts,
  type JudgmentRuling,
} from "./litigation";

const today = "2026-12-06";
const reasonOf = (error: ReturnType<typeof checkHandOver>) => (error ? `${error.field}:${error.messageKey}` : null);

describe("hand-over to legal", () => {
  it("needs a reason and an amount at stake above zero, which may exceed the disputed amount", () => {
    expect(checkHandOver({ reason: "Impayé après mise en demeure", amountAtStakeCents: 1 })).toBeNull();
    expect(reasonOf(checkHandOver({ reason: "  ", amountAtStakeCents: 100 }))).toBe("reason:litigation.error.reason_required");
    expect(reasonOf(checkHandOver({ reason: "x", amountAtStakeCents: 0 }))).toBe("amountAtStake:litigation.error.amount_positive");
    expect(reasonOf(checkHandOver({ reason: "x", amountAtStakeCents: -5 }))).toBe("amountAtStake:litigation.error.amount_positive");
    expect(reasonOf(checkHandOver({ reason: "x", amountAtStakeCents: 1.5 }))).toBe("amountAtStake:litigation.error.amount_positive");
    expect(reasonOf(checkHandOver({ reason: "x".repeat(2_001), amountAtStakeCents: 10 }))).toBe("reason:litigation.error.reason_required");
  });
});

describe("legal steps", () => {
  it("every kind needs a date", () => {
    for (const kind of LEGAL_STEP_KINDS) {
      expect(reasonOf(checkLegalStep({ kind, date: undefined }, today))).toBe("date:litigation.error.date_required");
      expect(reasonOf(checkLegalStep({ kind, date: "2026-02-30" }, today))).toBe("date:litigation.error.date_invalid");
      expect(checkLegalStep({ kind, date: today }, today)).toBeNull();
    }
  });

  it("only a hearing may be in the future (it is scheduled); a notice, an injunction or a judgment happened", () => {
    expect(checkLegalStep({ kind: "court_hearing", date: "2027-03-01" }, today)).toBeNull();
    for (const kind of ["formal_notice", "injunction_to_pay", "judgment"] as const) {
      expect(reasonOf(checkLegalStep({ kind, date: "2026-12-07" }, today))).toBe("date:litigation.error.date_in_future");
    }
  });

  it("an unknown kind is refused by name", () => {
    expect(reasonOf(checkLegalStep({ kind: "appeal" as "judgment", date: today }, today))).toBe("kind:litigation.error.kind_required");
  });
});

describe("legal costs", () => {
  it("an amount above zero, a label and a date not in the future", () => {
    expect(checkLegalCost({ amountCents: 150_000, label: "Honoraires d'avocat", date: today }, today)).toBeNull();
    expect(reasonOf(checkLegalCost({ amountCents: 0, label: "x", date: today }, today))).toBe("amount:litigation.error.amount_positive");
    expect(reasonOf(checkLegalCost({ amountCents: 10, label: "", date: today }, today))).toBe("label:litigation.error.label_required");
    expect(reasonOf(checkLegalCost({ amountCents: 10, label: "x", date: undefined }, today))).toBe("date:litigation.error.date_required");
    expect(reasonOf(checkLegalCost({ amountCents: 10, label: "x", date: "2026-12-31" }, today))).toBe("date:litigation.error.date_in_future");
  });

  it("the total is the sum of the costs, whatever their order", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10_000_000 }), { maxLength: 30 }), (amounts) => {
        const costs = amounts.map((amountCents) => ({ amountCents }));
        const total = totalLegalCosts(costs);
        expect(total).toBe(totalLegalCosts([...costs].reverse()));
        expect(total).toBe(amounts.reduce((a, b) => a + b, 0));
      }),
    );
  });
});

describe("judgment", () => {
  const disputed = { today, disputedCents: 100_000 };
  const judged = (ruling: JudgmentRuling, grantedCents: number, ...date: [string | undefined] | []) =>
    reasonOf(checkJudgment({ date: date.length === 0 ? "2026-11-20" : date[0], ruling, grantedCents, owedCents: 0 }, disputed));

  it("a judgment without a date is refused with its own message", () => {
    expect(judged("supplier", 0, undefined)).toBe("date:litigation.error.judgment_date_required");
    expect(judged("supplier", 0, "")).toBe("date:litigation.error.judgment_date_required");
    expect(judged("supplier", 0, "2027-01-01")).toBe("date:litigation.error.date_in_future");
  });

  it("the amounts agree with the ruling", () => {
    expect(judged("supplier", 0)).toBeNull();
    expect(judged("supplier", 10)).toBe("granted:litigation.error.granted_for_supplier");
    expect(judged("customer", 100_000)).toBeNull();
    expect(judged("customer", 0)).toBe("granted:litigation.error.granted_required");
    expect(judged("partly", 40_000)).toBeNull();
    expect(judged("partly", 0)).toBe("granted:litigation.error.granted_required");
    expect(judged("partly", 100_000)).toBe("granted:litigation.error.granted_partly");
    expect(judged("customer", 100_001)).toBe("granted:litigation.error.granted_above_disputed");
    expect(reasonOf(checkJudgment({ date: today, ruling: "supplier", grantedCents: 0, owedCents: -1 }, disputed))).toBe("owed:litigation.error.amount_invalid");
    expect(reasonOf(checkJudgment({ date: today, ruling: "won" as JudgmentRuling, grantedCents: 0, owedCents: 0 }, disputed))).toBe("ruling:litigation.error.ruling_required");
  });

  it("an accepted judgment never grants more than what is disputed", () => {
    fc.assert(
      fc.property(fc.constantFrom(...JUDGMENT_RULINGS), fc.integer({ min: 0, max: 300_000 }), fc.integer({ min: 0, max: 200_000 }), (ruling, grantedCents, disputedCents) => {
        if (checkJudgment({ date: today, ruling, grantedCents, owedCents: 0 }, { today, disputedCents }) === null) {
          expect(grantedCents).toBeLessThanOrEqual(disputedCents);
          expect(grantedCents === 0).toBe(ruling === "supplier");
        }
      }),
    );
  });
});

describe("settlement out of court", () => {
  it("terms and an amount no greater than what is disputed (0 when the customer pays it all)", () => {
    expect(checkOutOfCourt({ amountCents: 0, terms: "Paiement en trois fois" }, { disputedCents: 100 })).toBeNull();
    expect(checkOutOfCourt({ amountCents: 100, terms: "Avoir" }, { disputedCents: 100 })).toBeNull();
    expect(reasonOf(checkOutOfCourt({ amountCents: 101, terms: "Avoir" }, { disputedCents: 100 }))).toBe("amount:litigation.error.granted_above_disputed");
    expect(reasonOf(checkOutOfCourt({ amountCents: 10, terms: " " }, { disputedCents: 100 }))).toBe("terms:litigation.error.terms_required");
  });
});
