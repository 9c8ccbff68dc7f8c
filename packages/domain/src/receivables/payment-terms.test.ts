import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  dueDate,
  exceedsLegalMaximum,
  invoiceDunningState,
  outstandingDueDate,
  latePaymentPenalty,
  preDueReminderDate,
  resolveDisputedInvoice,
  statutoryLatePaymentRate,
  type PaymentTerm,
} from "./payment-terms";
import { daysBetween, endOfMonth, fromEpochDay, toEpochDay } from "../dates/iso-date";

describe("dueDate", () => {
  it("counts N days net from the invoice date", () => {
    expect(dueDate("2026-01-15", { kind: "net", days: 30 })).toBe("2026-02-14");
    expect(dueDate("2026-01-15", { kind: "net", days: 0 })).toBe("2026-01-15");
  });

  it("reads 'N jours fin de mois' as N days, then the end of that month", () => {
    expect(dueDate("2026-01-10", { kind: "end_of_month", days: 45 })).toBe("2026-02-28");
    expect(dueDate("2026-01-15", { kind: "end_of_month", days: 45 })).toBe("2026-03-31");
    expect(dueDate("2026-01-31", { kind: "end_of_month", days: 30 })).toBe("2026-03-31");
    expect(dueDate("2028-01-15", { kind: "end_of_month", days: 30 })).toBe("2028-02-29");
  });

  it("reads 'fin de mois + N jours' as the end of the invoice's month, then N days", () => {
    expect(dueDate("2026-01-15", { kind: "end_of_month_plus", days: 45 })).toBe("2026-03-17");
    expect(dueDate("2026-02-01", { kind: "end_of_month_plus", days: 10 })).toBe("2026-03-10");
  });

  it("never falls before the invoice date, and the end-of-month kinds end where they should", () => {
    const date = fc.integer({ min: toEpochDay("1990-01-01"), max: toEpochDay("2100-12-31") }).map(fromEpochDay);
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 365 }), (issued, days) => {
        const net = dueDate(issued, { kind: "net", days });
        expect(daysBetween(issued, net)).toBe(days);
        const eom = dueDate(issued, { kind: "end_of_month", days });
        expect(eom).toBe(endOfMonth(eom));
        expect(eom >= net).toBe(true);
        expect(daysBetween(endOfMonth(issued), dueDate(issued, { kind: "end_of_month_plus", days }))).toBe(days);
      }),
    );
  });

  it("refuses an unknown kind, a bad number of days or a bad date, naming the field", () => {
    expect(() => dueDate("2026-01-15", { kind: "weekly" as "net", days: 1 })).toThrowError(expect.objectContaining({ code: "invalid_payment_term", field: "term.kind" }));
    for (const days of [-1, 1.5, 366]) {
      expect(() => dueDate("2026-01-15", { kind: "net", days })).toThrowError(expect.objectContaining({ field: "term.days" }));
    }
    expect(() => dueDate("2026-13-01", { kind: "net", days: 1 })).toThrowError(expect.objectContaining({ code: "invalid_date", field: "from" }));
  });
});

describe("exceedsLegalMaximum", () => {
  it("flags terms beyond 60 days net or 45 days end of month", () => {
    const cases: [PaymentTerm, boolean][] = [
      [{ kind: "net", days: 60 }, false],
      [{ kind: "net", days: 61 }, true],
      [{ kind: "end_of_month", days: 45 }, false],
      [{ kind: "end_of_month_plus", days: 46 }, true],
    ];
    for (const [term, expected] of cases) expect(exceedsLegalMaximum(term)).toBe(expected);
  });
});

describe("invoiceDunningState", () => {
  it("puts a disputed invoice on hold, whatever its due date", () => {
    expect(invoiceDunningState({ dueDate: "2026-01-31", paid: false, disputed: true }, "2026-03-01")).toBe("on_hold");
    expect(invoiceDunningState({ dueDate: "2026-01-31", paid: false, disputed: false }, "2026-01-31")).toBe("not_due");
    expect(invoiceDunningState({ dueDate: "2026-01-31", paid: false, disputed: false }, "2026-02-01")).toBe("overdue");
    expect(invoiceDunningState({ dueDate: "2026-01-31", paid: true, disputed: true }, "2026-02-01")).toBe("paid");
    expect(() => invoiceDunningState({ dueDate: "2026-01-31", paid: false, disputed: false }, "tomorrow")).toThrowError(expect.objectContaining({ field: "today" }));
  });
});

