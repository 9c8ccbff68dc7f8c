import { caseEvents, caseLines, cases, emailMessages, evidence, evidenceRequests, messages, stagedUploads, storedFiles, type CaseStatus } from "@accord/db";
import { insertCase, insertCustomerAccount, insertInvoice, useTestDb } from "@accord/db/testing";
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appendCaseEvents } from "../audit/append-case-events";
import { AppError } from "../errors";
import { caseSlaStatus, refreshCaseSla } from "../sla/case-sla";
import { createCustomer, createStaff, customerActor, parseRefusal, rejection, staffActor } from "../testing/fixtures";
import { answerEvidenceRequest } from "./answer-evidence-request";
import { getCustomerCase } from "./get-customer-case";
import { CUSTOMER_CASES_PAGE_SIZE, listCustomerCases } from "./list-customer-cases";
import { openEvidenceFile } from "./open-evidence-file";
import { postCustomerReply } from "./post-customer-reply";
import { requestEvidence } from "./request-evidence";
import { withdrawCase } from "./withdraw-case";
import { parseInput } from "../errors";
import { answerEvidenceRequestSchema } from "./answer-evidence-request";
import { customerCaseFiltersSchema } from "./list-customer-cases";
import { customerReplySchema } from "./post-customer-reply";
import { requestEvidenceSchema } from "./request-evidence";
import { withdrawCaseSchema } from "./withdraw-case";

const t = useTestDb();

const PORTAL = "http://localhost:3000";
const BACKOFFICE = "http://localhost:3001";
const received = new Date("2026-11-23T08:00:00Z"); // Monday 09:00 in Paris
const later = (minutes: number) => new Date(received.getTime() + minutes * 60_000);
const SYSTEM = { kind: "system" as const, id: null };

function code(error: unknown) {
  return error instanceof AppError ? error.code : error;
}

/** A company with an admin, two members and a viewer. */
async function company() {
  const account = await insertCustomerAccount(t.db);
  const admin = await createCustomer(t.db, { accountId: account.id, role: "admin", name: "Anne Admin" });
  const member = await createCustomer(t.db, { accountId: account.id, role: "member", name: "Marc Membre" });
  const colleague = await createCustomer(t.db, { accountId: account.id, role: "member", name: "Chloé Collègue" });
  const viewer = await createCustomer(t.db, { accountId: account.id, role: "viewer", name: "Victor Viewer" });
  return {
    account,
    admin: await customerActor(t.db, admin.id),
    member: await customerActor(t.db, member.id),
    colleague: await customerActor(t.db, colleague.id),
    viewer: await customerActor(t.db, viewer.id),
  };
}

/** A case received by the portal (first event, SLA), optionally moved on to `status` by staff. */
async function aCase(accountId: string, contactId: string, options: { status?: CaseStatus; receivedAt?: Date; type?: "quality" | "delivery"; title?: string; assigneeId?: string } = {}) {
  const at = options.receivedAt ?? received;
  const row = await insertCase(t.db, { accountId, customerContactId: contactId, receivedAt: at, type: options.type ?? "quality", title: options.title ?? "Farine humide", assigneeId: options.assigneeId ?? null });
  await t.db.transaction(async (tx) => {
    await appendCaseEvents(tx, { caseId: row.id, actor: SYSTEM, at, events: [{ type: "case_received", visibility: "public", payload: {} }] });
    if (options.status && options.status !== "received") {
      await tx.update(cases).set({ status: options.status }).where(eq(cases.id, row.id));
      await appendCaseEvents(tx, { caseId: row.id, actor: SYSTEM, at, events: [{ type: "moved", visibility: "internal", payload: { from: "received", to: options.status } }] });
    }
    await refreshCaseSla(tx, row.id, at);
  });
  return row;
}

