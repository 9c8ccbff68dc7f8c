import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DEFAULT_CALENDAR } from "../calendar/calendar";
import { BusinessClock } from "../calendar/business-time";
import { PRIORITIES } from "../lifecycle/statuses";
import {
  addBusinessDays,
  dueCustomerReminders,
  dueInactivityNotice,
  dueSlaNotices,
  inPreDueWindow,
  preDueWindowEnd,
  raisedPriority,
} from "./notices";

const clock = new BusinessClock(DEFAULT_CALENDAR);
const at = (iso: string) => new Date(iso);
const none = { firstResponseWarnAt: null, firstResponseDueAt: null, resolutionWarnAt: null, resolutionDueAt: null, firstRespondedAt: null };

describe("dueSlaNotices", () => {
  const instants = {
    ...none,
    firstResponseWarnAt: at("2026-05-07T14:00:00Z"),
    firstResponseDueAt: at("2026-05-11T08:00:00Z"),
    resolutionWarnAt: at("2026-05-20T08:00:00Z"),
    resolutionDueAt: at("2026-05-22T08:00:00Z"),
  };

  it("sends nothing before the warning, and points at it", () => {
    const result = dueSlaNotices("c1", instants, at("2026-05-07T13:59:59Z"));
    expect(result.notices).toEqual([]);
    expect(result.nextCheckAt).toEqual(instants.firstResponseWarnAt);
  });

  it("sends the warning at its instant, then the breach at the deadline, each with its key", () => {
    const warning = dueSlaNotices("c1", instants, at("2026-05-07T14:00:00Z"));
    expect(warning.notices).toEqual([{ kind: "first_response_warning", key: "sla:c1:first_response:warning", dueAt: instants.firstResponseWarnAt, superseded: false }]);
    expect(warning.nextCheckAt).toEqual(instants.firstResponseDueAt);
    const breach = dueSlaNotices("c1", instants, at("2026-05-11T08:00:00Z"));
    expect(breach.notices.map((n) => [n.key, n.superseded])).toEqual([
      ["sla:c1:first_response:warning", true],
      ["sla:c1:first_response:breach", false],
    ]);
    expect(breach.nextCheckAt).toEqual(instants.resolutionWarnAt);
  });

  it("forgets the first-response target once answered", () => {
    const result = dueSlaNotices("c1", { ...instants, firstRespondedAt: at("2026-05-06T10:00:00Z") }, at("2026-05-12T00:00:00Z"));
    expect(result.notices).toEqual([]);
    expect(result.nextCheckAt).toEqual(instants.resolutionWarnAt);
  });

  it("never returns a next check in the past, nor a notice in the future", () => {
    const instant = fc.date({ min: at("2026-01-01T00:00:00Z"), max: at("2027-01-01T00:00:00Z"), noInvalidDate: true });
    fc.assert(
      fc.property(fc.option(instant), fc.option(instant), fc.option(instant), fc.option(instant), instant, (a, b, c, d, now) => {
        const result = dueSlaNotices("x", { ...none, firstResponseWarnAt: a, firstResponseDueAt: b, resolutionWarnAt: c, resolutionDueAt: d }, now);
        expect(result.notices.every((n) => n.dueAt.getTime() <= now.getTime())).toBe(true);
        if (result.nextCheckAt) expect(result.nextCheckAt.getTime()).toBeGreaterThan(now.getTime());
        expect(new Set(result.notices.map((n) => n.key)).size).toBe(result.notices.length);
      }),
    );
  });
});

describe("business days", () => {
  it("skip the weekend and a French public holiday (Ascension, Thursday 14 May 2026)", () => {
    // Wednesday 13 May 2026, 10:00 Paris: 1 business day later is Friday 15 May 10:00 (14th is Ascension).
    expect(addBusinessDays(at("2026-05-13T08:00:00Z"), 1, clock)).toEqual(at("2026-05-15T08:00:00Z"));
    // 2 business days: over the weekend to Monday 18 May 10:00.
    expect(addBusinessDays(at("2026-05-13T08:00:00Z"), 2, clock)).toEqual(at("2026-05-18T08:00:00Z"));
  });

  it("refuses a negative count", () => {
    expect(() => addBusinessDays(at("2026-05-13T08:00:00Z"), -1, clock)).toThrow();
  });
});

describe("dueInactivityNotice", () => {
  it("is due N business days after the last activity, keyed by that activity", () => {
    const input = { caseId: "c1", lastActivityAt: at("2026-05-13T08:00:00Z"), inactivityBusinessDays: 2, calendar: clock };
    expect(dueInactivityNotice(input, at("2026-05-18T07:59:59Z"))).toBeNull();
    expect(dueInactivityNotice(input, at("2026-05-18T08:00:00Z"))?.key).toBe("inactivity:c1:2026-05-13T08:00:00.000Z");
  });
});

describe("dueCustomerReminders", () => {
  const base = { subjectId: "r1", since: at("2026-05-13T08:00:00Z"), firstDays: 1, secondDays: 1, actionDays: 1, calendar: clock };
  it("walks reminder 1, reminder 2, then the action, only the latest not superseded", () => {
    expect(dueCustomerReminders(base, at("2026-05-15T07:59:00Z"))).toEqual([]);
    expect(dueCustomerReminders(base, at("2026-05-15T08:00:00Z")).map((n) => n.key)).toEqual(["reminder:r1:1"]);
    const second = dueCustomerReminders(base, at("2026-05-18T08:00:00Z"));
    expect(second.map((n) => [n.kind, n.superseded])).toEqual([
      ["customer_reminder_1", true],
      ["customer_reminder_2", false],
    ]);
    expect(dueCustomerReminders(base, at("2026-05-19T08:00:00Z")).at(-1)?.key).toBe("reminder:r1:action");
  });

  it("has no action when none is configured", () => {
    expect(dueCustomerReminders({ ...base, actionDays: null }, at("2026-06-30T08:00:00Z")).map((n) => n.kind)).toEqual(["customer_reminder_1", "customer_reminder_2"]);
  });
});

describe("pre-due window", () => {
  it("covers the N days before the due date and the day itself", () => {
    expect(inPreDueWindow("2026-05-20", "2026-05-14", 5)).toBe(false);
    expect(inPreDueWindow("2026-05-20", "2026-05-15", 5)).toBe(true);
    expect(inPreDueWindow("2026-05-20", "2026-05-20", 5)).toBe(true);
    expect(inPreDueWindow("2026-05-20", "2026-05-21", 5)).toBe(false);
    expect(preDueWindowEnd("2026-05-15", 5)).toBe("2026-05-20");
  });
});

describe("raisedPriority", () => {
  it("raises one level and keeps P1", () => {
    expect(["P4", "P3", "P2", "P1"].map((p) => raisedPriority(p as "P1"))).toEqual(["P3", "P2", "P1", "P1"]);
  });

  it("never lowers a priority", () => {
    fc.assert(fc.property(fc.constantFrom(...PRIORITIES), (p) => PRIORITIES.indexOf(raisedPriority(p)) <= PRIORITIES.indexOf(p)));
  });
});
