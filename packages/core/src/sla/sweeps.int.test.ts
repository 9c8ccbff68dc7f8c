/**
 * The « Done when » of the SLA and escalation sweeps (issue 13, ADR 0032): cases placed before, at and
 * after each threshold, on the default French calendar across Ascension (Thursday 14 May 2026) and the
 * weekend of 16–17 May. Each notice goes out once; a second run sends nothing.
 */
import {
  caseEvents,
  cases,
  customerUsers,
  emailMessages,
  evidenceRequests,
  invoices,
  proposals,
  settings,
  slaNotices,
  teams,
  type Db,
} from "@accord/db";
import { insertCase, insertCustomerAccount, insertInvoice, useTestDb } from "@accord/db/testing";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_ESCALATION, type EscalationSettings } from "../admin/update-escalation-settings";
import { appendCaseEvents } from "../audit/append-case-events";
import { listCaseQueue } from "../cases/list-case-queue";
import { createCustomer } from "../testing/fixtures";
import { openReceivedCase, staffWith } from "../testing/test-case";
import { refreshCaseSla } from "./case-sla";
import { runSlaSweeps, type SlaSweepReport } from "./run-sla-sweeps";

const urls = { portalUrl: "https://portail.accord.example", backofficeUrl: "https://backoffice.accord.example" };
/** Wednesday 13 May 2026, 10:00 in Paris: the day before Ascension. */
const WEDNESDAY_10H = new Date("2026-05-13T08:00:00Z");
const at = (iso: string) => new Date(iso);
const minuteBefore = (instant: Date) => new Date(instant.getTime() - 60_000);

async function useSettings(db: Db, values: Partial<EscalationSettings>) {
  const value = { ...DEFAULT_ESCALATION, ...values };
  await db.insert(settings).values({ key: "escalation", value }).onConflictDoUpdate({ target: settings.key, set: { value } });
}

const sweep = (db: Db, now: Date) => runSlaSweeps({ db, now, ...urls });
/** Every reference or invoice number the run touched, with its kind (only the non-empty kinds). */
const touched = (report: SlaSweepReport) => Object.fromEntries(Object.entries(report).filter(([, list]) => list.length > 0));
const mails = (db: Db, template: string) =>
  db.select({ to: emailMessages.to, props: emailMessages.props, key: emailMessages.idempotencyKey }).from(emailMessages).where(eq(emailMessages.template, template));

