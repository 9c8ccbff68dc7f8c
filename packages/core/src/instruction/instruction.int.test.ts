import { caseEvents, cases, caseTasks, customerUsers, emailMessages, evidence, kbArticles, messages, priceAgreements, priceIndexValues, teams, timeEntries } from "@accord/db";
import { useTestDb } from "@accord/db/testing";
import { asc, eq } from "drizzle-orm";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { getStaffCase } from "../cases/get-staff-case";
import { customerActor, parseRefusal, rejection } from "../testing/fixtures";
import { addInternalNote } from "./add-internal-note";
import { addStaffEvidence } from "./add-staff-evidence";
import { addTask } from "./add-task";
import { completeTask } from "./complete-task";
import { getPriceCheck, indexPrice } from "./get-price-check";
import { listOnBehalfChoices } from "./list-on-behalf-choices";
import { logTime } from "./log-time";
import { notifyStakeholders } from "./notify-stakeholders";
import { openStaffEvidenceFile } from "./open-staff-evidence-file";
import { postStaffReply } from "./post-staff-reply";
import { setRootCause } from "./set-root-cause";
import { later, openReceivedCase, staffWith, stagedFile } from "../testing/test-case";
import { parseInput } from "../errors";
import { addInternalNoteSchema } from "./add-internal-note";
import { addStaffEvidenceSchema } from "./add-staff-evidence";
import { addTaskSchema } from "./add-task";
import { completeTaskSchema } from "./complete-task";
import { logTimeSchema } from "./log-time";
import { notifyStakeholdersSchema } from "./notify-stakeholders";
import { postStaffReplySchema } from "./post-staff-reply";
import { setRootCauseSchema } from "./set-root-cause";

const t = useTestDb();

const eventsOf = async (caseId: string) => t.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.seq));
const emailsOf = async (caseId: string) => t.db.select().from(emailMessages).where(eq(emailMessages.caseId, caseId)).orderBy(asc(emailMessages.queuedAt));

describe("tasks", () => {
  it("an agent adds a task with an assignee and a due date; the assignee completes it; finance may not add one", async () => {
    const { reference, row } = await openReceivedCase(t.db);
    const agent = await staffWith(t.db, ["agent"]);
    const finance = await staffWith(t.db, ["finance"]);
    const bad = parseRefusal(addTaskSchema, { reference, title: " ", dueDate: "2026-02-30" });
    expect(bad).toMatchObject({ code: "validation", fieldErrors: { title: ["validation.required"], dueDate: ["casePage.validation.date"] } });
    const { id } = await addTask({ db: t.db, actor: agent.actor, input: parseInput(addTaskSchema, { reference, title: "Appeler l'entrepôt", assigneeId: finance.user.id, dueDate: "2026-11-27" }), now: later(2) });
    expect(await rejection(addTask({ db: t.db, actor: finance.actor, input: parseInput(addTaskSchema, { reference, title: "x" }), now: later(3) }))).toMatchObject({ code: "forbidden" });
    const other = await staffWith(t.db, ["legal"]);
    expect(await rejection(completeTask({ db: t.db, actor: other.actor, input: parseInput(completeTaskSchema, { reference, taskId: id }), now: later(4) }))).toMatchObject({ code: "forbidden" });
    await completeTask({ db: t.db, actor: finance.actor, input: parseInput(completeTaskSchema, { reference, taskId: id }), now: later(5) });
    const [task] = await t.db.select().from(caseTasks).where(eq(caseTasks.id, id));
    expect(task).toMatchObject({ status: "done", doneById: finance.user.id, dueDate: "2026-11-27" });
    expect(await rejection(completeTask({ db: t.db, actor: agent.actor, input: parseInput(completeTaskSchema, { reference, taskId: id }), now: later(6) }))).toMatchObject({ code: "conflict" });
    expect((await eventsOf(row.id)).slice(-2).map((e) => [e.type, e.visibility])).toEqual([
      ["task_added", "internal"],
      ["task_completed", "internal"],
    ]);
  });
});

