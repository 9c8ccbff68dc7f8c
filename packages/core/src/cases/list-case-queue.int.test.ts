import { staffTeams, teams, type CaseChannel, type CasePriority, type CaseStatus, type CaseType } from "@accord/db";
import { insertCase, useTestDb } from "@accord/db/testing";
import type { StaffActor } from "@accord/auth";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { createCustomer, createStaff, customerActor, rejection, staffActor } from "../testing/fixtures";
import { mediateCase } from "../testing/test-case";
import { listCaseQueue } from "./list-case-queue";

const t = useTestDb();

// Monday 2 March 2026, 10:00 in Paris (the seeded calendar: Mon–Fri 9:00–12:30, 13:30–18:00).
const now = new Date("2026-03-02T09:00:00Z");
const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);

type CaseValues = {
  title: string;
  status?: CaseStatus;
  type?: CaseType;
  priority?: CasePriority;
  channel?: CaseChannel;
  teamId?: string | null;
  assigneeId?: string | null;
  accountId?: string;
  contactId?: string;
  amount?: number;
  firstResponseDueAt?: Date | null;
  firstResponseWarnAt?: Date | null;
  firstRespondedAt?: Date | null;
  resolutionDueAt?: Date | null;
  resolutionWarnAt?: Date | null;
  receivedAt?: Date;
};

/** A fresh world per test: accounts, teams, staff, and the cases a test describes. */
async function world() {
  const contact = await createCustomer(t.db, { name: "Claire Dupont" });
  const otherContact = await createCustomer(t.db);
  const [north, south] = await t.db
    .insert(teams)
    .values([
      { code: `north-${Math.random().toString(36).slice(2, 8)}`, name: "Nord" },
      { code: `south-${Math.random().toString(36).slice(2, 8)}`, name: "Sud" },
    ])
    .returning();
  const agent = await createStaff(t.db, { roles: ["agent"], name: "Agent Nord" });
  const colleague = await createStaff(t.db, { roles: ["agent"], name: "Agent Sud" });
  await t.db.insert(staffTeams).values([
    { staffId: agent.id, teamId: north!.id },
    { staffId: colleague.id, teamId: south!.id },
  ]);
  const add = async (values: CaseValues) =>
    insertCase(t.db, {
      accountId: values.accountId ?? contact.accountId,
      customerContactId: values.contactId ?? contact.id,
      title: values.title,
      status: values.status ?? "investigating",
      type: values.type ?? "quality",
      priority: values.priority ?? "P3",
      channel: values.channel ?? "portal",
      teamId: values.teamId ?? null,
      assigneeId: values.assigneeId ?? null,
      disputedAmountCents: values.amount ?? 10_000,
      firstResponseDueAt: values.firstResponseDueAt ?? null,
      firstResponseWarnAt: values.firstResponseWarnAt ?? null,
      firstRespondedAt: values.firstRespondedAt ?? null,
      resolutionDueAt: values.resolutionDueAt ?? null,
      resolutionWarnAt: values.resolutionWarnAt ?? null,
      receivedAt: values.receivedAt ?? hours(-48),
    });
  return { contact, otherContact, north: north!, south: south!, agent, colleague, add, actor: await staffActor(t.db, agent.id) };
}

/** Only the given titles, in queue order: each test's world shares the database with the others. */
async function titles(actor: StaffActor, input: Record<string, unknown>, among: string[]) {
  const page = await listCaseQueue({ db: t.db, actor, input, now });
  return page.cases.map((c) => c.title).filter((title) => among.includes(title));
}

