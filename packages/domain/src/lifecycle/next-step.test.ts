import { describe, expect, it } from "vitest";
import { nextStepOf, NEXT_STEP_OWNERS, parseNextStep, statusesInGroup, statusGroupOf } from "./next-step";
import { CASE_STATUSES, isTerminal } from "./statuses";
import { TRANSITIONS } from "./transitions";

describe("next step of a case, as the customer reads it", () => {
  it("names the status and the next step by message key", () => {
    expect(nextStepOf("awaiting_customer")).toEqual({
      status: "awaiting_customer",
      statusKey: "case.status.awaiting_customer",
      nextKey: "case.next.awaiting_customer",
      owner: "customer",
      group: "open",
    });
  });

  it.each([
    ["received", "supplier"],
    ["qualified", "supplier"],
    ["investigating", "supplier"],
    ["awaiting_customer", "customer"],
    ["negotiating", "customer"],
    ["mediation", "supplier"],
    ["litigation", "nobody"],
    ["resolved", "supplier"],
    ["closed", "nobody"],
    ["withdrawn", "nobody"],
    ["rejected", "nobody"],
    ["duplicate", "nobody"],
  ] as const)("a %s case waits on %s", (status, owner) => {
    expect(nextStepOf(status).owner).toBe(owner);
  });

  it("the customer owes the next step exactly where the SLA clock pauses", () => {
    for (const status of CASE_STATUSES) {
      const paused = status === "awaiting_customer" || status === "negotiating";
      expect(NEXT_STEP_OWNERS[status] === "customer").toBe(paused);
    }
  });

  it("an ended case waits on nobody and accepts no command", () => {
    for (const status of CASE_STATUSES.filter(isTerminal)) {
      expect(nextStepOf(status).owner).toBe("nobody");
      expect(Object.keys(TRANSITIONS[status])).toHaveLength(0);
    }
  });

  it("groups statuses as open or closed, resolved counting as closed for the customer", () => {
    expect(statusesInGroup("open")).toEqual(["received", "qualified", "investigating", "awaiting_customer", "negotiating", "mediation", "litigation"]);
    expect(statusesInGroup("closed")).toEqual(["resolved", "closed", "withdrawn", "rejected", "duplicate"]);
    expect(statusGroupOf("resolved")).toBe("closed");
    expect([...statusesInGroup("open"), ...statusesInGroup("closed")].sort()).toEqual([...CASE_STATUSES].sort());
  });

  it("refuses an unknown status with a typed error", () => {
    const parsed = parseNextStep("lost");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatchObject({ code: "unknown_status", field: "status", params: { value: "lost" } });
    expect(parseNextStep("closed")).toMatchObject({ ok: true, step: { owner: "nobody" } });
  });
});
