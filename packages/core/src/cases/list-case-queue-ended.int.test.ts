import { customerAccounts, type CaseStatus } from "@accord/db";
import { insertCase, useTestDb } from "@accord/db/testing";
import type { StaffActor } from "@accord/auth";
import type { Outcome } from "@accord/domain";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { createCustomer, createStaff, rejection, staffActor } from "../testing/fixtures";
import { queueQueryInput, queueSearchParams, caseQueueQuerySchema } from "./case-queue-query";
import { listCaseQueue } from "./list-case-queue";
import { listQueueFilterOptions } from "./list-queue-filter-options";

const t = useTestDb();

// Monday 2 March 2026, 10:00 in Paris (UTC+1 in winter: Paris midnight is 23:00 UTC the day before).
const now = new Date("2026-03-02T09:00:00Z");

type Values = {
  title: string;
  status?: CaseStatus;
  receivedAt?: Date;
  endedAt?: Date | null;
  resolvedAt?: Date | null;
  outcome?: Outcome | null;
  rootCauseCode?: string | null;
};

/** A fresh customer account per test (each test filters on it: the file's cases share the database). */
async function world() {
  const contact = await createCustomer(t.db, { name: "Claire Dupont" });
  const actor: StaffActor = await staffActor(t.db, (await createStaff(t.db, { roles: ["supervisor"] })).id);
  const add = (values: Values) =>
    insertCase(t.db, {
      accountId: contact.accountId,
      customerContactId: contact.id,
      title: values.title,
      status: values.status ?? "investigating",
      receivedAt: values.receivedAt ?? new Date("2026-02-01T10:00:00Z"),
      // The trigger sets ended_at from updated_at when none is given: the tests give it.
      endedAt: values.endedAt ?? null,
      updatedAt: values.endedAt ?? values.receivedAt ?? new Date("2026-02-01T10:00:00Z"),
      resolvedAt: values.resolvedAt ?? null,
      outcome: values.outcome ?? null,
      rootCauseCode: values.rootCauseCode ?? null,
    });
  const titles = async (input: Record<string, unknown>) => {
    const page = await listCaseQueue({ db: t.db, actor, input: { account: contact.accountId, ...input }, now });
    return page.cases.map((c) => c.title);
  };
  return { contact, actor, add, titles };
}

const fieldErrors = async (promise: Promise<unknown>) => {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).fieldErrors;
};

