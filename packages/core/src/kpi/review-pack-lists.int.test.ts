import { useTestDb } from "@accord/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { kpiAccount, kpiCase, kpiCorrectiveAction, kpiDecidedCase, kpiStaff } from "../testing/kpi-decision-records";
import { resolveKpiScope } from "./resolve-kpi-scope";
import { correctiveFollowUp, decisions, slaBreaches, topDisputes } from "./review-pack-lists";

const t = useTestDb();
const NOW = new Date("2026-12-07T10:00:00Z");
// March 2026 in Paris: [28 Feb 23:00 UTC, 31 Mar 22:00 UTC), as of its end.
const MARCH_FROM = new Date("2026-02-28T23:00:00Z");
const MARCH_TO = new Date("2026-03-31T22:00:00Z");
const JANUARY = new Date("2026-01-10T09:00:00Z");
const at = (iso: string) => new Date(iso);
const ms = (instant: Date, delta: number) => new Date(instant.getTime() + delta);

type Account = Awaited<ReturnType<typeof kpiAccount>>;
let account: Account;
let other: Account;
let owner: Awaited<ReturnType<typeof kpiStaff>>;

const march = (query: Record<string, string> = {}) => resolveKpiScope(t.db, { from: "2026-03-01", to: "2026-03-31", ...query }, NOW).then((r) => r.scope);

beforeAll(async () => {
  account = await kpiAccount(t.db, { name: "Boulangeries Martin SARL" });
  other = await kpiAccount(t.db, { name: "Minoterie Voisine SAS" });
  owner = await kpiStaff(t.db, "Sophie Lambert");
});

describe("topDisputes", () => {
  it("lists the 10 largest amounts received in the month or still open at its end", async () => {
    const received = await kpiCase(t.db, account, { receivedAt: MARCH_FROM, disputedAmountCents: 5_000_00, status: "resolved", resolvedAt: at("2026-03-20T09:00:00Z"), endedAt: at("2026-03-20T09:00:00Z"), title: "Farine humide" });
    const open = await kpiCase(t.db, account, { receivedAt: JANUARY, disputedAmountCents: 8_000_00 });
    const endedAfter = await kpiCase(t.db, account, { receivedAt: JANUARY, disputedAmountCents: 7_000_00, status: "withdrawn", endedAt: ms(MARCH_TO, 3_600_000) });
    for (let i = 1; i <= 10; i++) await kpiCase(t.db, account, { receivedAt: at("2026-03-10T09:00:00Z"), disputedAmountCents: i * 1_00 });
    // Not in the list: ended in March though received before, received in April, a duplicate, another type.
    await kpiCase(t.db, account, { receivedAt: JANUARY, disputedAmountCents: 9_000_00, status: "rejected", endedAt: at("2026-03-15T09:00:00Z") });
    await kpiCase(t.db, account, { receivedAt: MARCH_TO, disputedAmountCents: 9_500_00 });
    await kpiCase(t.db, account, { receivedAt: at("2026-03-10T09:00:00Z"), disputedAmountCents: 9_600_00, status: "duplicate", endedAt: at("2026-03-11T09:00:00Z") });
    await kpiCase(t.db, other, { receivedAt: at("2026-03-10T09:00:00Z"), disputedAmountCents: 9_700_00, type: "delivery" });

    const top = await topDisputes(t.db, await march({ type: "quality" }));
    expect(top).toHaveLength(10);
    expect(top.map((c) => c.disputedAmountCents)).toEqual([8_000_00, 7_000_00, 5_000_00, 10_00, 9_00, 8_00, 7_00, 6_00, 5_00, 4_00]);
    expect(top.slice(0, 3).map((c) => c.reference)).toEqual([open.reference, endedAfter.reference, received.reference]);
    expect(top[2]).toMatchObject({ title: "Farine humide", accountName: "Boulangeries Martin SARL", type: "quality", status: "resolved", receivedAt: MARCH_FROM, endedAt: at("2026-03-20T09:00:00Z") });
    expect(top[0]!.endedAt).toBeNull();
    // Without the type filter the other customer's delivery case leads.
    expect((await topDisputes(t.db, await march()))[0]!.disputedAmountCents).toBe(9_700_00);
  });
});