describe("conversation", () => {
  it("a public reply is a message, an e-mail to the contact with linked articles, and the first response", async () => {
    const { reference, row, contact } = await openReceivedCase(t.db, { contactLanguage: "en" });
    const { actor } = await staffWith(t.db, ["agent"]);
    const [article] = await t.db
      .insert(kbArticles)
      .values({ slug: "claim-deadlines", titleFr: "Délais de réclamation", titleEn: "Claim deadlines", bodyFr: "…", bodyEn: "…", published: true })
      .returning();
    const [draft] = await t.db.insert(kbArticles).values({ slug: "draft", titleFr: "Brouillon", titleEn: "Draft", bodyFr: "…", bodyEn: "…" }).returning();
    const refused = await rejection(postStaffReply({ db: t.db, actor, input: parseInput(postStaffReplySchema, { reference, body: "Hello", kbArticleIds: [draft!.id] }), now: later(1) }));
    expect(refused).toMatchObject({ code: "validation", fieldErrors: { kbArticleIds: ["casePage.reply.error.article"] } });
    await postStaffReply({ db: t.db, actor, input: parseInput(postStaffReplySchema, { reference, body: "We are looking into it.", kbArticleIds: article!.id }), now: later(90) }, );
    const [message] = await t.db.select().from(messages).where(eq(messages.caseId, row.id));
    expect(message).toMatchObject({ visibility: "public", body: "We are looking into it.", kbArticleIds: [article!.id] });
    const [after] = await t.db.select().from(cases).where(eq(cases.id, row.id));
    expect(after!.firstRespondedAt?.toISOString()).toBe(later(90).toISOString());
    const [email] = await emailsOf(row.id);
    expect(email).toMatchObject({ template: "case-reply", to: [contact.email], language: "en" });
    expect(email!.props).toMatchObject({ body: "We are looking into it.", articles: [{ title: "Claim deadlines" }] });
    const page = await getStaffCase({ db: t.db, actor, input: { reference }, now: later(91) });
    expect(page.sla?.firstResponse.completedAt?.toISOString()).toBe(later(90).toISOString());
    const finance = await staffWith(t.db, ["finance"]);
    expect(await rejection(postStaffReply({ db: t.db, actor: finance.actor, input: parseInput(postStaffReplySchema, { reference, body: "x" }), now: later(92) }))).toMatchObject({ code: "forbidden" });
    // A contact who turned replies off in the portal still sees the reply there, without an e-mail.
    await t.db.update(customerUsers).set({ emailPreferences: { new_reply: false } }).where(eq(customerUsers.id, contact.id));
    await postStaffReply({ db: t.db, actor, input: parseInput(postStaffReplySchema, { reference, body: "Second reply" }), now: later(93) });
    expect(await emailsOf(row.id)).toHaveLength(1);
    expect(await t.db.select().from(messages).where(eq(messages.caseId, row.id))).toHaveLength(2);
  });

  it("an internal note is never e-mailed and carries only internal events", async () => {
    const { reference, row, contact } = await openReceivedCase(t.db);
    const { actor } = await staffWith(t.db, ["finance"]);
    await addInternalNote({ db: t.db, actor, input: parseInput(addInternalNoteSchema, { reference, body: "SECRET-NOTE marge négociée" }), now: later(1) });
    expect(await emailsOf(row.id)).toEqual([]);
    const [event] = (await eventsOf(row.id)).slice(-1);
    expect(event).toMatchObject({ type: "internal_note_added", visibility: "internal" });
    expect(JSON.stringify(event!.payload)).not.toContain("SECRET-NOTE");
    const customer = await customerActor(t.db, contact.id);
    expect(await rejection(addInternalNote({ db: t.db, actor: customer, input: parseInput(addInternalNoteSchema, { reference, body: "x" }), now: later(2) }))).toMatchObject({ code: "forbidden" });
    const empty = parseRefusal(addInternalNoteSchema, { reference, body: "" });
    expect(empty).toMatchObject({ code: "validation", fieldErrors: { body: ["validation.required"] } });
  });
});