describe("listCaseQueue: ended cases and the dashboard's drill-down filters", () => {
  it("shows open cases by default, ended ones (resolved or terminal) with state=ended, both with state=all", async () => {
    const w = await world();
    await w.add({ title: "open" });
    await w.add({ title: "resolved", status: "resolved", endedAt: new Date("2026-02-20T10:00:00Z"), resolvedAt: new Date("2026-02-20T10:00:00Z") });
    await w.add({ title: "closed", status: "closed", endedAt: new Date("2026-02-25T10:00:00Z") });
    await w.add({ title: "withdrawn", status: "withdrawn", endedAt: new Date("2026-02-10T10:00:00Z") });

    // Today's queue: not closed, withdrawn, rejected or merged (a resolved case awaits its closing).
    expect((await w.titles({})).sort()).toEqual(["open", "resolved"]);
    expect(await w.titles({ state: "ended", sort: "ended" })).toEqual(["closed", "resolved", "withdrawn"]);
    expect((await w.titles({ state: "all" })).sort()).toEqual(["closed", "open", "resolved", "withdrawn"]);
    // The status filter still works inside a state, and a terminal status still opens the ended cases.
    expect(await w.titles({ state: "ended", status: "closed" })).toEqual(["closed"]);
    expect(await w.titles({ status: "withdrawn" })).toEqual(["withdrawn"]);
    expect(await w.titles({ state: "ended", status: "investigating" })).toEqual([]);

    const page = await listCaseQueue({ db: t.db, actor: w.actor, input: { account: w.contact.accountId, state: "ended" }, now });
    expect(page.query.sort).toBe("received");
    expect(page.cases.find((c) => c.title === "closed")).toMatchObject({ status: "closed", endedAt: new Date("2026-02-25T10:00:00Z") });
  });

  it("filters a period of Paris days, `to` included, on the reception, end or resolution date", async () => {
    const w = await world();
    // Paris midnight starting 1 February 2026 is 31 January 23:00 UTC.
    await w.add({ title: "before-midnight", receivedAt: new Date("2026-01-31T22:59:59Z") });
    await w.add({ title: "at-midnight", receivedAt: new Date("2026-01-31T23:00:00Z") });
    await w.add({ title: "last-minute", receivedAt: new Date("2026-02-28T22:59:59Z") });
    await w.add({ title: "next-day", receivedAt: new Date("2026-02-28T23:00:00Z") });
    expect((await w.titles({ from: "2026-02-01", to: "2026-02-28", sort: "received" })).sort()).toEqual(["at-midnight", "last-minute"]);
    expect(await w.titles({ to: "2026-01-31", sort: "received" })).toEqual(["before-midnight"]);
    expect(await w.titles({ from: "2026-03-01", sort: "received" })).toEqual(["next-day"]);

    const received = new Date("2026-01-10T10:00:00Z");
    await w.add({ title: "ended-in", status: "closed", receivedAt: received, endedAt: new Date("2026-01-20T23:00:00Z") });
    await w.add({ title: "ended-out", status: "closed", receivedAt: received, endedAt: new Date("2026-01-20T22:59:00Z") });
    await w.add({ title: "resolved-in", status: "closed", receivedAt: received, endedAt: new Date("2026-01-25T10:00:00Z"), resolvedAt: new Date("2026-01-21T10:00:00Z") });
    await w.add({ title: "resolved-out", status: "resolved", receivedAt: received, endedAt: new Date("2026-01-21T10:00:00Z"), resolvedAt: new Date("2026-01-20T10:00:00Z") });
    const period = { state: "all", from: "2026-01-21", to: "2026-01-21" };
    expect((await w.titles({ ...period, on: "ended" })).sort()).toEqual(["ended-in", "resolved-out"]);
    expect(await w.titles({ ...period, on: "resolved" })).toEqual(["resolved-in"]);
    expect(await w.titles({ ...period, on: "received" })).toEqual([]);
  });

  it("filters by root cause (or none), outcome and customer tier", async () => {
    const w = await world();
    const ended = { status: "closed" as const, endedAt: new Date("2026-02-20T10:00:00Z") };
    await w.add({ title: "defect-upheld", ...ended, rootCauseCode: "product_defect", outcome: "upheld" });
    await w.add({ title: "defect-rejected", ...ended, rootCauseCode: "product_defect", outcome: "rejected" });
    await w.add({ title: "packaging-amicable", ...ended, rootCauseCode: "packaging", outcome: "settled_amicably" });
    await w.add({ title: "no-cause", ...ended });
    const all = { state: "ended" };

    expect((await w.titles({ ...all, rootCause: "product_defect" })).sort()).toEqual(["defect-rejected", "defect-upheld"]);
    expect(await w.titles({ ...all, rootCause: "none" })).toEqual(["no-cause"]);
    expect(await w.titles({ ...all, outcome: "settled_amicably" })).toEqual(["packaging-amicable"]);
    expect(await w.titles({ ...all, rootCause: "product_defect", outcome: "upheld" })).toEqual(["defect-upheld"]);
    const page = await listCaseQueue({ db: t.db, actor: w.actor, input: { account: w.contact.accountId, ...all, outcome: "upheld" }, now });
    expect(page.cases[0]).toMatchObject({ outcome: "upheld", rootCauseCode: "product_defect" });

    await t.db.update(customerAccounts).set({ tier: "strategic" }).where(eq(customerAccounts.id, w.contact.accountId));
    expect(await w.titles({ ...all, tier: "strategic", outcome: "upheld" })).toEqual(["defect-upheld"]);
    expect(await w.titles({ ...all, tier: "key" })).toEqual([]);
  });

  it("sorts ended cases by the most recent end and walks every page without duplicates or gaps, equal ends included", async () => {
    const w = await world();
    const ends = [new Date("2026-02-10T10:00:00Z"), new Date("2026-02-11T10:00:00Z"), new Date("2026-02-12T10:00:00Z")];
    for (let i = 0; i < 110; i++) await w.add({ title: `e-${i}`, status: "closed", endedAt: ends[i % 3]! });
    for (let i = 0; i < 7; i++) await w.add({ title: `o-${i}` });

    for (const state of ["ended", "all"]) {
      const seen: string[] = [];
      const input: Record<string, unknown> = { account: w.contact.accountId, state, sort: "ended" };
      for (;;) {
        const page = await listCaseQueue({ db: t.db, actor: w.actor, input, now });
        seen.push(...page.cases.map((c) => c.title));
        if (!page.nextCursor) break;
        input.after = page.nextCursor;
      }
      const expected = state === "ended" ? 110 : 117;
      expect(seen).toHaveLength(expected);
      expect(new Set(seen).size).toBe(expected);
      // The most recent end first; running cases (no end) last.
      expect(seen.slice(0, 36).every((title) => Number(title.slice(2)) % 3 === 2)).toBe(true);
      if (state === "all") expect(seen.slice(110).every((title) => title.startsWith("o-"))).toBe(true);
    }
  });

  it("reports a bad day, an inverted period, an unknown root cause, outcome or tier, and a sort the state has not, on their fields", async () => {
    const w = await world();
    const query = (input: Record<string, unknown>) => listCaseQueue({ db: t.db, actor: w.actor, input, now });
    expect(await fieldErrors(query({ from: "2026-02-30", to: "hier", on: "closed", outcome: "won", tier: "gold", state: "gone" }))).toEqual({
      from: ["queue.error.day"],
      to: ["queue.error.day"],
      on: ["queue.error.invalid"],
      outcome: ["queue.error.invalid"],
      tier: ["queue.error.invalid"],
      state: ["queue.error.invalid"],
    });
    expect(await fieldErrors(query({ from: "2026-02-10", to: "2026-02-09" }))).toEqual({ to: ["queue.error.periodRange"] });
    expect(await fieldErrors(query({ rootCause: "no_such_cause" }))).toEqual({ rootCause: ["queue.error.invalid"] });
    expect(await fieldErrors(query({ rootCause: "Bad Code!" }))).toEqual({ rootCause: ["queue.error.invalid"] });
    expect(await fieldErrors(query({ state: "ended", sort: "sla" }))).toEqual({ sort: ["queue.error.sort"] });
    expect(await fieldErrors(query({ sort: "ended" }))).toEqual({ sort: ["queue.error.sort"] });
  });

  it("writes the new filters in the canonical query string, defaults left out, and reads them back", () => {
    const input = { state: "ended", from: "2026-01-01", to: "2026-01-31", on: "ended", rootCause: "packaging", outcome: "upheld", tier: "key", sort: "ended" };
    const query = caseQueueQuerySchema.parse(input);
    const params = queueSearchParams(query);
    expect(Object.fromEntries(params)).toEqual(input);
    expect(caseQueueQuerySchema.parse(queueQueryInput(params))).toEqual(query);
    // The ended state's default sort (most recent reception) and the default date are left out.
    expect(queueSearchParams(caseQueueQuerySchema.parse({ state: "ended", sort: "received", on: "received" })).toString()).toBe("state=ended");
    expect(queueSearchParams(caseQueueQuerySchema.parse({})).toString()).toBe("");
  });

  it("offers the root causes for the filter in the user's language, in the taxonomy's order", async () => {
    const w = await world();
    const fr = await listQueueFilterOptions({ db: t.db, actor: w.actor, language: "fr" });
    const en = await listQueueFilterOptions({ db: t.db, actor: w.actor, language: "en" });
    expect(fr.rootCauses.slice(0, 2)).toEqual([
      { code: "product_defect", label: "Défaut de fabrication" },
      { code: "raw_material", label: "Matière première non conforme" },
    ]);
    expect(en.rootCauses[0]).toEqual({ code: "product_defect", label: "Manufacturing defect" });
  });
});