let fileCounter = 0;
/** A file the customer staged (as the upload route would), ready to attach. */
async function staged(uploaderId: string, accountId: string | null, name = "photo.jpg", uploaderKind: "customer" | "staff" = "customer") {
  const content = `file-${++fileCounter}-${Math.random()}`;
  const sha256 = createHash("sha256").update(content).digest("hex");
  await t.db.insert(storedFiles).values({ sha256, sizeBytes: content.length, contentType: "image/jpeg", refCount: 1 });
  const [row] = await t.db
    .insert(stagedUploads)
    .values({ uploaderKind, uploaderId, accountId, sha256, fileName: name, contentType: "image/jpeg", sizeBytes: content.length, expiresAt: new Date("2100-01-01T00:00:00Z") })
    .returning();
  return { id: row!.id, sha256, content };
}

async function agent() {
  const staff = await createStaff(t.db, { roles: ["agent"], name: "Alex Agent" });
  return staffActor(t.db, staff.id);
}

describe("listCustomerCases", () => {
  it("a member sees only the cases they filed; an admin and a viewer see the company's; another company sees none", async () => {
    const c = await company();
    const mine = await aCase(c.account.id, c.member.userId);
    const theirs = await aCase(c.account.id, c.colleague.userId);
    const other = await company();
    await aCase(other.account.id, other.member.userId);

    const refs = async (actor: typeof c.member) => (await listCustomerCases({ db: t.db, actor })).cases.map((row) => row.reference).sort();
    expect(await refs(c.member)).toEqual([mine.reference]);
    expect(await refs(c.colleague)).toEqual([theirs.reference]);
    expect(await refs(c.admin)).toEqual([mine.reference, theirs.reference].sort());
    expect(await refs(c.viewer)).toEqual([mine.reference, theirs.reference].sort());
    expect(await refs(other.admin)).not.toContain(mine.reference);
  });

  it("says the status in plain words, the next step and who owes it", async () => {
    const c = await company();
    await aCase(c.account.id, c.member.userId, { status: "awaiting_customer" });
    const [row] = (await listCustomerCases({ db: t.db, actor: c.member })).cases;
    expect(row!.nextStep).toMatchObject({ statusKey: "case.status.awaiting_customer", nextKey: "case.next.awaiting_customer", owner: "customer" });
  });

  it("filters by status (one, or the open / closed groups), type and period, and searches references and invoice numbers", async () => {
    const c = await company();
    const open = await aCase(c.account.id, c.member.userId, { status: "investigating", type: "quality", receivedAt: new Date("2026-10-05T10:00:00Z") });
    const closed = await aCase(c.account.id, c.member.userId, { status: "withdrawn", type: "delivery", receivedAt: new Date("2026-11-02T10:00:00Z") });
    const resolved = await aCase(c.account.id, c.member.userId, { status: "resolved", type: "delivery", receivedAt: new Date("2026-11-20T23:30:00Z") });
    const invoice = await insertInvoice(t.db, { accountId: c.account.id, number: "FA-2026-7788", lines: [{ description: "Farine T65", quantityMilli: 10_000, unitPriceCents: 2_500 }] });
    await t.db.insert(caseLines).values({ caseId: closed.id, invoiceId: invoice.id, invoiceLineId: invoice.lines[0]!.id, contestedQuantityMilli: 1_000, computedAmountCents: 2_500, disputedAmountCents: 2_500 });

    const refs = async (input: Record<string, string>) => (await listCustomerCases({ db: t.db, actor: c.admin, input: parseInput(customerCaseFiltersSchema, input) })).cases.map((row) => row.reference);
    expect(await refs({ status: "open" })).toEqual([open.reference]);
    expect(await refs({ status: "closed" })).toEqual([resolved.reference, closed.reference]);
    expect(await refs({ status: "withdrawn" })).toEqual([closed.reference]);
    expect(await refs({ type: "delivery" })).toEqual([resolved.reference, closed.reference]);
    // Periods are Paris days: 2026-11-20 23:30 UTC is already the 21st in Paris.
    expect(await refs({ from: "2026-11-01", to: "2026-11-20" })).toEqual([closed.reference]);
    expect(await refs({ from: "2026-11-21" })).toEqual([resolved.reference]);
    expect(await refs({ q: open.reference })).toEqual([open.reference]);
    expect(await refs({ q: open.reference.slice(-6).toLowerCase() })).toEqual([open.reference]);
    expect(await refs({ q: "fa-2026-7788" })).toEqual([closed.reference]);
    expect(await refs({ q: "7788", status: "open" })).toEqual([]);
    expect(await refs({ status: "", type: "", q: "" })).toHaveLength(3);
  });

  it("refuses filters it does not know, with the field named", async () => {
    const c = await company();
    const error = parseRefusal(customerCaseFiltersSchema, { status: "lost", from: "2026-13-45" } );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fieldErrors).toMatchObject({ status: ["cases.error.filter"], from: ["cases.error.date"] });
    expect(code(await rejection(listCustomerCases({ db: t.db, actor: c.admin, input: parseInput(customerCaseFiltersSchema, { cursor: "garbage" } )})))).toBe("validation");
  });

  it("pages 25 at a time with a keyset cursor, newest first, without skipping or repeating a case", async () => {
    const c = await company();
    const same = new Date("2026-09-01T08:00:00Z");
    const refs: string[] = [];
    for (let i = 0; i < CUSTOMER_CASES_PAGE_SIZE + 7; i++) {
      // Several cases share one instant: the id breaks the tie.
      const row = await insertCase(t.db, { accountId: c.account.id, customerContactId: c.member.userId, receivedAt: i % 3 === 0 ? same : new Date(same.getTime() + i * 60_000) });
      refs.push(row.reference);
    }
    const first = await listCustomerCases({ db: t.db, actor: c.member });
    expect(first.cases).toHaveLength(CUSTOMER_CASES_PAGE_SIZE);
    expect(first.nextCursor).not.toBeNull();
    const second = await listCustomerCases({ db: t.db, actor: c.member, input: parseInput(customerCaseFiltersSchema, { cursor: first.nextCursor! } )});
    expect(second.cases).toHaveLength(7);
    expect(second.nextCursor).toBeNull();
    const seen = [...first.cases, ...second.cases];
    expect(new Set(seen.map((row) => row.reference))).toEqual(new Set(refs));
    const times = seen.map((row) => row.receivedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("refuses staff", async () => {
    expect(code(await rejection(listCustomerCases({ db: t.db, actor: await agent() })))).toBe("forbidden");
  });
});

describe("getCustomerCase", () => {
  it("shows the summary, next step, SLA commitment, lines, public timeline, messages and evidence", async () => {
    const c = await company();
    const row = await aCase(c.account.id, c.member.userId);
    const invoice = await insertInvoice(t.db, { accountId: c.account.id, lines: [{ description: "Farine T65", quantityMilli: 10_000, unitPriceCents: 2_500 }] });
    await t.db.insert(caseLines).values({ caseId: row.id, invoiceId: invoice.id, invoiceLineId: invoice.lines[0]!.id, contestedQuantityMilli: 2_000, computedAmountCents: 5_000, disputedAmountCents: 4_000 });
    const page = await getCustomerCase({ db: t.db, actor: c.member, input: { reference: row.reference.toLowerCase() }, now: later(60) });
    expect(page.case).toMatchObject({ reference: row.reference, status: "received", contactName: "Marc Membre", nextStep: { owner: "supplier" } });
    expect(page.sla).toMatchObject({ paused: false, workingDayMinutes: expect.any(Number), firstResponse: { targetMinutes: expect.any(Number) } });
    expect(page.sla!.firstResponse.deadlineAt).toBeInstanceOf(Date);
    expect(page.lines).toEqual([expect.objectContaining({ invoiceNumber: invoice.number, description: "Farine T65", disputedAmountCents: 4_000, contestedQuantityMilli: 2_000 })]);
    expect(page.timeline.map((e) => e.type)).toEqual(["case_received"]);
    expect(page.can).toEqual({ reply: true, answer: false, withdraw: true });
  });

  it("never shows an internal note, internal evidence or internal event", async () => {
    const c = await company();
    const staff = await agent();
    const row = await aCase(c.account.id, c.admin.userId);
    const secret = `SECRET-${Math.random().toString(36).slice(2)}`;
    await t.db.insert(messages).values({ caseId: row.id, authorKind: "staff", authorId: staff.userId, visibility: "internal", body: `note ${secret}` });
    const file = await staged(staff.userId, null, `${secret}.pdf`, "staff");
    await t.db.transaction(async (tx) => {
      const { attachStagedUploads } = await import("../files/attach-staged-uploads");
      await attachStagedUploads(tx, { uploadIds: [file.id], uploader: { kind: "staff", id: staff.userId }, caseId: row.id, visibility: "internal", now: later(5) });
      await appendCaseEvents(tx, { caseId: row.id, actor: { kind: "staff", id: staff.userId }, at: later(5), events: [{ type: "note_added", visibility: "internal", payload: { reason: secret } }] });
    });
    const [internal] = await t.db.select().from(evidence).where(eq(evidence.caseId, row.id));
    const page = await getCustomerCase({ db: t.db, actor: c.admin, input: { reference: row.reference }, now: later(10) });
    expect(JSON.stringify(page)).not.toContain(secret);
    expect(page.messages).toEqual([]);
    expect(page.evidence).toEqual([]);
    expect(page.timeline.map((e) => e.type)).toEqual(["case_received"]);
    // …and the internal file cannot be downloaded either.
    const files = { openRead: async () => Readable.from(["x"]) };
    expect(code(await rejection(openEvidenceFile({ db: t.db, actor: c.admin, input: { reference: row.reference, evidenceId: internal!.id }, files })))).toBe("not_found");
  });

  it("is not_found for a colleague's case (member), for another company, and for an unknown reference", async () => {
    const c = await company();
    const row = await aCase(c.account.id, c.colleague.userId);
    const other = await company();
    for (const actor of [c.member, other.admin, other.viewer]) {
      expect(code(await rejection(getCustomerCase({ db: t.db, actor, input: { reference: row.reference }, now: later(1) })))).toBe("not_found");
    }
    expect(code(await rejection(getCustomerCase({ db: t.db, actor: c.admin, input: { reference: "LIT-1999-999999" }, now: later(1) })))).toBe("not_found");
    expect(code(await rejection(getCustomerCase({ db: t.db, actor: c.admin, input: { reference: "../etc" }, now: later(1) })))).toBe("not_found");
  });

  it("lets a viewer read but offers no action", async () => {
    const c = await company();
    const row = await aCase(c.account.id, c.member.userId, { status: "investigating" });
    const page = await getCustomerCase({ db: t.db, actor: c.viewer, input: { reference: row.reference }, now: later(1) });
    expect(page.can).toEqual({ reply: false, answer: false, withdraw: false });
  });
});

describe("postCustomerReply", () => {
  it("posts a public message with its attachments, records the event and e-mails the assignee", async () => {
    const c = await company();
    const staff = await agent();
    const row = await aCase(c.account.id, c.member.userId, { status: "investigating", assigneeId: staff.userId });
    const file = await staged(c.member.userId, c.account.id, "bon-de-livraison.pdf");
    const { messageId } = await postCustomerReply({ db: t.db, actor: c.member, input: { ...parseInput(customerReplySchema, { reference: row.reference, body: "Voici le bon de livraison.", uploadIds: [file.id] }), reference: row.reference }, now: later(30), backofficeUrl: BACKOFFICE });
    const page = await getCustomerCase({ db: t.db, actor: c.member, input: { reference: row.reference }, now: later(31) });
    expect(page.messages).toEqual([expect.objectContaining({ id: messageId, body: "Voici le bon de livraison.", authorName: "Marc Membre", attachments: [expect.objectContaining({ fileName: "bon-de-livraison.pdf" })] })]);
    expect(page.timeline.at(-1)!.type).toBe("customer_replied");
    const mails = await t.db.select().from(emailMessages).where(eq(emailMessages.caseId, row.id));
    expect(mails).toEqual([expect.objectContaining({ template: "customer-replied", to: [staff.email] })]);
  });

  it("sends no e-mail without an assignee, and keeps nothing when a field is wrong", async () => {
    const c = await company();
    const row = await aCase(c.account.id, c.member.userId, { status: "investigating" });
    await postCustomerReply({ db: t.db, actor: c.member, input: { ...parseInput(customerReplySchema, { reference: row.reference, body: "Bonjour" }), reference: row.reference }, now: later(30), backofficeUrl: BACKOFFICE });
    expect(await t.db.select().from(emailMessages).where(eq(emailMessages.caseId, row.id))).toEqual([]);
    const error = parseRefusal(customerReplySchema, { reference: row.reference, body: "   " });
    expect((error as AppError).fieldErrors).toEqual({ body: ["validation.required"] });
    const someoneElses = await staged(c.colleague.userId, c.account.id);
    const refused = await rejection(postCustomerReply({ db: t.db, actor: c.member, input: { ...parseInput(customerReplySchema, { reference: row.reference, body: "Ci-joint", uploadIds: [someoneElses.id] }), reference: row.reference }, now: later(32), backofficeUrl: BACKOFFICE }));
    expect((refused as AppError).fieldErrors).toEqual({ uploadIds: ["uploads.error.expired"] });
    expect(await t.db.select().from(messages).where(eq(messages.caseId, row.id))).toHaveLength(1);
  });

  it("refuses a viewer (forbidden), another company (not_found) and an ended case", async () => {
    const c = await company();
    const row = await aCase(c.account.id, c.member.userId, { status: "investigating" });
    const other = await company();
    const input = { reference: row.reference, body: "Bonjour" };
    expect(code(await rejection(postCustomerReply({ db: t.db, actor: c.viewer, input: { ...parseInput(customerReplySchema, input), reference: input.reference }, now: later(1), backofficeUrl: BACKOFFICE })))).toBe("forbidden");
    expect(code(await rejection(postCustomerReply({ db: t.db, actor: other.admin, input: { ...parseInput(customerReplySchema, input), reference: input.reference }, now: later(1), backofficeUrl: BACKOFFICE })))).toBe("not_found");
    expect(code(await rejection(postCustomerReply({ db: t.db, actor: c.colleague, input: { ...parseInput(customerReplySchema, input), reference: input.reference }, now: later(1), backofficeUrl: BACKOFFICE })))).toBe("not_found");
    const ended = await aCase(c.account.id, c.member.userId, { status: "closed" });
    expect(code(await rejection(postCustomerReply({ db: t.db, actor: c.member, input: { ...parseInput(customerReplySchema, { ...input, reference: ended.reference }), reference: ended.reference }, now: later(1), backofficeUrl: BACKOFFICE })))).toBe("invalid_transition");
  });
});

describe("evidence requests", () => {
  it("pauses the SLA clock on request and resumes it when the customer has answered every open request", async () => {
    const c = await company();
    const staff = await agent();
    const row = await aCase(c.account.id, c.member.userId, { status: "investigating" });
    const first = await requestEvidence({ db: t.db, actor: staff, input: parseInput(requestEvidenceSchema, { reference: row.reference, items: "Photos du lot\nBon de livraison signé", message: "Merci", dueDate: "2026-11-30" }), now: later(60), portalUrl: PORTAL });
    const [afterRequest] = await t.db.select().from(cases).where(eq(cases.id, row.id));
    expect(afterRequest!.status).toBe("awaiting_customer");
    expect(afterRequest!.firstRespondedAt).toEqual(later(60));
    // Two days later the clock has not moved.
    const paused = await caseSlaStatus(t.db, row.id, new Date("2026-11-25T10:00:00Z"));
    expect(paused!.status.resolution.clock).toBe("paused");
    expect(paused!.status.resolution.elapsedMinutes).toBe(60);

    const [event] = await t.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, row.id), eq(caseEvents.type, "information_requested")));
    expect(event).toMatchObject({ visibility: "public", payload: { from: "investigating", to: "awaiting_customer", items: ["Photos du lot", "Bon de livraison signé"], dueDate: "2026-11-30", requestId: first.requestId } });
    const [mail] = await t.db.select().from(emailMessages).where(eq(emailMessages.caseId, row.id));
    expect(mail).toMatchObject({ template: "information-requested", to: [c.member.email], props: { items: ["Photos du lot", "Bon de livraison signé"], dueDate: "2026-11-30", caseUrl: `${PORTAL}/cases/${row.reference}` } });

    // A second request while the case waits: no status change, one more to-do.
    const second = await requestEvidence({ db: t.db, actor: staff, input: parseInput(requestEvidenceSchema, { reference: row.reference, items: "Numéro de lot", dueDate: "2026-12-01" }), now: later(70), portalUrl: PORTAL });
    let page = await getCustomerCase({ db: t.db, actor: c.member, input: { reference: row.reference }, now: later(80) });
    expect(page.evidenceRequests.map((r) => [r.id, r.status])).toEqual([
      [first.requestId, "open"],
      [second.requestId, "open"],
    ]);
    expect(page.case.nextStep.owner).toBe("customer");
    expect(page.sla!.paused).toBe(true);
    expect(page.can.answer).toBe(true);
    expect(page.evidenceRequests.map((r) => r.canAnswer)).toEqual([true, true]);
    // A viewer of the company sees the requests but may not answer them.
    const asViewer = await getCustomerCase({ db: t.db, actor: c.viewer, input: { reference: row.reference }, now: later(80) });
    expect(asViewer.evidenceRequests.map((r) => r.canAnswer)).toEqual([false, false]);

    const photo = await staged(c.member.userId, c.account.id, "lot.jpg");
    const answered = await answerEvidenceRequest({ db: t.db, actor: c.member, input: { ...parseInput(answerEvidenceRequestSchema, { reference: row.reference, requestId: first.requestId, text: "Voici les photos", uploadIds: [photo.id] }), reference: row.reference }, now: new Date("2026-11-25T09:00:00Z") });
    expect(answered).toEqual({ status: "awaiting_customer", resumed: false });
    const resumedAt = new Date("2026-11-25T10:00:00Z");
    expect(await answerEvidenceRequest({ db: t.db, actor: c.member, input: { ...parseInput(answerEvidenceRequestSchema, { reference: row.reference, requestId: second.requestId, text: "Lot 2611" }), reference: row.reference }, now: resumedAt })).toEqual({ status: "investigating", resumed: true });

    page = await getCustomerCase({ db: t.db, actor: c.member, input: { reference: row.reference }, now: resumedAt });
    expect(page.case.status).toBe("investigating");
    expect(page.case.nextStep.owner).toBe("supplier");
    expect(page.evidenceRequests.find((r) => r.id === first.requestId)).toMatchObject({ status: "answered", canAnswer: false, answerText: "Voici les photos", files: [expect.objectContaining({ fileName: "lot.jpg" })] });
    expect(page.timeline.map((e) => e.type).slice(-4)).toEqual(["information_requested", "evidence_request_answered", "evidence_request_answered", "customer_answered"]);
    // The clock resumes: one business hour later, 60 + 60 minutes have run.
    const resumed = await caseSlaStatus(t.db, row.id, new Date("2026-11-25T11:00:00Z"));
    expect(resumed!.status.resolution.clock).toBe("running");
    expect(resumed!.status.resolution.elapsedMinutes).toBe(120);
  });

  it("the domain refuses a request on a case not under investigation; bad input is named", async () => {
    const c = await company();
    const staff = await agent();
    const row = await aCase(c.account.id, c.member.userId);
    const refused = await rejection(requestEvidence({ db: t.db, actor: staff, input: parseInput(requestEvidenceSchema, { reference: row.reference, items: "Photos", dueDate: "2026-11-30" }), now: later(1), portalUrl: PORTAL }));
    expect(code(refused)).toBe("invalid_transition");
    const invalid = parseRefusal(requestEvidenceSchema, { reference: row.reference, items: "  \n ", dueDate: "2026-11-01" });
    expect((invalid as AppError).fieldErrors).toMatchObject({ items: ["validation.required"] });
    const past = await rejection(requestEvidence({ db: t.db, actor: staff, input: parseInput(requestEvidenceSchema, { reference: row.reference, items: "Photos", dueDate: "2026-11-01" }), now: later(1), portalUrl: PORTAL }));
    expect((past as AppError).fieldErrors).toEqual({ dueDate: ["evidenceRequest.error.dueDatePast"] });
    expect(await t.db.select().from(evidenceRequests).where(eq(evidenceRequests.caseId, row.id))).toEqual([]);
  });

  it("only staff who investigate may ask; a customer may not", async () => {
    const c = await company();
    const row = await aCase(c.account.id, c.member.userId, { status: "investigating" });
    const finance = await staffActor(t.db, (await createStaff(t.db, { roles: ["finance"] })).id);
    const input = { reference: row.reference, items: "Photos", dueDate: "2026-11-30" };
    expect(code(await rejection(requestEvidence({ db: t.db, actor: finance, input: parseInput(requestEvidenceSchema, input), now: later(1), portalUrl: PORTAL })))).toBe("forbidden");
    expect(code(await rejection(requestEvidence({ db: t.db, actor: c.admin, input: parseInput(requestEvidenceSchema, input), now: later(1), portalUrl: PORTAL })))).toBe("forbidden");
  });

  it("a viewer cannot answer, another company cannot see the request, an answered request takes no second answer", async () => {
    const c = await company();
    const staff = await agent();
    const row = await aCase(c.account.id, c.member.userId, { status: "investigating" });
    const { requestId } = await requestEvidence({ db: t.db, actor: staff, input: parseInput(requestEvidenceSchema, { reference: row.reference, items: "Photos", dueDate: "2026-11-30" }), now: later(1), portalUrl: PORTAL });
    const other = await company();
    const input = { reference: row.reference, requestId, text: "Voici" };
    expect(code(await rejection(answerEvidenceRequest({ db: t.db, actor: c.viewer, input: { ...parseInput(answerEvidenceRequestSchema, input), reference: input.reference }, now: later(2) })))).toBe("forbidden");
    expect(code(await rejection(answerEvidenceRequest({ db: t.db, actor: other.admin, input: { ...parseInput(answerEvidenceRequestSchema, input), reference: input.reference }, now: later(2) })))).toBe("not_found");
    const empty = parseRefusal(answerEvidenceRequestSchema, { ...input, text: "" });
    expect((empty as AppError).fieldErrors).toEqual({ text: ["cases.error.answerEmpty"] });
    await answerEvidenceRequest({ db: t.db, actor: c.admin, input: { ...parseInput(answerEvidenceRequestSchema, input), reference: input.reference }, now: later(3) });
    expect(code(await rejection(answerEvidenceRequest({ db: t.db, actor: c.member, input: { ...parseInput(answerEvidenceRequestSchema, input), reference: input.reference }, now: later(4) })))).toBe("conflict");
  });
});

