import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { correctiveActionEffectiveness } from "../kpi/kpi";
import { actionEffectiveness, changeCorrectiveAction, checkNewCorrectiveAction, CORRECTIVE_ACTION_STATUSES, isOverdue, type CorrectiveActionChange } from "./corrective-action";

const at = (iso: string) => new Date(iso);
const DAY = 86_400_000;
const valid = { rootCauseCode: "raw_material", caseTerminal: false, owner: { active: true }, title: "Contrôler l'humidité des silos", dueDate: "2026-12-15" };

describe("adding a corrective action", () => {
  it("accepts an action on a case with a root cause, owned by an active staff member", () => {
    expect(checkNewCorrectiveAction(valid)).toBeNull();
    // After the fact: a due date in the past is allowed (shown overdue).
    expect(checkNewCorrectiveAction({ ...valid, dueDate: "2020-01-01" })).toBeNull();
  });

  it("refuses it before the root cause is set", () => {
    expect(checkNewCorrectiveAction({ ...valid, rootCauseCode: null })).toMatchObject({ field: "rootCauseCode", messageKey: "domain.error.corrective.root_cause_required" });
    expect(checkNewCorrectiveAction({ ...valid, rootCauseCode: " " })).toMatchObject({ field: "rootCauseCode" });
  });

  it("refuses an owner who is deactivated or unknown", () => {
    expect(checkNewCorrectiveAction({ ...valid, owner: { active: false } })).toMatchObject({ field: "ownerId", messageKey: "domain.error.corrective.owner_inactive" });
    expect(checkNewCorrectiveAction({ ...valid, owner: null })).toMatchObject({ field: "ownerId" });
  });

  it("refuses an empty title, an impossible due date, and a case that is over", () => {
    expect(checkNewCorrectiveAction({ ...valid, title: "  " })).toMatchObject({ field: "title" });
    expect(checkNewCorrectiveAction({ ...valid, dueDate: "2026-02-30" })).toMatchObject({ field: "dueDate" });
    expect(checkNewCorrectiveAction({ ...valid, caseTerminal: true })).toMatchObject({ messageKey: "domain.error.corrective.case_ended" });
  });
});

describe("changing an action's status", () => {
  const table: [string, CorrectiveActionChange, string | null][] = [
    ["open", { type: "complete" }, "done"],
    ["open", { type: "waive", reason: "Fournisseur remplacé" }, "waived"],
    ["open", { type: "waive", reason: "  " }, null],
    ["open", { type: "reopen" }, null],
    ["done", { type: "complete" }, null],
    ["done", { type: "waive", reason: "x" }, null],
    ["done", { type: "reopen" }, "open"],
    ["waived", { type: "complete" }, null],
    ["waived", { type: "reopen" }, "open"],
  ];
  it.each(table)("%s + %o → %s", (status, change, expected) => {
    const result = changeCorrectiveAction({ status: status as "open", caseTerminal: false }, change);
    expect(result.ok ? result.status : null).toBe(expected);
  });

  it("says why: a waiver without a reason names the reason field", () => {
    const result = changeCorrectiveAction({ status: "open", caseTerminal: false }, { type: "waive", reason: "" });
    expect(result).toMatchObject({ ok: false, error: { field: "reason", messageKey: "domain.error.corrective.reason_required" } });
  });

  it("changes nothing once the case is over", () => {
    fc.assert(
      fc.property(fc.constantFrom(...CORRECTIVE_ACTION_STATUSES), fc.constantFrom<CorrectiveActionChange>({ type: "complete" }, { type: "waive", reason: "r" }, { type: "reopen" }), (status, change) => {
        expect(changeCorrectiveAction({ status, caseTerminal: true }, change)).toMatchObject({ ok: false, error: { messageKey: "domain.error.corrective.case_ended" } });
      }),
    );
  });

  it("is overdue only while open and past its due date", () => {
    expect(isOverdue({ status: "open", dueDate: "2026-12-01" }, "2026-12-02")).toBe(true);
    expect(isOverdue({ status: "open", dueDate: "2026-12-02" }, "2026-12-02")).toBe(false);
    expect(isOverdue({ status: "done", dueDate: "2026-12-01" }, "2026-12-02")).toBe(false);
  });
});

describe("effectiveness of an action", () => {
  const doneAt = at("2026-06-01T10:00:00Z");
  const recurrences = [
    at("2026-03-01T10:00:00Z"), // before the window (92 days)
    at("2026-03-10T10:00:00Z"),
    at("2026-05-31T10:00:00Z"),
    at("2026-06-01T10:00:00Z"), // the instant of completion counts after
    at("2026-08-29T09:59:59Z"),
    at("2026-08-30T10:00:00Z"), // after the window
  ];

  it("is not applicable to an open or waived action", () => {
    expect(actionEffectiveness({ status: "open", rootCause: "x", doneAt: null, recurrences, asOf: at("2027-01-01T00:00:00Z") })).toEqual({ state: "not_applicable" });
    expect(actionEffectiveness({ status: "waived", rootCause: "x", doneAt: null, recurrences, asOf: at("2027-01-01T00:00:00Z") })).toEqual({ state: "not_applicable" });
  });

  it("counts the recurrences in the 90 days before and after once both are over", () => {
    expect(actionEffectiveness({ status: "done", rootCause: "x", doneAt, recurrences, asOf: at("2027-01-01T00:00:00Z") })).toEqual({
      state: "measured",
      before: 2,
      after: 2,
      reductionPercent: 0,
    });
  });

  it("is pending until 90 days have passed, with what happened so far", () => {
    const result = actionEffectiveness({ status: "done", rootCause: "x", doneAt, recurrences, asOf: at("2026-07-01T00:00:00Z") });
    expect(result).toEqual({ state: "pending", before: 2, afterSoFar: 1, measurableOn: new Date(doneAt.getTime() + 90 * DAY) });
  });

  it("agrees with the KPI's definition once measured", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -200, max: 200 }), { maxLength: 30 }), fc.integer({ min: 90, max: 400 }), (offsets, asOfDays) => {
        const dates = offsets.map((d) => new Date(doneAt.getTime() + d * DAY));
        const asOf = new Date(doneAt.getTime() + asOfDays * DAY);
        const kpi = correctiveActionEffectiveness({ actions: [{ id: "a", rootCause: "x", completedAt: doneAt }], cases: dates.map((openedAt) => ({ rootCause: "x", accountId: "acc", openedAt })), asOf });
        const mine = actionEffectiveness({ status: "done", rootCause: "x", doneAt, recurrences: dates, asOf });
        expect(mine).toEqual({ state: "measured", before: kpi.actions[0]!.before, after: kpi.actions[0]!.after, reductionPercent: kpi.actions[0]!.reductionPercent });
      }),
    );
  });
});
