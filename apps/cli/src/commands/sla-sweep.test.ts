import { describe, expect, it } from "vitest";
import { formatSweepReport, parseSweepArgs } from "./sla-sweep";

describe("sla:sweep arguments", () => {
  const now = new Date("2026-05-15T08:00:00Z");
  it("runs now without --at, at the given instant with it", () => {
    expect(parseSweepArgs([], () => now)).toEqual({ ok: true, at: now });
    expect(parseSweepArgs(["--at", "2026-05-15T10:00:00+02:00"])).toEqual({ ok: true, at: now });
    expect(parseSweepArgs(["--at", "2026-05-15T08:00:00.000Z"])).toEqual({ ok: true, at: now });
  });

  it("refuses a bad instant, a date without time or offset, a missing value and an unknown option, in French and English", () => {
    for (const args of [["--at", "demain"], ["--at", "2026-05-15"], ["--at", "2026-05-15T10:00:00"], ["--at", "2026-13-45T10:00:00Z"], ["--at"]]) {
      const parsed = parseSweepArgs(args);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error).toMatch(/--at attend.*--at expects/);
    }
    expect(parseSweepArgs(["--now"])).toMatchObject({ ok: false, error: expect.stringContaining("--now") });
  });
});

describe("sla:sweep report", () => {
  it("prints a count per kind and the references", () => {
    const empty = { first_response_warning: [], first_response_breach: [], resolution_warning: [], resolution_breach: [], inactivity: [], customer_reminder_1: [], customer_reminder_2: [], customer_action: [], pre_due: [], closed_resolved: [], proposals_expired: [], failed: [] };
    const text = formatSweepReport(new Date("2026-05-15T08:00:00Z"), { ...empty, first_response_breach: ["LIT-2026-000001", "LIT-2026-000002"] });
    expect(text).toContain("2026-05-15T08:00:00.000Z");
    expect(text).toContain("first-response breaches: 2 (LIT-2026-000001, LIT-2026-000002)");
    expect(text).toContain("inactivity reminders: 0");
  });
});
