import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { selectSlaPolicy, validateSlaPolicies, workingDayMinutes, type SlaPolicy } from "./policy";
import { DEFAULT_CALENDAR } from "../calendar/calendar";
import { CASE_TYPES, CUSTOMER_TIERS, PRIORITIES } from "../lifecycle/statuses";

const policy = (id: string, criteria: Partial<Pick<SlaPolicy, "priority" | "type" | "tier">>): SlaPolicy => ({
  id,
  priority: null,
  type: null,
  tier: null,
  firstResponseMinutes: 480,
  resolutionMinutes: 4800,
  ...criteria,
});

const policies = [
  policy("default", {}),
  policy("strategic", { tier: "strategic" }),
  policy("quality", { type: "quality" }),
  policy("p1", { priority: "P1" }),
  policy("p1-strategic", { priority: "P1", tier: "strategic" }),
  policy("p1-quality", { priority: "P1", type: "quality" }),
];

describe("selectSlaPolicy", () => {
  it("picks the most specific match: priority, then type, then tier", () => {
    const pick = (priority: "P1" | "P2", type: "quality" | "delivery", tier: "standard" | "strategic") =>
      selectSlaPolicy(policies, { priority, type, tier })?.id;
    expect(pick("P2", "delivery", "standard")).toBe("default");
    expect(pick("P2", "delivery", "strategic")).toBe("strategic");
    expect(pick("P2", "quality", "strategic")).toBe("quality");
    expect(pick("P1", "delivery", "standard")).toBe("p1");
    expect(pick("P1", "delivery", "strategic")).toBe("p1-strategic");
    expect(pick("P1", "quality", "strategic")).toBe("p1-quality");
  });

  it("returns null when nothing matches, and the first of two identical policies", () => {
    expect(selectSlaPolicy([policy("p4", { priority: "P4" })], { priority: "P1", type: "other", tier: "key" })).toBeNull();
    expect(selectSlaPolicy([policy("a", {}), policy("b", {})], { priority: "P1", type: "other", tier: "key" })?.id).toBe("a");
  });

  it("always returns a matching policy that no other matching policy is more specific than", () => {
    const criteria = fc.record({
      priority: fc.constantFrom(null, ...PRIORITIES),
      type: fc.constantFrom(null, ...CASE_TYPES),
      tier: fc.constantFrom(null, ...CUSTOMER_TIERS),
    });
    const profile = fc.record({ priority: fc.constantFrom(...PRIORITIES), type: fc.constantFrom(...CASE_TYPES), tier: fc.constantFrom(...CUSTOMER_TIERS) });
    fc.assert(
      fc.property(fc.array(criteria, { maxLength: 12 }), profile, (list, caseProfile) => {
        const all = list.map((c, i) => policy(String(i), c));
        const chosen = selectSlaPolicy(all, caseProfile);
        const matching = all.filter(
          (p) => (p.priority ?? caseProfile.priority) === caseProfile.priority && (p.type ?? caseProfile.type) === caseProfile.type && (p.tier ?? caseProfile.tier) === caseProfile.tier,
        );
        if (matching.length === 0) {
          expect(chosen).toBeNull();
          return;
        }
        expect(matching).toContain(chosen);
        const weight = (p: SlaPolicy) => (p.priority ? 4 : 0) + (p.type ? 2 : 0) + (p.tier ? 1 : 0);
        for (const other of matching) expect(weight(other)).toBeLessThanOrEqual(weight(chosen as SlaPolicy));
      }),
    );
  });
});

describe("validateSlaPolicies", () => {
  it("accepts a sound list", () => {
    expect(validateSlaPolicies(policies)).toEqual([]);
  });

  it("names bad criteria, bad targets and duplicates", () => {
    const errors = validateSlaPolicies([
      { ...policy("a", {}), priority: "P0" as "P1", type: "weather" as "other", tier: "gold" as "key", firstResponseMinutes: 0, resolutionMinutes: 1.5 },
      policy("b", {}),
      policy("c", {}),
    ]);
    expect(errors.map((e) => e.field)).toEqual([
      "policies[0].priority",
      "policies[0].type",
      "policies[0].tier",
      "policies[0].firstResponseMinutes",
      "policies[0].resolutionMinutes",
      "policies[2].id",
    ]);
    expect(errors.every((e) => e.code === "invalid_policy")).toBe(true);
  });
});

describe("workingDayMinutes", () => {
  it("counts one full working day of the calendar", () => {
    expect(workingDayMinutes(DEFAULT_CALENDAR)).toBe(480);
    expect(workingDayMinutes(DEFAULT_CALENDAR, "sat")).toBe(0);
    expect(workingDayMinutes({ ...DEFAULT_CALENDAR, weekly: { ...DEFAULT_CALENDAR.weekly, mon: ["09:00-12:30", "13:30-18:30"] } })).toBe(510);
    expect(() => workingDayMinutes(DEFAULT_CALENDAR, "lun" as "mon")).toThrowError(expect.objectContaining({ field: "weekday" }));
  });
});