describe("staff evidence", () => {
  it("attaches files shared or internal; the event of an internal file is internal", async () => {
    const { reference, row } = await openReceivedCase(t.db);
    const { actor, user } = await staffWith(t.db, ["agent"]);
    const shared = await stagedFile(t.db, { kind: "staff", id: user.id }, "rapport.txt", "rapport");
    const secret = await stagedFile(t.db, { kind: "staff", id: user.id }, "SECRET-FILE.txt", "marge");
    await addStaffEvidence({ db: t.db, actor, input: parseInput(addStaffEvidenceSchema, { reference, visibility: "public", uploadIds: [shared.id] }), now: later(1) });
    await addStaffEvidence({ db: t.db, actor, input: parseInput(addStaffEvidenceSchema, { reference, visibility: "internal", uploadIds: secret.id }), now: later(2) });
    const rows = await t.db.select().from(evidence).where(eq(evidence.caseId, row.id)).orderBy(asc(evidence.createdAt));
    expect(rows.map((r) => [r.fileName, r.visibility])).toEqual([
      ["rapport.txt", "public"],
      ["SECRET-FILE.txt", "internal"],
    ]);
    const events = (await eventsOf(row.id)).slice(-2);
    expect(events.map((e) => e.visibility)).toEqual(["public", "internal"]);
    expect(events.filter((e) => e.visibility === "public").map((e) => JSON.stringify(e.payload)).join()).not.toContain("SECRET-FILE");
    const none = parseRefusal(addStaffEvidenceSchema, { reference, visibility: "internal", uploadIds: [] });
    expect(none).toMatchObject({ code: "validation", fieldErrors: { uploadIds: ["casePage.evidence.error.noFile"] } });
    // Staff download any file of the case; a mediator not assigned to it gets not_found.
    const files = { openRead: async () => Readable.from([Buffer.from("marge")]) };
    const internalId = rows[1]!.id;
    const download = await openStaffEvidenceFile({ db: t.db, actor, input: { reference, evidenceId: internalId }, files });
    expect(download).toMatchObject({ fileName: "SECRET-FILE.txt", contentType: "text/plain" });
    const mediator = await staffWith(t.db, ["mediator"]);
    expect(await rejection(openStaffEvidenceFile({ db: t.db, actor: mediator.actor, input: { reference, evidenceId: internalId }, files }))).toMatchObject({ code: "not_found" });
    expect(await rejection(openStaffEvidenceFile({ db: t.db, actor, input: { reference, evidenceId: "nope" }, files }))).toMatchObject({ code: "not_found" });
    const finance = await staffWith(t.db, ["finance"]);
    const theirs = await stagedFile(t.db, { kind: "staff", id: finance.user.id }, "f.txt", "f");
    expect(await rejection(addStaffEvidence({ db: t.db, actor: finance.actor, input: parseInput(addStaffEvidenceSchema, { reference, visibility: "public", uploadIds: [theirs.id] }), now: later(4) }))).toMatchObject({
      code: "forbidden",
    });
  });
});