describe("listCaseQueue", () => {
  it("lists open cases by the nearest binding deadline, cases without one last, with time left in business time", async () => {
    const w = await world();
    await w.add({ title: "q-later", resolutionDueAt: hours(72) });
    await w.add({ title: "q-no-clock" });
    await w.add({ title: "q-response-first", firstResponseDueAt: hours(6), resolutionDueAt: hours(100) });
    await w.add({ title: "q-answered", firstResponseDueAt: hours(-30), firstRespondedAt: hours(-40), resolutionDueAt: hours(30) });
    await w.add({ title: "q-overdue", resolutionDueAt: new Date("2026-02-27T16:00:00Z") });
    await w.add({ title: "q-closed", status: "closed", resolutionDueAt: hours(1) });
    const all = ["q-later", "q-no-clock", "q-response-first", "q-answered", "q-overdue", "q-closed"];

    const { cases: queue } = await listCaseQueue({ db: t.db, actor: w.actor, input: { account: w.contact.accountId }, now });
    expect(queue.map((c) => c.title).filter((title) => all.includes(title))).toEqual([
      "q-overdue",
      "q-response-first",
      "q-answered",
      "q-later",
      "q-no-clock",
    ]);
    const byTitle = Object.fromEntries(queue.map((c) => [c.title, c]));
    // Monday 10:00 → 16:00 Paris: 150 + 150 business minutes (lunch excluded).
    expect(byTitle["q-response-first"]).toMatchObject({ deadlineKind: "first_response", businessMinutesLeft: 300, slaState: "ok" });
    // Friday 17:00 → Monday 10:00 Paris: one hour on Friday, one on Monday.
    expect(byTitle["q-overdue"]).toMatchObject({ deadlineKind: "resolution", businessMinutesLeft: -120, slaState: "breached" });
    expect(byTitle["q-answered"]).toMatchObject({ deadlineKind: "resolution", deadlineAt: hours(30) });
    expect(byTitle["q-no-clock"]).toMatchObject({ deadlineAt: null, businessMinutesLeft: null, slaState: "ok" });
    expect(byTitle["q-later"]).toMatchObject({
      customerName: expect.any(String),
      reference: expect.stringMatching(/^LIT-\d{4}-\d{6}$/),
      type: "quality",
      priority: "P3",
      assigneeName: null,
      teamName: null,
      disputedAmountCents: 10_000,
    });
  });

  it("filters by status (several), type, priority, channel and customer account", async () => {
    const w = await world();
    await w.add({ title: "f-received", status: "received", type: "delivery", priority: "P1", channel: "email" });
    await w.add({ title: "f-awaiting", status: "awaiting_customer", type: "quality", priority: "P2", channel: "phone" });
    await w.add({ title: "f-investigating", status: "investigating", type: "quality", priority: "P1", channel: "portal" });
    await w.add({ title: "f-closed", status: "closed", type: "delivery", priority: "P4", channel: "email" });
    await w.add({ title: "f-other-account", accountId: w.otherContact.accountId, contactId: w.otherContact.id });
    const all = ["f-received", "f-awaiting", "f-investigating", "f-closed", "f-other-account"];
    const mine = { account: w.contact.accountId };

    expect((await titles(w.actor, { ...mine, status: ["received", "awaiting_customer"] }, all)).sort()).toEqual(["f-awaiting", "f-received"]);
    expect(await titles(w.actor, { ...mine, status: "closed" }, all)).toEqual(["f-closed"]);
    expect(await titles(w.actor, { ...mine, type: "delivery" }, all)).toEqual(["f-received"]);
    expect((await titles(w.actor, { ...mine, priority: "P1" }, all)).sort()).toEqual(["f-investigating", "f-received"]);
    expect(await titles(w.actor, { ...mine, channel: "phone" }, all)).toEqual(["f-awaiting"]);
    expect(await titles(w.actor, { account: w.otherContact.accountId }, all)).toEqual(["f-other-account"]);
  });

  it("filters by team, by assignee and by unassigned", async () => {
    const w = await world();
    await w.add({ title: "a-north-mine", teamId: w.north.id, assigneeId: w.agent.id, resolutionDueAt: hours(1) });
    await w.add({ title: "a-north-free", teamId: w.north.id, resolutionDueAt: hours(2) });
    await w.add({ title: "a-south-colleague", teamId: w.south.id, assigneeId: w.colleague.id });
    const all = ["a-north-mine", "a-north-free", "a-south-colleague"];

    expect(await titles(w.actor, { team: w.north.id }, all)).toEqual(["a-north-mine", "a-north-free"]);
    expect(await titles(w.actor, { assignee: w.colleague.id }, all)).toEqual(["a-south-colleague"]);
    expect(await titles(w.actor, { assignee: "none", account: w.contact.accountId }, all)).toEqual(["a-north-free"]);
    const page = await listCaseQueue({ db: t.db, actor: w.actor, input: { team: w.south.id }, now });
    expect(page.cases.find((c) => c.title === "a-south-colleague")).toMatchObject({ teamName: "Sud", assigneeName: "Agent Sud" });
  });

  it("filters by SLA state from the stored instants: breached, warning, ok", async () => {
    const w = await world();
    await w.add({ title: "s-resolution-breached", resolutionDueAt: hours(-1), resolutionWarnAt: hours(-5) });
    await w.add({ title: "s-response-breached", firstResponseDueAt: hours(-2), firstResponseWarnAt: hours(-3), resolutionDueAt: hours(50) });
    await w.add({ title: "s-answered-late", firstResponseDueAt: hours(-2), firstRespondedAt: hours(-1), resolutionDueAt: hours(50), resolutionWarnAt: hours(40) });
    await w.add({ title: "s-warning", resolutionDueAt: hours(3), resolutionWarnAt: hours(-1) });
    await w.add({ title: "s-ok", resolutionDueAt: hours(30), resolutionWarnAt: hours(20) });
    await w.add({ title: "s-paused" });
    const all = ["s-resolution-breached", "s-response-breached", "s-answered-late", "s-warning", "s-ok", "s-paused"];
    const mine = { account: w.contact.accountId };

    expect(await titles(w.actor, { ...mine, sla: "breached" }, all)).toEqual(["s-response-breached", "s-resolution-breached"]);
    expect(await titles(w.actor, { ...mine, sla: "warning" }, all)).toEqual(["s-warning"]);
    expect(await titles(w.actor, { ...mine, sla: "ok" }, all)).toEqual(["s-ok", "s-answered-late", "s-paused"]);
    const page = await listCaseQueue({ db: t.db, actor: w.actor, input: mine, now });
    expect(Object.fromEntries(page.cases.map((c) => [c.title, c.slaState]))).toMatchObject({
      "s-resolution-breached": "breached",
      "s-response-breached": "breached",
      "s-warning": "warning",
      "s-ok": "ok",
    });
  });

  it("filters by a disputed amount range typed in euros", async () => {
    const w = await world();
    await w.add({ title: "m-small", amount: 9_999 });
    await w.add({ title: "m-edge-low", amount: 10_000 });
    await w.add({ title: "m-middle", amount: 150_050 });
    await w.add({ title: "m-edge-high", amount: 500_000 });
    await w.add({ title: "m-large", amount: 500_001 });
    const all = ["m-small", "m-edge-low", "m-middle", "m-edge-high", "m-large"];
    const mine = { account: w.contact.accountId, sort: "received" };

    expect((await titles(w.actor, { ...mine, amountMin: "100", amountMax: "5 000,00" }, all)).sort()).toEqual(["m-edge-high", "m-edge-low", "m-middle"]);
    expect(await titles(w.actor, { ...mine, amountMin: "1500.5" }, all)).toEqual(expect.arrayContaining(["m-middle", "m-edge-high", "m-large"]));
    expect(await titles(w.actor, { ...mine, amountMin: "1500.51" }, all)).not.toContain("m-middle");
  });

  it("scopes: my cases, my teams' cases, all cases", async () => {
    const w = await world();
    await w.add({ title: "sc-mine-south", teamId: w.south.id, assigneeId: w.agent.id, resolutionDueAt: hours(1) });
    await w.add({ title: "sc-north", teamId: w.north.id, assigneeId: w.colleague.id, resolutionDueAt: hours(2) });
    await w.add({ title: "sc-south", teamId: w.south.id, resolutionDueAt: hours(3) });
    const all = ["sc-mine-south", "sc-north", "sc-south"];

    expect(await titles(w.actor, { scope: "mine" }, all)).toEqual(["sc-mine-south"]);
    expect(await titles(w.actor, { scope: "team" }, all)).toEqual(["sc-north"]);
    expect(await titles(w.actor, { scope: "all", account: w.contact.accountId }, all)).toEqual(["sc-mine-south", "sc-north", "sc-south"]);
    const loner = await staffActor(t.db, (await createStaff(t.db, { roles: ["supervisor"] })).id);
    expect(await titles(loner, { scope: "team" }, all)).toEqual([]);
  });

  it("walks every page without duplicates or gaps, equal deadlines included, in both sorts", async () => {
    const w = await world();
    const deadlines = [hours(-3), hours(5), null];
    for (let i = 0; i < 123; i++) {
      await w.add({ title: `k-${i}`, resolutionDueAt: deadlines[i % 3] ?? null, receivedAt: hours(-(i % 7)) });
    }
    for (const sort of ["sla", "received"]) {
      const seen: string[] = [];
      const input: Record<string, unknown> = { account: w.contact.accountId, sort };
      let pages = 0;
      for (;;) {
        const page = await listCaseQueue({ db: t.db, actor: w.actor, input, now });
        pages += 1;
        expect(page.cases.length).toBeLessThanOrEqual(50);
        seen.push(...page.cases.map((c) => c.title));
        if (!page.nextCursor) break;
        input.after = page.nextCursor;
      }
      expect(pages).toBe(3);
      expect(seen).toHaveLength(123);
      expect(new Set(seen).size).toBe(123);
      if (sort === "sla") {
        // Breached first, then the coming deadline, then the cases without one.
        expect(seen.slice(0, 41).every((title) => Number(title.slice(2)) % 3 === 0)).toBe(true);
        expect(seen.slice(82).every((title) => Number(title.slice(2)) % 3 === 2)).toBe(true);
      }
    }
  });

  it("shows a mediator only the cases they mediate (a case assigned to them is not enough)", async () => {
    const w = await world();
    const mediator = await createStaff(t.db, { roles: ["mediator"] });
    const actor = await staffActor(t.db, mediator.id);
    await w.add({ title: "med-other", assigneeId: w.agent.id });
    await w.add({ title: "med-free" });
    expect((await listCaseQueue({ db: t.db, actor, input: {}, now })).cases).toEqual([]);
    expect((await listCaseQueue({ db: t.db, actor, input: { assignee: w.agent.id }, now })).cases).toEqual([]);

    await w.add({ title: "med-assigned", assigneeId: mediator.id });
    expect((await listCaseQueue({ db: t.db, actor, input: {}, now })).cases).toEqual([]);
    const mediated = await w.add({ title: "med-mediated" });
    await mediateCase(t.db, mediated.id, mediator.id);
    expect((await listCaseQueue({ db: t.db, actor, input: {}, now })).cases.map((c) => c.title)).toEqual(["med-mediated"]);
    // Another mediator's mediation opens nothing to this one.
    const otherMediator = await createStaff(t.db, { roles: ["mediator"] });
    await mediateCase(t.db, (await w.add({ title: "med-theirs" })).id, otherMediator.id);
    expect((await listCaseQueue({ db: t.db, actor, input: {}, now })).cases.map((c) => c.title)).toEqual(["med-mediated"]);
  });

  it("refuses customers and reports a bad filter on its field", async () => {
    const customer = await createCustomer(t.db);
    expect(await rejection(listCaseQueue({ db: t.db, actor: await customerActor(t.db, customer.id), now }))).toMatchObject({ code: "forbidden" });

    const agent = await staffActor(t.db, (await createStaff(t.db)).id);
    const error = await rejection(listCaseQueue({ db: t.db, actor: agent, input: { status: "lost", amountMin: "12,3,4", team: "x", after: "zzz" }, now }));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fieldErrors).toMatchObject({
      status: ["queue.error.invalid"],
      amountMin: ["queue.error.amount"],
      team: ["queue.error.invalid"],
      after: ["queue.error.cursor"],
    });
    const range = await rejection(listCaseQueue({ db: t.db, actor: agent, input: { amountMin: "10", amountMax: "5" }, now }));
    expect((range as AppError).fieldErrors).toEqual({ amountMax: ["queue.error.amountRange"] });
  });

  it("keeps every open case in the queue's partial indexes (the generated sort key is stored)", async () => {
    const w = await world();
    const row = await w.add({ title: "g-key", firstResponseDueAt: hours(2), resolutionDueAt: hours(1) });
    const [stored] = await t.sql<{ sla_due_at: string }[]>`select sla_due_at from cases where id = ${row.id}`;
    expect(new Date(stored!.sla_due_at)).toEqual(hours(1));
  });
});