describe("warnings and breaches of the first-response target", () => {
  const t = useTestDb();
  let reference: string;
  let caseId: string;
  let agentEmail: string;
  let supervisorEmail: string;
  let otherSupervisorEmail: string;
  let supervisorActor: Awaited<ReturnType<typeof staffWith>>["actor"];

  beforeAll(async () => {
    await useSettings(t.db, { warningShare: 0.8, preDueReminderEnabled: false });
    const agent = await staffWith(t.db, ["agent"], { name: "Nina Leroy", teamCodes: ["QUAL"] });
    const supervisor = await staffWith(t.db, ["supervisor"], { name: "Sam Superviseur", teamCodes: ["QUAL"] });
    const other = await staffWith(t.db, ["supervisor"], { name: "Autre équipe", teamCodes: ["LOGI"] });
    agentEmail = agent.user.email;
    supervisorEmail = supervisor.user.email;
    otherSupervisorEmail = other.user.email;
    supervisorActor = supervisor.actor;
    const [team] = await t.db.select().from(teams).where(eq(teams.code, "QUAL"));
    // P3 (the seeded policy): 1 business day (480 min) to answer, 10 to resolve.
    const opened = await openReceivedCase(t.db, { receivedAt: WEDNESDAY_10H });
    await t.db.update(cases).set({ assigneeId: agent.user.id, teamId: team!.id }).where(eq(cases.id, opened.row.id));
    reference = opened.reference;
    caseId = opened.row.id;
  });

  it("stores the instants across the public holiday, with the administration's warning share", async () => {
    const [row] = await t.db.select().from(cases).where(eq(cases.id, caseId));
    // 80 % of 480 = 384 min: Wednesday 10:00 → 12:30 (150) then 13:30 + 234 = 17:24.
    expect(row!.firstResponseWarnAt).toEqual(at("2026-05-13T15:24:00Z"));
    // 420 min on Wednesday, Ascension closed, the last 60 min on Friday: 10:00.
    expect(row!.firstResponseDueAt).toEqual(at("2026-05-15T08:00:00Z"));
    expect(row!.nextSlaAt).toEqual(row!.firstResponseWarnAt);
  });

  it("warns the assignee at the warning instant, not a minute before, and only once", async () => {
    expect(touched(await sweep(t.db, at("2026-05-13T15:23:00Z")))).toEqual({});
    expect(touched(await sweep(t.db, at("2026-05-13T15:24:00Z")))).toEqual({ first_response_warning: [reference] });
    expect(touched(await sweep(t.db, at("2026-05-13T15:24:00Z")))).toEqual({});
    // On the holiday, nothing more is due.
    expect(touched(await sweep(t.db, at("2026-05-14T10:00:00Z")))).toEqual({});
    const warnings = await mails(t.db, "sla-warning");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.to).toEqual([agentEmail]);
    expect(warnings[0]!.key).toBe(`sla:${caseId}:first_response:warning:${(await t.db.select({ id: cases.assigneeId }).from(cases).where(eq(cases.id, caseId)))[0]!.id}`);
    const [row] = await t.db.select().from(cases).where(eq(cases.id, caseId));
    expect(row!.nextSlaAt).toEqual(at("2026-05-15T08:00:00Z"));
  });

  it("breaches at the deadline after the holiday: priority up one level, an event, the assignee and the team's supervisor told, the queue's breached filter", async () => {
    expect(touched(await sweep(t.db, at("2026-05-15T07:59:00Z")))).toEqual({});
    const queueBefore = await listCaseQueue({ db: t.db, actor: supervisorActor, input: { sla: "breached" }, now: at("2026-05-15T07:59:00Z") });
    expect(queueBefore.cases.map((c) => c.reference)).toEqual([]);

    const lastActivityBefore = (await t.db.select({ at: cases.lastActivityAt }).from(cases).where(eq(cases.id, caseId)))[0]!.at;
    expect(touched(await sweep(t.db, at("2026-05-15T08:00:00Z")))).toEqual({ first_response_breach: [reference] });
    expect(touched(await sweep(t.db, at("2026-05-15T08:00:00Z")))).toEqual({});

    const [row] = await t.db.select().from(cases).where(eq(cases.id, caseId));
    expect(row!.priority).toBe("P2");
    // The sweep's own event is not activity: the inactivity clock still runs from the last real one.
    expect(row!.lastActivityAt).toEqual(lastActivityBefore);
    const events = await t.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.type, "sla_breached")));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorKind: "system", visibility: "internal", payload: { target: "first_response", priorityFrom: "P3", priorityTo: "P2" } });

    const breaches = await mails(t.db, "sla-breach");
    expect(breaches.map((m) => m.to[0]).sort()).toEqual([agentEmail, supervisorEmail].sort());
    expect(breaches.map((m) => m.to[0])).not.toContain(otherSupervisorEmail);

    const queue = await listCaseQueue({ db: t.db, actor: supervisorActor, input: { sla: "breached" }, now: at("2026-05-15T08:00:00Z") });
    expect(queue.cases.map((c) => c.reference)).toEqual([reference]);
  });

  it("warns of the resolution target later, once, and records every notice by its key", async () => {
    const [row] = await t.db.select().from(cases).where(eq(cases.id, caseId));
    const warnAt = row!.resolutionWarnAt!;
    expect(row!.nextSlaAt).toEqual(warnAt);
    expect(touched(await sweep(t.db, minuteBefore(warnAt))).resolution_warning).toBeUndefined();
    expect(touched(await sweep(t.db, warnAt)).resolution_warning).toEqual([reference]);
    expect(touched(await sweep(t.db, warnAt)).resolution_warning).toBeUndefined();
    const keys = await t.db.select({ key: slaNotices.key, sent: slaNotices.sent }).from(slaNotices).where(eq(slaNotices.caseId, caseId)).orderBy(slaNotices.handledAt);
    expect(keys.filter((k) => k.key.startsWith("sla:"))).toEqual([
      { key: `sla:${caseId}:first_response:warning`, sent: true },
      { key: `sla:${caseId}:first_response:breach`, sent: true },
      { key: `sla:${caseId}:resolution:warning`, sent: true },
    ]);
  });

  it("finds the due cases through the next_sla_at index, never a scan of all cases", async () => {
    await t.db.execute(sql`set enable_seqscan = off`);
    try {
      const plan = await t.db.execute<{ "QUERY PLAN": string }>(
        sql`explain select id from cases where next_sla_at <= now() and status not in ('closed', 'withdrawn', 'rejected', 'duplicate') order by next_sla_at limit 500`,
      );
      expect(plan.map((line) => line["QUERY PLAN"]).join("\n")).toContain("cases_next_sla_idx");
      const activity = await t.db.execute<{ "QUERY PLAN": string }>(
        sql`explain select id from cases where status not in ('closed', 'withdrawn', 'rejected', 'duplicate') and last_activity_at <= now() order by last_activity_at limit 500`,
      );
      expect(activity.map((line) => line["QUERY PLAN"]).join("\n")).toContain("cases_open_activity_idx");
      const staffActivity = await t.db.execute<{ "QUERY PLAN": string }>(
        sql`explain select id from cases where status not in ('closed', 'withdrawn', 'rejected', 'duplicate') and last_staff_activity_at <= now() order by last_staff_activity_at limit 500`,
      );
      expect(staffActivity.map((line) => line["QUERY PLAN"]).join("\n")).toContain("cases_open_staff_activity_idx");
    } finally {
      await t.db.execute(sql`reset enable_seqscan`);
    }
  });
});