describe("withdrawCase", () => {
  it("withdraws with a reason: status, public event, SLA stopped, confirmation e-mail", async () => {
    const c = await company();
    const row = await aCase(c.account.id, c.member.userId, { status: "investigating" });
    expect(await withdrawCase({ db: t.db, actor: c.member, input: { ...parseInput(withdrawCaseSchema, { reference: row.reference, reason: "Marchandise retrouvée" }), reference: row.reference }, now: later(30), portalUrl: PORTAL })).toEqual({ status: "withdrawn" });
    const page = await getCustomerCase({ db: t.db, actor: c.member, input: { reference: row.reference }, now: later(60) });
    expect(page.case.status).toBe("withdrawn");
    expect(page.timeline.at(-1)).toMatchObject({ type: "case_withdrawn", details: { from: "investigating", to: "withdrawn", reason: "Marchandise retrouvée" } });
    expect(page.sla!.resolution.clock).toBe("stopped");
    expect(page.can).toEqual({ reply: false, answer: false, withdraw: false });
    const [mail] = await t.db.select().from(emailMessages).where(eq(emailMessages.caseId, row.id));
    expect(mail).toMatchObject({ template: "case-withdrawn", to: [c.member.email] });
    // A withdrawn case cannot be withdrawn again: the domain says why.
    expect(code(await rejection(withdrawCase({ db: t.db, actor: c.member, input: { ...parseInput(withdrawCaseSchema, { reference: row.reference, reason: "Encore" }), reference: row.reference }, now: later(31), portalUrl: PORTAL })))).toBe("invalid_transition");
  });

  it("needs a reason, and refuses a viewer and another company", async () => {
    const c = await company();
    const row = await aCase(c.account.id, c.member.userId);
    const blank = parseRefusal(withdrawCaseSchema, { reference: row.reference, reason: " " });
    expect((blank as AppError).fieldErrors).toEqual({ reason: ["validation.required"] });
    const other = await company();
    expect(code(await rejection(withdrawCase({ db: t.db, actor: c.viewer, input: { ...parseInput(withdrawCaseSchema, { reference: row.reference, reason: "x" }), reference: row.reference }, now: later(1), portalUrl: PORTAL })))).toBe("forbidden");
    expect(code(await rejection(withdrawCase({ db: t.db, actor: other.admin, input: { ...parseInput(withdrawCaseSchema, { reference: row.reference, reason: "x" }), reference: row.reference }, now: later(1), portalUrl: PORTAL })))).toBe("not_found");
    const [stored] = await t.db.select().from(cases).where(eq(cases.id, row.id));
    expect(stored!.status).toBe("received");
  });
});

