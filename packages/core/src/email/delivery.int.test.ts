import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { adminEvents, caseEvents, emailMessages, suppressedAddresses, webhookEvents } from "@accord/db";
import { insertCase, useTestDb } from "@accord/db/testing";
import { resendTransport, signResendWebhook } from "@accord/email";
import { rateLimited, serverError, startFakeResend, type FakeResend } from "@accord/email/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { getStaffCase } from "../cases/get-staff-case";
import { createFileStore, type FileStore } from "../files/file-store";
import { createCustomer, createStaff, rejection, staffActor } from "../testing/fixtures";
import { deliverEmail } from "./deliver-email";
import { queueEmail } from "./queue-email";
import { receiveResendWebhook } from "./receive-resend-webhook";
import { listUndeliveredEmails } from "./undelivered-emails";

const t = useTestDb();
let fake: FakeResend;
let storeDir: string;
let store: FileStore;
beforeAll(async () => {
  fake = await startFakeResend();
  storeDir = await mkdtemp(join(tmpdir(), "accord-delivery-files-"));
  store = createFileStore(storeDir);
});
afterAll(async () => {
  await fake.close();
  await rm(storeDir, { recursive: true, force: true });
});

const now = new Date("2026-12-06T09:00:00Z");
const secret = `whsec_${Buffer.from("accord test webhook secret, 32b!").toString("base64")}`;
let n = 0;

async function caseWithContact() {
  const contact = await createCustomer(t.db);
  const row = await insertCase(t.db, { accountId: contact.accountId, customerContactId: contact.id });
  return { contact, caseRow: row };
}

async function queue(to: string, caseId: string | null = null) {
  const key = `delivery-test:${++n}`;
  const { id } = await t.db.transaction((tx) =>
    queueEmail(tx, {
      to,
      template: "password-reset",
      language: "fr",
      props: { name: "Claire Dupont", resetUrl: `http://localhost:3000/reset-password?token=t${n}` },
      idempotencyKey: key,
      caseId,
      now,
    }),
  );
  return { id, key };
}

const row = async (id: string) => (await t.db.select().from(emailMessages).where(eq(emailMessages.id, id)))[0]!;
const transport = () => resendTransport({ apiKey: "re_test", baseUrl: fake.url, timeoutMs: 5_000 });

function webhook(body: object, id = `msg_${++n}`, signWith = secret) {
  const raw = JSON.stringify(body);
  return { body: raw, headers: new Headers({ "content-type": "application/json", ...signResendWebhook({ secret: signWith, body: raw, id }) }), id };
}

describe("deliverEmail through Resend (the fake server)", () => {
  it("retries a 500, then a 429 no earlier than its Retry-After, then delivers once with the same idempotency key", async () => {
    const { id, key } = await queue("acheteur@martin.example");
    fake.failNext(serverError(500), rateLimited(120));
    const first = await deliverEmail({ db: t.db, emailId: id, store, transport: transport(), now, random: () => 0 });
    expect(first).toMatchObject({ status: "retry", at: new Date(now.getTime() + 15_000) });
    expect((await row(id)).lastError).toBe("Resend: Internal server error");
    const second = await deliverEmail({ db: t.db, emailId: id, store, transport: transport(), now, attempt: 2, random: () => 0 });
    // Backoff would say 30 s; Resend asked for 120 s.
    expect(second).toMatchObject({ status: "retry", at: new Date(now.getTime() + 120_000), error: "Resend: Too many requests" });
    expect(await deliverEmail({ db: t.db, emailId: id, store, transport: transport(), now, attempt: 3 })).toMatchObject({ status: "sent" });
    expect(await row(id)).toMatchObject({ state: "sent", attempts: 3, nextAttemptAt: null, lastError: null });
    expect(fake.requests.filter((r) => r.idempotencyKey === key).map((r) => r.status)).toEqual([500, 429, 200]);
    expect(fake.accepted.get(key)).toBe(1);
  });

  it("a 422 is permanent: undelivered at once with the reason, never retried, and the case says why", async () => {
    const { caseRow } = await caseWithContact();
    fake.refuse("nobody@invalid.example", "Invalid `to` field. The email address needs to follow the `email@example.com` format.");
    const { id, key } = await queue("nobody@invalid.example", caseRow.id);
    const result = await deliverEmail({ db: t.db, emailId: id, store, transport: transport(), now });
    expect(result).toMatchObject({ status: "undelivered", reason: "refused" });
    expect(await row(id)).toMatchObject({ state: "undelivered", undeliveredReason: "refused", undeliveredAt: now, nextAttemptAt: null });
    expect((await row(id)).lastError).toContain("Invalid `to` field");
    expect(await deliverEmail({ db: t.db, emailId: id, store, transport: transport(), now, attempt: 2 })).toEqual({ status: "skipped", reason: "already_failed" });
    expect(fake.requests.filter((r) => r.idempotencyKey === key)).toHaveLength(1);

    const [event] = await t.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, caseRow.id), eq(caseEvents.type, "email_undelivered")));
    expect(event).toMatchObject({ visibility: "internal", actorKind: "system", payload: { emailId: id, to: ["nobody@invalid.example"], reason: "refused" } });

    const agent = await createStaff(t.db, { roles: ["supervisor"] });
    const page = await getStaffCase({ db: t.db, actor: await staffActor(t.db, agent.id), input: { reference: caseRow.reference }, now });
    expect(page.undeliveredEmails).toMatchObject([{ id, to: ["nobody@invalid.example"], state: "undelivered", reason: "refused" }]);
  });
});