describe("inactivity, customer reminders and the abandon, the close of resolved cases", () => {
  const t = useTestDb();
  let agent: Awaited<ReturnType<typeof staffWith>>;
  let accountId: string;
  let contactId: string;

  beforeAll(async () => {
    await useSettings(t.db, {
      inactivityBusinessDays: 2,
      customerReminderBusinessDays: 1,
      customerSecondReminderBusinessDays: 1,
      autoCloseBusinessDays: 1,
      closeResolvedAfterBusinessDays: 2,
      preDueReminderEnabled: false,
    });
    agent = await staffWith(t.db, ["agent"], { name: "Nina Leroy" });
    accountId = (await insertCustomerAccount(t.db)).id;
    contactId = (await createCustomer(t.db, { accountId, role: "member", name: "Claire Martin" })).id;
  });

  /** A case in `status` whose last activity was Wednesday 10:00, with no SLA instants (the sweeps under test only). */
  async function caseIn(status: "investigating" | "awaiting_customer" | "resolved") {
    const row = await insertCase(t.db, { accountId, customerContactId: contactId, status, assigneeId: agent.user.id, receivedAt: WEDNESDAY_10H });
    await t.db.transaction((tx) => appendCaseEvents(tx, { caseId: row.id, actor: { kind: "staff", id: agent.user.id }, at: WEDNESDAY_10H, events: [{ type: "case_received", visibility: "public", payload: {} }] }));
    return row;
  }

  it("reminds the assignee after 2 business days without activity (Wednesday → Monday over Ascension and the weekend), once per silence", async () => {
    const row = await caseIn("investigating");
    // The customer writes on Friday: that is not staff activity, the assignee's clock runs on.
    await t.db.transaction((tx) => appendCaseEvents(tx, { caseId: row.id, actor: { kind: "customer", id: contactId }, at: at("2026-05-15T08:00:00Z"), events: [{ type: "customer_replied", visibility: "public", payload: {} }] }));
    // Wednesday 420 min, Thursday closed, Friday 480: the 960th minute is Monday 10:00.
    expect(touched(await sweep(t.db, at("2026-05-18T07:59:00Z"))).inactivity).toBeUndefined();
    expect(touched(await sweep(t.db, at("2026-05-18T08:00:00Z"))).inactivity).toEqual([row.reference]);
    expect(touched(await sweep(t.db, at("2026-05-19T08:00:00Z"))).inactivity).toBeUndefined();
    const reminders = (await mails(t.db, "inactivity-reminder")).filter((m) => (m.props as { reference: string }).reference === row.reference);
    expect(reminders.map((m) => m.to)).toEqual([[agent.user.email]]);
    // New activity starts a new period: the next reminder is 2 business days after it.
    await t.db.transaction((tx) => appendCaseEvents(tx, { caseId: row.id, actor: { kind: "staff", id: agent.user.id }, at: at("2026-05-19T08:00:00Z"), events: [{ type: "note_added", visibility: "internal", payload: {} }] }));
    expect(touched(await sweep(t.db, at("2026-05-21T07:59:00Z"))).inactivity).toBeUndefined();
    expect(touched(await sweep(t.db, at("2026-05-21T08:00:00Z"))).inactivity).toEqual([row.reference]);
    await t.db.update(cases).set({ status: "closed" }).where(eq(cases.id, row.id));
  });

  it("reminds a customer who does not answer an evidence request twice, then closes the case as abandoned with notice", async () => {
    const row = await caseIn("awaiting_customer");
    const [request] = await t.db
      .insert(evidenceRequests)
      .values({ caseId: row.id, requestedById: agent.user.id, items: ["Photos du lot"], dueDate: "2026-05-27", createdAt: WEDNESDAY_10H })
      .returning();
    // Reminder 1: 1 business day after Wednesday 10:00 is Friday 10:00 (Ascension); reminder 2: Monday 10:00; the abandon: Tuesday 10:00.
    expect(touched(await sweep(t.db, at("2026-05-15T07:59:00Z"))).customer_reminder_1).toBeUndefined();
    expect(touched(await sweep(t.db, at("2026-05-15T08:00:00Z"))).customer_reminder_1).toEqual([row.reference]);
    expect(touched(await sweep(t.db, at("2026-05-15T08:00:00Z"))).customer_reminder_1).toBeUndefined();
    expect(touched(await sweep(t.db, at("2026-05-18T07:59:00Z"))).customer_reminder_2).toBeUndefined();
    expect(touched(await sweep(t.db, at("2026-05-18T08:00:00Z"))).customer_reminder_2).toEqual([row.reference]);
    expect(touched(await sweep(t.db, at("2026-05-19T07:59:00Z"))).customer_action).toBeUndefined();
    const abandon = touched(await sweep(t.db, at("2026-05-19T08:00:00Z")));
    expect(abandon.customer_action).toEqual([row.reference]);
    expect(touched(await sweep(t.db, at("2026-05-20T08:00:00Z"))).customer_action).toBeUndefined();

    const [after] = await t.db.select().from(cases).where(eq(cases.id, row.id));
    expect(after).toMatchObject({ status: "closed", outcome: "withdrawn" });
    expect((await t.db.select().from(evidenceRequests).where(eq(evidenceRequests.id, request!.id)))[0]!.status).toBe("cancelled");
    const types = (await t.db.select({ type: caseEvents.type, actorKind: caseEvents.actorKind }).from(caseEvents).where(eq(caseEvents.caseId, row.id)).orderBy(caseEvents.seq)).map((e) => `${e.type}/${e.actorKind}`);
    expect(types).toEqual(["case_received/staff", "customer_reminded/system", "customer_reminded/system", "case_closed_as_abandoned/system"]);
    const reminders = (await mails(t.db, "customer-reminder")).filter((m) => (m.props as { reference: string }).reference === row.reference);
    expect(reminders.map((m) => (m.props as { step: number }).step)).toEqual([1, 2]);
    expect(await mails(t.db, "case-abandoned")).toHaveLength(1);
  });

  it("sends no reminder to a contact who turned reminders off, and still closes the case at the end", async () => {
    await t.db.update(customerUsers).set({ emailPreferences: { reminder: false } }).where(eq(customerUsers.id, contactId));
    const row = await caseIn("awaiting_customer");
    await t.db.insert(evidenceRequests).values({ caseId: row.id, requestedById: agent.user.id, items: ["Bon de livraison"], dueDate: "2026-05-27", createdAt: WEDNESDAY_10H });
    // The sweep was down for a week: only the latest notice of the series goes (the abandon), the others are recorded unsent.
    expect(touched(await sweep(t.db, at("2026-05-26T08:00:00Z"))).customer_action).toEqual([row.reference]);
    const sent = await t.db.select({ key: slaNotices.key, sent: slaNotices.sent }).from(slaNotices).where(eq(slaNotices.caseId, row.id)).orderBy(slaNotices.key);
    expect(sent.map((n) => n.sent)).toEqual([false, false, true]);
    const reminders = (await mails(t.db, "customer-reminder")).filter((m) => (m.props as { reference: string }).reference === row.reference);
    expect(reminders).toEqual([]);
    await t.db.update(customerUsers).set({ emailPreferences: {} }).where(eq(customerUsers.id, contactId));
  });

  it("reminds a customer who does not answer a proposal twice, then the proposal expires on its last day", async () => {
    const row = await caseIn("awaiting_customer");
    await t.db.update(cases).set({ status: "negotiating" }).where(eq(cases.id, row.id));
    const [proposal] = await t.db
      .insert(proposals)
      .values({ caseId: row.id, number: 1, kind: "credit_note", status: "offered", amountCents: 5_000, expiresOn: "2026-05-20", authorStaffId: agent.user.id, offeredAt: WEDNESDAY_10H })
      .returning();
    expect(touched(await sweep(t.db, at("2026-05-15T07:59:00Z"))).customer_reminder_1).toBeUndefined();
    expect(touched(await sweep(t.db, at("2026-05-15T08:00:00Z"))).customer_reminder_1).toEqual([row.reference]);
    expect(touched(await sweep(t.db, at("2026-05-18T08:00:00Z"))).customer_reminder_2).toEqual([row.reference]);
    // No third notice for a proposal: its action is the expiry, the day after its last day (Paris).
    const last = touched(await sweep(t.db, at("2026-05-20T20:00:00Z")));
    expect(last.customer_action).toBeUndefined();
    expect(last.proposals_expired).toBeUndefined();
    expect(touched(await sweep(t.db, at("2026-05-21T08:00:00Z"))).proposals_expired).toEqual([row.reference]);
    expect((await t.db.select({ status: proposals.status }).from(proposals).where(eq(proposals.id, proposal!.id)))[0]!.status).toBe("expired");
    const reminders = (await mails(t.db, "customer-reminder")).filter((m) => (m.props as { reference: string }).reference === row.reference);
    expect(reminders.map((m) => m.props)).toEqual([
      expect.objectContaining({ about: "proposal", step: 1, caseUrl: `https://portail.accord.example/cases/${row.reference}/proposal` }),
      expect.objectContaining({ about: "proposal", step: 2 }),
    ]);
  });

  it("finds the reminders' requests and proposals through their indexes", async () => {
    await t.db.execute(sql`set enable_seqscan = off`);
    try {
      const plans = [
        [sql`explain select id from evidence_requests where status = 'open' and created_at <= now() order by created_at limit 500`, "evidence_requests_open_idx"],
        [sql`explain select id from proposals where status = 'offered' and offered_at <= now() order by offered_at limit 500`, "proposals_offered_at_idx"],
        [sql`explain select id from invoices where paid_status <> 'paid' and due_date >= '2026-05-15' and due_date <= '2026-05-20' order by due_date limit 500`, "invoices_unpaid_due_idx"],
      ] as const;
      for (const [query, index] of plans) {
        const plan = await t.db.execute<{ "QUERY PLAN": string }>(query);
        expect(plan.map((line) => line["QUERY PLAN"]).join("\n")).toContain(index);
      }
    } finally {
      await t.db.execute(sql`reset enable_seqscan`);
    }
  });

  it("closes a resolved case 2 business days after its last activity, with the closing e-mail", async () => {
    const row = await caseIn("resolved");
    expect(touched(await sweep(t.db, at("2026-05-18T07:59:00Z"))).closed_resolved).toBeUndefined();
    expect(touched(await sweep(t.db, at("2026-05-18T08:00:00Z"))).closed_resolved).toEqual([row.reference]);
    expect(touched(await sweep(t.db, at("2026-05-19T08:00:00Z"))).closed_resolved).toBeUndefined();
    expect((await t.db.select().from(cases).where(eq(cases.id, row.id)))[0]!.status).toBe("closed");
    expect((await mails(t.db, "case-closed")).filter((m) => (m.props as { reference: string }).reference === row.reference)).toHaveLength(1);
  });
});