describe("openEvidenceFile", () => {
  it("streams a public file of a case the customer may see, and is not_found for anyone else", async () => {
    const c = await company();
    const row = await aCase(c.account.id, c.member.userId, { status: "investigating" });
    const file = await staged(c.member.userId, c.account.id, "bon.pdf");
    await postCustomerReply({ db: t.db, actor: c.member, input: { ...parseInput(customerReplySchema, { reference: row.reference, body: "Pièce", uploadIds: [file.id] }), reference: row.reference }, now: later(1), backofficeUrl: BACKOFFICE });
    const [stored] = await t.db.select().from(evidence).where(eq(evidence.caseId, row.id)).orderBy(asc(evidence.createdAt));
    const files = { openRead: async (sha256: string) => Readable.from([sha256 === file.sha256 ? file.content : "wrong"]) };
    const download = await openEvidenceFile({ db: t.db, actor: c.viewer, input: { reference: row.reference, evidenceId: stored!.id }, files });
    expect(download).toMatchObject({ fileName: "bon.pdf", contentType: "image/jpeg", sha256: file.sha256 });
    expect(await text(download.stream)).toBe(file.content);
    const other = await company();
    for (const [actor, reference] of [[other.admin, row.reference], [c.colleague, row.reference]] as const) {
      expect(code(await rejection(openEvidenceFile({ db: t.db, actor, input: { reference, evidenceId: stored!.id }, files })))).toBe("not_found");
    }
    // The evidence id of this case under another case of the same company is not found either.
    const another = await aCase(c.account.id, c.member.userId);
    expect(code(await rejection(openEvidenceFile({ db: t.db, actor: c.member, input: { reference: another.reference, evidenceId: stored!.id }, files })))).toBe("not_found");
    const missing = { openRead: async () => Promise.reject(Object.assign(new Error("gone"), { code: "ENOENT" })) };
    expect(code(await rejection(openEvidenceFile({ db: t.db, actor: c.member, input: { reference: row.reference, evidenceId: stored!.id }, files: missing })))).toBe("not_found");
  });
});
