import { describe, expect, it } from "vitest";
import { businessHoursSchema, centsAsEuros, eurosSchema, manyOf, minutesAsHours } from "./schemas";
import { z } from "zod";
import { unknownPlaceholders } from "./template-input";

describe("administration input pieces", () => {
  it("reads business hours as typed, in whole minutes", () => {
    expect(businessHoursSchema.parse("1,5")).toBe(90);
    expect(businessHoursSchema.parse(" 8 ")).toBe(480);
    expect(businessHoursSchema.parse("0.25")).toBe(15);
    expect(businessHoursSchema.safeParse("0").error?.issues.map((i) => i.message)).toEqual(["admin.errors.positiveTarget"]);
    expect(businessHoursSchema.safeParse("1h").error?.issues[0]?.message).toBe("admin.errors.hoursFormat");
    expect(minutesAsHours(90, "fr")).toBe("1,5");
    expect(minutesAsHours(90, "en")).toBe("1.5");
  });

  it("reads euros as typed, in cents", () => {
    expect(eurosSchema.parse("1 250,50")).toBe(125050);
    expect(eurosSchema.parse("24,8")).toBe(2480);
    expect(eurosSchema.parse("3")).toBe(300);
    expect(eurosSchema.safeParse("1,234").error?.issues[0]?.message).toBe("admin.errors.amountFormat");
    expect(centsAsEuros(125050, "fr")).toBe("1250,50");
  });

  it("takes one or several checked values as a list", () => {
    const schema = manyOf(z.string());
    expect(schema.parse(undefined)).toEqual([]);
    expect(schema.parse("agent")).toEqual(["agent"]);
    expect(schema.parse(["agent", "", "legal"])).toEqual(["agent", "legal"]);
  });

  it("names the placeholders a response template may not use", () => {
    expect(unknownPlaceholders("Bonjour {{customerName}}, {{ reference }} avant le {{deadline}}")).toEqual([]);
    expect(unknownPlaceholders("Bonjour {{client}} {{client}} {{ montant }}")).toEqual(["client", "montant"]);
  });
});