describe("pre-due reminders", () => {
  const t = useTestDb();

  it("lists the account's unpaid invoices falling due within N days, not those on hold or paid, once per due date, to the contacts who want them", async () => {
    await useSettings(t.db, { preDueReminderEnabled: true, preDueReminderDays: 5 });
    const opened = await openReceivedCase(t.db, { receivedAt: at("2026-05-04T08:00:00Z") });
    const { accountId } = opened;
    // The case's invoice is on hold (its line is contested by an open case): due in the window, left out.
    await t.db.update(invoices).set({ dueDate: "2026-05-20" }).where(eq(invoices.id, opened.invoice.id));
    const line = [{ description: "Palette", quantityMilli: 1_000, unitPriceCents: 10_000 }];
    const soon = await insertInvoice(t.db, { accountId, number: "FA-2026-0100", dueDate: "2026-05-20", lines: line });
    const later = await insertInvoice(t.db, { accountId, number: "FA-2026-0101", dueDate: "2026-05-25", lines: line });
    const paid = await insertInvoice(t.db, { accountId, number: "FA-2026-0102", dueDate: "2026-05-19", lines: line });
    await t.db.update(invoices).set({ paidStatus: "paid" }).where(eq(invoices.id, paid.id));
    const admin = await createCustomer(t.db, { accountId, role: "admin", name: "Marc Martin" });
    const quiet = await createCustomer(t.db, { accountId, role: "member", name: "Sans rappels" });
    await t.db.update(customerUsers).set({ emailPreferences: { reminder: false } }).where(eq(customerUsers.id, quiet.id));
    await createCustomer(t.db, { accountId, role: "viewer", name: "Lecteur" });

    // Thursday 14 May (Paris): the 20th is 6 days away, outside the 5-day window.
    expect(touched(await sweep(t.db, at("2026-05-14T10:00:00Z"))).pre_due).toBeUndefined();
    expect(touched(await sweep(t.db, at("2026-05-15T06:00:00Z"))).pre_due).toEqual(["FA-2026-0100"]);
    expect(touched(await sweep(t.db, at("2026-05-15T16:00:00Z"))).pre_due).toBeUndefined();
    expect(touched(await sweep(t.db, at("2026-05-20T06:00:00Z"))).pre_due).toEqual(["FA-2026-0101"]);
    expect(touched(await sweep(t.db, at("2026-05-21T06:00:00Z"))).pre_due).toBeUndefined();

    const sent = await mails(t.db, "pre-due-reminder");
    // Julie Bernard (the case's member contact) and Marc Martin (admin), twice each; never the viewer nor who turned them off.
    expect(sent.map((m) => m.to[0]).sort()).toEqual([admin.email, admin.email, opened.contact.email, opened.contact.email].sort());
    const first = sent.find((m) => m.to[0] === admin.email && (m.props as { invoices: { number: string }[] }).invoices[0]!.number === "FA-2026-0100")!;
    expect((first.props as { invoices: { number: string; reportUrl: string }[] }).invoices).toEqual([
      expect.objectContaining({ number: "FA-2026-0100", reportUrl: `https://portail.accord.example/claims/new?invoice=${soon.id}` }),
    ]);
    expect(later.id).toBeTruthy();
  });

  it("sends nothing when the reminders are off", async () => {
    await useSettings(t.db, { preDueReminderEnabled: false });
    const { accountId } = await openReceivedCase(t.db, { receivedAt: at("2026-05-04T08:00:00Z") });
    await insertInvoice(t.db, { accountId, number: "FA-2026-0200", dueDate: "2026-06-03", lines: [{ description: "Palette", quantityMilli: 1_000, unitPriceCents: 10_000 }] });
    expect(touched(await sweep(t.db, at("2026-06-01T08:00:00Z"))).pre_due).toBeUndefined();
  });
});