describe("root cause, stakeholders, time", () => {
  it("sets a root cause from the taxonomy only", async () => {
    const { reference, row } = await openReceivedCase(t.db);
    const { actor } = await staffWith(t.db, ["agent"]);
    const page = await getStaffCase({ db: t.db, actor, input: { reference }, now: later(1) });
    const code = page.options.rootCauses[0]!.code;
    expect(await rejection(setRootCause({ db: t.db, actor, input: parseInput(setRootCauseSchema, { reference, code: "no_such_cause" }), now: later(2) }))).toMatchObject({
      fieldErrors: { code: ["casePage.rootCause.error.code"] },
    });
    await setRootCause({ db: t.db, actor, input: parseInput(setRootCauseSchema, { reference, code, analysis: "Stockage extérieur sous la pluie" }), now: later(3) });
    const [after] = await t.db.select().from(cases).where(eq(cases.id, row.id));
    expect(after).toMatchObject({ rootCauseCode: code, rootCauseAnalysis: "Stockage extérieur sous la pluie" });
    const finance = await staffWith(t.db, ["finance"]);
    expect(await rejection(setRootCause({ db: t.db, actor: finance.actor, input: parseInput(setRootCauseSchema, { reference, code }), now: later(4) }))).toMatchObject({ code: "forbidden" });
  });

  it("notifies stakeholders by group and team with internal e-mails, never the sender", async () => {
    const { reference, row } = await openReceivedCase(t.db);
    const { actor } = await staffWith(t.db, ["agent"], { teamCodes: ["legal"] });
    const lawyer = await staffWith(t.db, ["legal"], { name: "Claire Juriste" });
    const billing = await staffWith(t.db, ["agent"], { name: "Bill Team", teamCodes: ["billing"] });
    const nobody = parseRefusal(notifyStakeholdersSchema, { reference, message: "x" });
    expect(nobody).toMatchObject({ code: "validation", fieldErrors: { groups: ["casePage.stakeholders.error.nobody"] } });
    const { recipients } = await notifyStakeholders({ db: t.db, actor, input: parseInput(notifyStakeholdersSchema, { reference, groups: ["legal", "finance"], message: "Risque de pénalités" }), now: later(2) });
    const ids = recipients.map((r) => r.id);
    expect(ids).toContain(lawyer.user.id);
    expect(ids).toContain(billing.user.id);
    expect(ids).not.toContain(actor.userId);
    const emails = await emailsOf(row.id);
    expect(emails.every((e) => e.template === "stakeholder-notified")).toBe(true);
    expect(emails.length).toBe(recipients.length);
    expect((await eventsOf(row.id)).at(-1)).toMatchObject({ type: "stakeholders_notified", visibility: "internal" });
    expect((await eventsOf(row.id)).at(-1)!.payload).toMatchObject({ recipients: expect.arrayContaining(["Claire Juriste", "Bill Team"]) });
    expect(((await eventsOf(row.id)).at(-1)!.payload as { recipients: string[] }).recipients).toHaveLength(recipients.length);
  });

  it("refuses a notice to a group or a team that no active colleague is in, naming it, and writes nothing", async () => {
    const { reference, row } = await openReceivedCase(t.db);
    const { actor } = await staffWith(t.db, ["agent"]);
    await staffWith(t.db, ["legal"], { name: "Léa Juriste" });
    const [empty] = await t.db.insert(teams).values({ code: `empty-${process.pid}`, name: "Équipe vide" }).returning();
    const before = { events: (await eventsOf(row.id)).length, emails: (await emailsOf(row.id)).length };
    const refused = await rejection(
      notifyStakeholders({ db: t.db, actor, input: parseInput(notifyStakeholdersSchema, { reference, groups: ["legal", "operations"], teamIds: [empty!.id], message: "Lot non conforme" }), now: later(1) }),
    );
    expect(refused).toMatchObject({
      code: "validation",
      params: { teams: "Équipe vide" },
      fieldErrors: { groups: ["casePage.stakeholders.nobodyHolds.operations"], teamIds: ["casePage.stakeholders.nobodyInTeams"] },
    });
    expect(await eventsOf(row.id)).toHaveLength(before.events);
    expect(await emailsOf(row.id)).toHaveLength(before.emails);
  });

  it("logs time per staff member and totals it on the case page; refuses a future day and zero minutes", async () => {
    const { reference, row } = await openReceivedCase(t.db);
    const a = await staffWith(t.db, ["agent"], { name: "Agent A" });
    const b = await staffWith(t.db, ["finance"], { name: "Finance B" });
    await logTime({ db: t.db, actor: a.actor, input: parseInput(logTimeSchema, { reference, minutes: "45", spentOn: "2026-11-23", note: "Appel client" }), now: later(60) });
    await logTime({ db: t.db, actor: a.actor, input: parseInput(logTimeSchema, { reference, minutes: 15, spentOn: "2026-11-23" }), now: later(61) });
    await logTime({ db: t.db, actor: b.actor, input: parseInput(logTimeSchema, { reference, minutes: 30, spentOn: "2026-11-23" }), now: later(62) });
    const bad = parseRefusal(logTimeSchema, { reference, minutes: 0, spentOn: "2026-11-23" });
    expect(bad).toMatchObject({ fieldErrors: { minutes: ["casePage.time.error.minutes"] } });
    const future = await rejection(logTime({ db: t.db, actor: a.actor, input: parseInput(logTimeSchema, { reference, minutes: 5, spentOn: "2026-11-24" }), now: later(63) }));
    expect(future).toMatchObject({ fieldErrors: { spentOn: ["casePage.time.error.future"] } });
    expect(await t.db.select().from(timeEntries).where(eq(timeEntries.caseId, row.id))).toHaveLength(3);
    const page = await getStaffCase({ db: t.db, actor: a.actor, input: { reference }, now: later(64) });
    expect(page.time.totalMinutes).toBe(90);
    expect(page.time.totals.map((x) => [x.staffName, x.minutes]).sort()).toEqual([
      ["Agent A", 60],
      ["Finance B", 30],
    ]);
  });
});