describe("receiveResendWebhook", () => {
  it("a bad or missing signature changes nothing (401)", async () => {
    const { id } = await queue("signature@martin.example");
    await deliverEmail({ db: t.db, emailId: id, store, transport: transport(), now });
    const { providerId } = await row(id);
    const payload = { type: "email.bounced", created_at: now.toISOString(), data: { email_id: providerId, to: ["signature@martin.example"] } };
    const before = { events: (await t.db.select().from(webhookEvents)).length, suppressed: (await t.db.select().from(suppressedAddresses)).length };

    const forged = webhook(payload, "msg_forged", `whsec_${Buffer.from("somebody else's secret, 32 bytes").toString("base64")}`);
    expect(await receiveResendWebhook({ db: t.db, secret, ...forged, now })).toEqual({ status: "unauthorized" });
    const unsigned = webhook(payload);
    expect(await receiveResendWebhook({ db: t.db, secret, body: unsigned.body, headers: new Headers({ "content-type": "application/json" }), now })).toEqual({ status: "unauthorized" });
    // No secret configured: nothing is accepted.
    expect(await receiveResendWebhook({ db: t.db, secret: undefined, ...webhook(payload), now })).toEqual({ status: "unauthorized" });

    expect(await row(id)).toMatchObject({ state: "sent" });
    expect((await t.db.select().from(webhookEvents)).length).toBe(before.events);
    expect((await t.db.select().from(suppressedAddresses)).length).toBe(before.suppressed);
  });

  it("email.delivered marks the e-mail delivered; a replay changes nothing", async () => {
    const { id } = await queue("delivered@martin.example");
    await deliverEmail({ db: t.db, emailId: id, store, transport: transport(), now });
    const { providerId } = await row(id);
    const event = webhook({ type: "email.delivered", created_at: "2026-12-06T09:00:05.000Z", data: { email_id: providerId, to: ["delivered@martin.example"] } });
    expect(await receiveResendWebhook({ db: t.db, secret, ...event, now })).toMatchObject({ status: "handled" });
    expect(await row(id)).toMatchObject({ state: "delivered", deliveredAt: new Date("2026-12-06T09:00:05.000Z") });
    expect(await receiveResendWebhook({ db: t.db, secret, ...event, now })).toMatchObject({ status: "replayed" });
  });

  it("email.bounced suppresses the address, marks the e-mail undelivered on its case; later e-mails to it are not sent; replays are idempotent", async () => {
    const { caseRow } = await caseWithContact();
    const { id } = await queue("Bounce@Martin.example", caseRow.id);
    await deliverEmail({ db: t.db, emailId: id, store, transport: transport(), now });
    const { providerId } = await row(id);
    const event = webhook({
      type: "email.bounced",
      created_at: now.toISOString(),
      data: { email_id: providerId, to: ["Bounce@Martin.example"], bounce: { type: "Permanent", subType: "General", message: "Mailbox does not exist" } },
    });
    expect(await receiveResendWebhook({ db: t.db, secret, ...event, now })).toMatchObject({ status: "handled" });
    expect(await row(id)).toMatchObject({ state: "undelivered", undeliveredReason: "bounced", lastError: "Bounced: Permanent — General — Mailbox does not exist" });
    expect(await t.db.select().from(suppressedAddresses).where(eq(suppressedAddresses.address, "bounce@martin.example"))).toMatchObject([
      { reason: "bounced", eventId: event.id, detail: "Permanent — General — Mailbox does not exist" },
    ]);
    const suppressions = await t.db.select().from(adminEvents).where(eq(adminEvents.type, "email_address_suppressed"));
    expect(suppressions.filter((e) => e.payload.address === "bounce@martin.example")).toHaveLength(1);
    const caseEventCount = async () => (await t.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, caseRow.id), eq(caseEvents.type, "email_undelivered")))).length;
    expect(await caseEventCount()).toBe(1);

    // Replayed: nothing more.
    expect(await receiveResendWebhook({ db: t.db, secret, ...event, now })).toMatchObject({ status: "replayed" });
    expect(await caseEventCount()).toBe(1);
    expect((await t.db.select().from(adminEvents).where(eq(adminEvents.type, "email_address_suppressed"))).filter((e) => e.payload.address === "bounce@martin.example")).toHaveLength(1);

    // The next e-mail to that address never reaches Resend, and the case says why.
    const requestsBefore = fake.requests.length;
    const next = await queue("bounce@martin.example", caseRow.id);
    expect(await deliverEmail({ db: t.db, emailId: next.id, store, transport: transport(), now })).toMatchObject({ status: "undelivered", reason: "suppressed" });
    expect(fake.requests.length).toBe(requestsBefore);
    expect((await row(next.id)).lastError).toContain("bounce@martin.example (bounced: Permanent — General — Mailbox does not exist)");
    expect(await caseEventCount()).toBe(2);
  });

  it("email.complained suppresses the address too", async () => {
    const { id } = await queue("spam@martin.example");
    await deliverEmail({ db: t.db, emailId: id, store, transport: transport(), now });
    const { providerId } = await row(id);
    expect(await receiveResendWebhook({ db: t.db, secret, ...webhook({ type: "email.complained", data: { email_id: providerId, to: ["spam@martin.example"] } }), now })).toMatchObject({
      status: "handled",
    });
    expect(await row(id)).toMatchObject({ state: "undelivered", undeliveredReason: "complained" });
    expect(await t.db.select().from(suppressedAddresses).where(eq(suppressedAddresses.address, "spam@martin.example"))).toMatchObject([{ reason: "complained" }]);
  });

  it("an event of a type it does not act on is acknowledged and ignored; a signed body that is no event is a 400", async () => {
    expect(await receiveResendWebhook({ db: t.db, secret, ...webhook({ type: "email.opened", data: { email_id: "re_x" } }), now })).toEqual({ status: "ignored", event: null });
    expect(await receiveResendWebhook({ db: t.db, secret, ...webhook({ nothing: true }), now })).toEqual({ status: "bad_payload" });
  });
});

describe("listUndeliveredEmails (« E-mails non remis »)", () => {
  it("lists undelivered and failed e-mails, newest first, with their case, for staff admins only", async () => {
    const { caseRow } = await caseWithContact();
    fake.refuse("listed@invalid.example");
    const { id } = await queue("listed@invalid.example", caseRow.id);
    await deliverEmail({ db: t.db, emailId: id, store, transport: transport(), now: new Date("2026-12-06T23:00:00Z") });

    const admin = await createStaff(t.db, { roles: ["admin"] });
    const emails = await listUndeliveredEmails({ db: t.db, actor: await staffActor(t.db, admin.id) });
    expect(emails[0]).toMatchObject({ id, to: ["listed@invalid.example"], reason: "refused", state: "undelivered", caseReference: caseRow.reference });
    expect(emails.every((e) => e.state === "undelivered" || e.state === "failed")).toBe(true);

    const agent = await createStaff(t.db, { roles: ["agent"] });
    expect(await rejection(listUndeliveredEmails({ db: t.db, actor: await staffActor(t.db, agent.id) }))).toBeInstanceOf(AppError);
  });
});