describe("a change between the warning instant and the sweep", () => {
  const t = useTestDb();

  it("keeps the unsent warning due: the next sweep sends it, and a later refresh points at the deadline", async () => {
    await useSettings(t.db, { preDueReminderEnabled: false });
    const agent = await staffWith(t.db, ["agent"], { name: "Nina Leroy" });
    const opened = await openReceivedCase(t.db, { receivedAt: WEDNESDAY_10H });
    await t.db.update(cases).set({ assigneeId: agent.user.id }).where(eq(cases.id, opened.row.id));
    const warnAt = at("2026-05-13T15:24:00Z");
    // Two minutes after the warning instant, before any sweep, something refreshes the case's SLA.
    await t.db.transaction((tx) => refreshCaseSla(tx, opened.row.id, at("2026-05-13T15:26:00Z")));
    expect((await t.db.select({ next: cases.nextSlaAt }).from(cases).where(eq(cases.id, opened.row.id)))[0]!.next).toEqual(warnAt);
    expect(touched(await sweep(t.db, at("2026-05-13T15:27:00Z")))).toEqual({ first_response_warning: [opened.reference] });
    await t.db.transaction((tx) => refreshCaseSla(tx, opened.row.id, at("2026-05-13T15:28:00Z")));
    expect((await t.db.select({ next: cases.nextSlaAt }).from(cases).where(eq(cases.id, opened.row.id)))[0]!.next).toEqual(at("2026-05-15T08:00:00Z"));
  });
});