describe("resolveDisputedInvoice", () => {
  const input = {
    invoiceAmountCents: 1_000_000,
    disputedCents: 300_000,
    creditedCents: 100_000,
    originalDueDate: "2026-02-28",
    resolutionDate: "2026-04-10",
    term: { kind: "end_of_month", days: 45 } as PaymentTerm,
  };

  it("keeps the undisputed part's due date and restarts the term from the resolution date for the rest", () => {
    expect(resolveDisputedInvoice(input)).toEqual({
      undisputed: { amountCents: 700_000, dueDate: "2026-02-28" },
      disputedRemainder: { amountCents: 200_000, dueDate: "2026-05-31" },
      creditedCents: 100_000,
    });
  });

  it("refuses inconsistent or negative amounts, naming the field", () => {
    expect(() => resolveDisputedInvoice({ ...input, disputedCents: 2_000_000 })).toThrowError(expect.objectContaining({ field: "disputedCents" }));
    expect(() => resolveDisputedInvoice({ ...input, creditedCents: 400_000 })).toThrowError(expect.objectContaining({ field: "creditedCents" }));
    expect(() => resolveDisputedInvoice({ ...input, invoiceAmountCents: -1 })).toThrowError(expect.objectContaining({ code: "invalid_amount", field: "invoiceAmountCents" }));
    expect(() => resolveDisputedInvoice({ ...input, resolutionDate: "2026-04-31" })).toThrowError(expect.objectContaining({ field: "resolutionDate" }));
  });
});

describe("latePaymentPenalty", () => {
  it("charges interest per day late on a 365-day year, plus the €40 indemnity", () => {
    // €10 000 at 14.15 % (ECB 4.15 % + 10 points) for 30 days: 10 000 × 0.1415 × 30 / 365 = €116.30.
    const rate = statutoryLatePaymentRate(415);
    expect(rate).toBe(1415);
    expect(latePaymentPenalty({ amountCents: 1_000_000, dueDate: "2026-01-31", paidOn: "2026-03-02", annualRateBasisPoints: rate })).toEqual({
      daysLate: 30,
      interestCents: 11_630,
      recoveryIndemnityCents: 4000,
      totalCents: 15_630,
    });
  });

  it("charges nothing when paid on time", () => {
    expect(latePaymentPenalty({ amountCents: 1_000_000, dueDate: "2026-01-31", paidOn: "2026-01-31", annualRateBasisPoints: 1000 })).toEqual({
      daysLate: 0,
      interestCents: 0,
      recoveryIndemnityCents: 0,
      totalCents: 0,
    });
  });

  it("rounds half up to the cent, in integer arithmetic", () => {
    // 73 cents × 10 % × 25 days / 365 = 0.5 cent → 1 cent.
    expect(latePaymentPenalty({ amountCents: 73, dueDate: "2026-01-01", paidOn: "2026-01-26", annualRateBasisPoints: 1000 }).interestCents).toBe(1);
  });

  it("refuses negative amounts and rates, naming the field", () => {
    const base = { amountCents: 1, dueDate: "2026-01-01", paidOn: "2026-02-01", annualRateBasisPoints: 1000 };
    expect(() => latePaymentPenalty({ ...base, amountCents: -5 })).toThrowError(expect.objectContaining({ field: "amountCents" }));
    expect(() => latePaymentPenalty({ ...base, annualRateBasisPoints: 10.5 })).toThrowError(expect.objectContaining({ field: "annualRateBasisPoints" }));
    expect(() => statutoryLatePaymentRate(-1)).toThrowError(expect.objectContaining({ field: "ecbRateBasisPoints" }));
  });
});

describe("preDueReminderDate", () => {
  it("goes back the given number of days", () => {
    expect(preDueReminderDate("2026-03-01", 7)).toBe("2026-02-22");
    expect(() => preDueReminderDate("2026-03-01", -1)).toThrowError(expect.objectContaining({ field: "daysBefore" }));
  });
});

describe("outstandingDueDate", () => {
  const settlement = { undisputedCents: 90_000, undisputedDueDate: "2026-03-12", remainderCents: 18_000, remainderDueDate: "2026-04-19" } as const;
  it("is the invoice's own date before any resolution", () => {
    expect(outstandingDueDate({ dueDate: "2026-03-12", paidCents: 0, settlement: null })).toBe("2026-03-12");
  });
  it("keeps the undisputed part's date until it is paid, then the remainder's new date", () => {
    expect(outstandingDueDate({ dueDate: "2026-03-12", paidCents: 89_999, settlement })).toBe("2026-03-12");
    expect(outstandingDueDate({ dueDate: "2026-03-12", paidCents: 90_000, settlement })).toBe("2026-04-19");
    expect(outstandingDueDate({ dueDate: "2026-03-12", paidCents: 0, settlement: { ...settlement, undisputedCents: 0 } })).toBe("2026-04-19");
    expect(outstandingDueDate({ dueDate: "2026-03-12", paidCents: 90_000, settlement: { ...settlement, remainderCents: 0 } })).toBe("2026-03-12");
  });
});