describe("slaBreaches", () => {
  it("lists the deadlines of the month that were missed, and only those", async () => {
    const assignee = await kpiStaff(t.db, "Marc Petit");
    const lateAnswer = await kpiCase(t.db, account, {
      receivedAt: at("2026-03-02T09:00:00Z"),
      assigneeId: assignee.id,
      firstResponseDueAt: at("2026-03-05T09:00:00Z"),
      firstRespondedAt: at("2026-03-06T09:00:00Z"),
      resolutionDueAt: at("2026-03-20T09:00:00Z"),
      status: "resolved",
      resolvedAt: at("2026-03-19T09:00:00Z"),
      endedAt: at("2026-03-19T09:00:00Z"),
    });
    const stillOpen = await kpiCase(t.db, account, { receivedAt: at("2026-03-02T09:00:00Z"), firstResponseDueAt: at("2026-03-05T09:00:00Z"), firstRespondedAt: at("2026-03-04T09:00:00Z"), resolutionDueAt: at("2026-03-10T09:00:00Z") });
    const lastInstant = await kpiCase(t.db, account, { receivedAt: at("2026-03-02T09:00:00Z"), firstRespondedAt: at("2026-03-02T10:00:00Z"), resolutionDueAt: ms(MARCH_TO, -1) });
    // Not breaches of March: due in February, ended before an unanswered deadline, answered on the dot, due in April, another customer.
    await kpiCase(t.db, account, { receivedAt: at("2026-02-20T09:00:00Z"), firstResponseDueAt: ms(MARCH_FROM, -1), firstRespondedAt: at("2026-03-02T09:00:00Z") });
    await kpiCase(t.db, account, { receivedAt: at("2026-03-02T09:00:00Z"), firstResponseDueAt: at("2026-03-08T09:00:00Z"), status: "withdrawn", endedAt: at("2026-03-07T09:00:00Z") });
    await kpiCase(t.db, account, { receivedAt: at("2026-03-02T09:00:00Z"), firstResponseDueAt: at("2026-03-12T09:00:00Z"), firstRespondedAt: at("2026-03-12T09:00:00Z") });
    await kpiCase(t.db, account, { receivedAt: at("2026-03-02T09:00:00Z"), firstRespondedAt: at("2026-03-02T10:00:00Z"), resolutionDueAt: MARCH_TO });
    await kpiCase(t.db, other, { receivedAt: at("2026-03-02T09:00:00Z"), resolutionDueAt: at("2026-03-10T09:00:00Z") });

    const breaches = await slaBreaches(t.db, await march({ account: account.id }));
    expect(breaches).toEqual([
      { reference: lateAnswer.reference, accountName: "Boulangeries Martin SARL", target: "first_response", dueAt: at("2026-03-05T09:00:00Z"), doneAt: at("2026-03-06T09:00:00Z"), assigneeName: "Marc Petit" },
      { reference: stillOpen.reference, accountName: "Boulangeries Martin SARL", target: "resolution", dueAt: at("2026-03-10T09:00:00Z"), doneAt: null, assigneeName: null },
      { reference: lastInstant.reference, accountName: "Boulangeries Martin SARL", target: "resolution", dueAt: ms(MARCH_TO, -1), doneAt: null, assigneeName: null },
    ]);
  });
});

describe("decisions", () => {
  it("lists the decisions recorded in the month", async () => {
    const first = await kpiDecidedCase(t.db, account, { receivedAt: JANUARY, decidedAt: MARCH_FROM, outcome: "partially_upheld", grantedCents: 120_00, penaltiesCents: 15_00 });
    await kpiDecidedCase(t.db, account, { receivedAt: JANUARY, decidedAt: ms(MARCH_FROM, -1), grantedCents: 1 });
    await kpiDecidedCase(t.db, account, { receivedAt: JANUARY, decidedAt: MARCH_TO, grantedCents: 2 });
    await kpiDecidedCase(t.db, other, { receivedAt: JANUARY, decidedAt: at("2026-03-10T09:00:00Z"), grantedCents: 3 });

    expect(await decisions(t.db, await march({ account: account.id }))).toEqual([
      { reference: first.reference, accountName: "Boulangeries Martin SARL", outcome: "partially_upheld", grantedCents: 120_00, penaltiesCents: 15_00, creditNoteNumber: null, decidedAt: MARCH_FROM },
    ]);
    expect(await decisions(t.db, await march())).toHaveLength(2);
  });
});

describe("correctiveFollowUp", () => {
  it("lists the actions created or done in the month or open at its end, with their delay", async () => {
    const mine = await kpiCase(t.db, account, { receivedAt: JANUARY, rootCauseCode: "packaging" });
    const theirs = await kpiCase(t.db, other, { receivedAt: JANUARY, rootCauseCode: "packaging" });
    const action = (values: Omit<Parameters<typeof kpiCorrectiveAction>[1], "ownerId" | "rootCauseCode" | "caseId">, caseId = mine.id) =>
      kpiCorrectiveAction(t.db, { caseId, rootCauseCode: "packaging", ownerId: owner.id, createdAt: JANUARY, ...values });
    const createdLate = await action({ title: "Créée en mars", createdAt: at("2026-03-05T09:00:00Z"), dueDate: "2026-03-10" });
    const doneInTime = await action({ title: "Faite à temps", dueDate: "2026-03-25", doneAt: at("2026-03-20T09:00:00Z") });
    const doneLate = await action({ title: "Faite en retard", dueDate: "2026-03-15", doneAt: at("2026-03-20T09:00:00Z") });
    const stillOpen = await action({ title: "Toujours ouverte", dueDate: "2026-06-30" });
    const doneInApril = await action({ title: "Faite en avril", dueDate: "2026-03-20", doneAt: at("2026-04-05T09:00:00Z") });
    // Not followed up in March: done or waived in February, created in April, another customer's.
    await action({ title: "Faite en février", doneAt: at("2026-02-10T09:00:00Z") });
    await action({ title: "Abandonnée en février", waivedAt: at("2026-02-10T09:00:00Z") });
    await action({ title: "Créée en avril", createdAt: MARCH_TO });
    await action({ title: "Autre client" }, theirs.id);

    const rows = await correctiveFollowUp(t.db, await march({ account: account.id }));
    expect(rows.map((r) => [r.id, r.dueDate, r.overdue])).toEqual([
      [createdLate.id, "2026-03-10", true],
      [doneLate.id, "2026-03-15", true],
      [doneInApril.id, "2026-03-20", true],
      [doneInTime.id, "2026-03-25", false],
      [stillOpen.id, "2026-06-30", false],
    ]);
    expect(rows[0]).toMatchObject({ title: "Créée en mars", caseReference: mine.reference, rootCause: "packaging", rootCauseLabel: "Emballage insuffisant", ownerName: "Sophie Lambert", status: "open", doneAt: null });
    expect(rows[3]).toMatchObject({ status: "done", doneAt: at("2026-03-20T09:00:00Z") });
    expect((await correctiveFollowUp(t.db, await march({ account: account.id }), "en"))[0]!.rootCauseLabel).toBe("Inadequate packaging");
  });
});
