import { describe, expect, it } from "vitest";
import { CASE_STATUSES, holdsInvoices } from "./statuses";

describe("holdsInvoices", () => {
  it("holds the invoices of an open case, never of a resolved or ended one", () => {
    expect(CASE_STATUSES.filter(holdsInvoices)).toEqual(["received", "qualified", "investigating", "awaiting_customer", "negotiating", "mediation", "litigation"]);
    expect(holdsInvoices("resolved")).toBe(false);
    expect(holdsInvoices("closed")).toBe(false);
  });
});