describe("price check", () => {
  it("indexes exactly, rounding half up", () => {
    expect(indexPrice(10_000, "112.4", "100")).toBe(11_240);
    expect(indexPrice(999, "101.5", "100.0")).toBe(1_014); // 1013.985 → 1014
    expect(indexPrice(100, "1", "3")).toBe(33);
  });

  it("gives the contracted price of each contested line at the invoice date, indexed, beside the invoiced one", async () => {
    const { reference, accountId } = await openReceivedCase(t.db, { type: "price_billing" });
    const { actor } = await staffWith(t.db, ["agent"]);
    const noAgreement = await getPriceCheck({ db: t.db, actor, input: { reference } });
    expect(noAgreement).toEqual([expect.objectContaining({ productCode: "GRA-01", status: "no_agreement", invoicedUnitPriceCents: 12_000 })]);
    await t.db.insert(priceAgreements).values([
      { accountId, productCode: "GRA-01", unitPriceCents: 9_000, validFrom: "2025-01-01", validTo: "2025-12-31" },
      { accountId, productCode: "GRA-01", unitPriceCents: 10_000, validFrom: "2026-01-01", indexation: { indexCode: "TEST-IDX", baseValue: "100" } },
    ]);
    const missing = await getPriceCheck({ db: t.db, actor, input: { reference } });
    expect(missing[0]).toMatchObject({ status: "index_value_missing", agreedUnitPriceCents: 10_000, indexation: { month: "2026-10-01", value: null } });
    await t.db.insert(priceIndexValues).values({ indexCode: "TEST-IDX", month: "2026-10-01", value: "110.5" });
    const [line] = await getPriceCheck({ db: t.db, actor, input: { reference } });
    expect(line).toMatchObject({
      status: "ok",
      agreedUnitPriceCents: 10_000,
      contractedUnitPriceCents: 11_050,
      invoicedUnitPriceCents: 12_000,
      differenceCents: 950,
      contestedUnitPriceCents: 11_000,
    });
    const mediator = await staffWith(t.db, ["mediator"]);
    expect(await rejection(getPriceCheck({ db: t.db, actor: mediator.actor, input: { reference } }))).toMatchObject({ code: "not_found" });
  });
});

describe("opening a case on behalf", () => {
  it("lists the accounts, then the contacts who may file and the invoices of the chosen one; customers may not", async () => {
    const { accountId, contact } = await openReceivedCase(t.db);
    const { actor } = await staffWith(t.db, ["agent"]);
    const first = await listOnBehalfChoices({ db: t.db, actor, input: {} });
    expect(first.accounts.map((a) => a.id)).toContain(accountId);
    expect(first.contacts).toEqual([]);
    const chosen = await listOnBehalfChoices({ db: t.db, actor, input: { accountId } });
    expect(chosen.account?.id).toBe(accountId);
    expect(chosen.contacts.map((c) => c.id)).toEqual([contact.id]);
    expect(chosen.invoices[0]?.lines.map((l) => l.productCode)).toEqual(["GRA-01", "CIM-25"]);
    const customer = await customerActor(t.db, contact.id);
    expect(await rejection(listOnBehalfChoices({ db: t.db, actor: customer, input: { accountId } }))).toMatchObject({ code: "forbidden" });
    const finance = await staffWith(t.db, ["finance"]);
    expect(await rejection(listOnBehalfChoices({ db: t.db, actor: finance.actor, input: { accountId } }))).toMatchObject({ code: "forbidden" });
  });
});
