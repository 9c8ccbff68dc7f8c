import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { emailMessages, type EmailAttachmentRef } from "@accord/db";
import { useTestDb } from "@accord/db/testing";
import { mailboxTransport, type EmailTransport } from "@accord/email";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { createFileStore, type LocalFileStore } from "../files/file-store";
import { addReference } from "../files/stored-file-references";
import { PDF } from "../files/testing-fixtures";
import { rejection, workerJobs } from "../testing/fixtures";
import { deliverEmail } from "./deliver-email";
import { queueEmail } from "./queue-email";

const t = useTestDb();
let dir: string;
let storeDir: string;
let store: LocalFileStore;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "accord-outbox-"));
  storeDir = await mkdtemp(join(tmpdir(), "accord-outbox-files-"));
  store = createFileStore(storeDir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(storeDir, { recursive: true, force: true });
});

const now = new Date("2026-03-02T09:00:00Z");
let n = 0;
const resetProps = () => ({ name: "Claire Dupont", resetUrl: `http://localhost:3000/reset-password?token=tok${++n}` });

async function queue(options: { to?: string; language?: "fr" | "en"; key?: string; attachments?: EmailAttachmentRef[] } = {}) {
  const props = resetProps();
  const { id } = await t.db.transaction((tx) =>
    queueEmail(tx, {
      to: options.to ?? "claire@fixture.example",
      template: "password-reset",
      language: options.language ?? "fr",
      props,
      idempotencyKey: options.key ?? `test:${n}`,
      attachments: options.attachments,
      now,
    }),
  );
  return { id, props };
}

const row = async (id: string) => (await t.db.select().from(emailMessages).where(eq(emailMessages.id, id)))[0]!;

describe("queueEmail", () => {
  it("writes nothing, neither row nor job, when the business transaction rolls back", async () => {
    const rowsBefore = (await t.db.select().from(emailMessages)).length;
    const jobsBefore = (await workerJobs(t.sql)).length;
    await rejection(
      t.db.transaction(async (tx) => {
        await queueEmail(tx, { to: "x@fixture.example", template: "password-reset", language: "fr", props: resetProps(), idempotencyKey: "rolled-back" });
        throw new Error("the business change failed");
      }),
    );
    expect(await t.db.select().from(emailMessages)).toHaveLength(rowsBefore);
    expect(await workerJobs(t.sql)).toHaveLength(jobsBefore);
  });

  it("queues once per idempotency key", async () => {
    const jobsBefore = (await workerJobs(t.sql)).length;
    const first = await queue({ key: "same-key" });
    const second = await queue({ key: "same-key" });
    expect(second.id).toBe(first.id);
    expect(await t.db.select().from(emailMessages).where(eq(emailMessages.idempotencyKey, "same-key"))).toHaveLength(1);
    expect(await workerJobs(t.sql)).toHaveLength(jobsBefore + 1);
  });
});

describe("deliverEmail", () => {
  it("renders in the stored language, writes the mailbox JSON, marks the e-mail sent and forgets the link", async () => {
    const { id, props } = await queue({ to: "claire@fixture.example", language: "fr" });
    const result = await deliverEmail({ db: t.db, emailId: id, store, transport: mailboxTransport(dir), now, from: "Accord <support@accord.example>" });
    expect(result).toMatchObject({ status: "sent" });

    const files = (await readdir(dir)).filter((f) => f.endsWith(`_${id}.json`));
    expect(files).toHaveLength(1);
    const mail = JSON.parse(await readFile(join(dir, files[0]!), "utf8")) as Record<string, unknown>;
    expect(Object.keys(mail).sort()).toEqual(["from", "html", "sentAt", "subject", "text", "to"]);
    expect(mail).toMatchObject({
      to: ["claire@fixture.example"],
      from: "Accord <support@accord.example>",
      subject: "Réinitialisation de votre mot de passe Accord",
      sentAt: now.toISOString(),
    });
    expect(mail.text).toContain(props.resetUrl);
    expect(mail.text).toContain("Bonjour Claire Dupont");

    expect(await row(id)).toMatchObject({
      state: "sent",
      sentAt: now,
      attempts: 1,
      lastError: null,
      from: "Accord <support@accord.example>",
      props: { name: "Claire Dupont", resetUrl: "[redacted]" },
    });
  });

  it("is idempotent: a second delivery of a sent e-mail sends nothing", async () => {
    const { id } = await queue();
    const sends: string[] = [];
    const counting: EmailTransport = { name: "counting", send: async (email) => (sends.push(email.id), { providerId: "p1" }) };
    await deliverEmail({ db: t.db, emailId: id, store, transport: counting, now });
    expect(await deliverEmail({ db: t.db, emailId: id, store, transport: counting, now })).toEqual({ status: "skipped", reason: "already_sent" });
    expect(sends).toEqual([id]);
    expect(await row(id)).toMatchObject({ state: "sent", providerId: "p1", attempts: 1 });
  });

  it("records a transient failure and schedules the next attempt (same key, a job at the backoff's instant), then gives up on the last attempt", async () => {
    const { id } = await queue({ language: "en" });
    const seen: { idempotencyKey: string; subject: string }[] = [];
    const failing: EmailTransport = {
      name: "failing",
      send: async (email) => {
        seen.push({ idempotencyKey: email.idempotencyKey, subject: email.subject });
        throw new Error("provider unavailable");
      },
    };
    const first = await deliverEmail({ db: t.db, emailId: id, store, transport: failing, now, random: () => 0 });
    // 30 s doubling, jittered into [½, 1]: 15 s after a first failure with no jitter.
    expect(first).toEqual({ status: "retry", at: new Date(now.getTime() + 15_000), error: "provider unavailable" });
    expect(await row(id)).toMatchObject({ state: "queued", attempts: 1, lastError: "provider unavailable", sentAt: null, nextAttemptAt: new Date(now.getTime() + 15_000) });
    const [job] = await t.sql<{ payload: { emailId: string; attempt: number }; run_at: string }[]>`
      select payload, to_char(run_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as run_at from graphile_worker._private_jobs where key = ${`email:${id}`}`;
    expect(job).toMatchObject({ payload: { emailId: id, attempt: 2 }, run_at: "2026-03-02T09:00:15Z" });

    // A leftover job of the first attempt (a worker that died after rescheduling) sends nothing.
    expect(await deliverEmail({ db: t.db, emailId: id, store, transport: failing, now, attempt: 1 })).toEqual({ status: "skipped", reason: "superseded" });

    expect(await deliverEmail({ db: t.db, emailId: id, store, transport: failing, now, attempt: 2, lastAttempt: true })).toEqual({ status: "failed", error: "provider unavailable" });
    expect(await row(id)).toMatchObject({ state: "failed", attempts: 2, nextAttemptAt: null, undeliveredReason: null, undeliveredAt: now });
    expect(seen).toEqual([
      { idempotencyKey: `test:${n}`, subject: "Reset your Accord password" },
      { idempotencyKey: `test:${n}`, subject: "Reset your Accord password" },
    ]);
    expect(await deliverEmail({ db: t.db, emailId: id, store, transport: failing, now, attempt: 3 })).toEqual({ status: "skipped", reason: "already_failed" });
  });

  it("marks failed after the tenth attempt without being told", async () => {
    const { id } = await queue();
    await t.db.update(emailMessages).set({ attempts: 9 }).where(eq(emailMessages.id, id));
    const failing: EmailTransport = { name: "failing", send: async () => Promise.reject(new Error("down")) };
    expect(await deliverEmail({ db: t.db, emailId: id, store, transport: failing, now, attempt: 10 })).toEqual({ status: "failed", error: "down" });
    expect(await row(id)).toMatchObject({ state: "failed", attempts: 10, lastError: "down" });
  });

  it("skips an e-mail that does not exist", async () => {
    expect(
      await deliverEmail({ db: t.db, emailId: "00000000-0000-4000-8000-000000000000", store, transport: mailboxTransport(dir), now }),
    ).toEqual({ status: "skipped", reason: "not_found" });
  });
});

/** A PDF put in the file store the way uploads are (bytes committed, one reference in stored_files). */
async function storedPdf(name: string): Promise<EmailAttachmentRef> {
  const bytes = Buffer.concat([PDF, Buffer.from(`% ${name} ${++n}\n`)]);
  const temp = await store.writeTemp(Readable.from([bytes]), { maxBytes: 1024 * 1024 });
  if (!temp.ok) throw new Error("unexpected refusal");
  await store.commit(temp.tempKey, temp.sha256);
  await t.db.transaction((tx) => addReference(tx, { sha256: temp.sha256, sizeBytes: temp.sizeBytes, contentType: "application/pdf", now }));
  return { name, type: "application/pdf", size: temp.sizeBytes, sha256: temp.sha256 };
}

describe("e-mails with attachments", () => {
  it("queueEmail stores the attachments on the row, once per idempotency key", async () => {
    const agreement = await storedPdf("Accord de règlement.pdf");
    const first = await queue({ key: "with-attachment", attachments: [agreement] });
    const second = await queue({ key: "with-attachment", attachments: [agreement] });
    expect(second.id).toBe(first.id);
    expect((await row(first.id)).attachments).toEqual([agreement]);
    expect(await t.db.select().from(emailMessages).where(eq(emailMessages.idempotencyKey, "with-attachment"))).toHaveLength(1);
  });

  it("queueEmail refuses a hash that is not in stored_files, or a wrong size, and writes nothing", async () => {
    const known = await storedPdf("connu.pdf");
    const unknown = { name: "inconnu.pdf", type: "application/pdf", size: 10, sha256: "f".repeat(64) };
    const rowsBefore = (await t.db.select().from(emailMessages)).length;
    const jobsBefore = (await workerJobs(t.sql)).length;
    for (const attachments of [[known, unknown], [{ ...known, size: known.size + 1 }]]) {
      // Caught inside the transaction, which then commits: the refusal comes before any write.
      const error = await t.db.transaction(async (tx) =>
        queueEmail(tx, { to: "x@fixture.example", template: "password-reset", language: "fr", props: resetProps(), idempotencyKey: `refused:${++n}`, attachments }).then(
          () => null,
          (e: unknown) => e,
        ),
      );
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "validation", params: { sha256: attachments.at(-1)!.sha256 } });
    }
    expect(await t.db.select().from(emailMessages)).toHaveLength(rowsBefore);
    expect(await workerJobs(t.sql)).toHaveLength(jobsBefore);
  });

  it("deliverEmail reads the bytes from the store and the mailbox writes them beside the JSON", async () => {
    const agreement = await storedPdf("Accord de règlement.pdf");
    const { id } = await queue({ attachments: [agreement] });
    expect(await deliverEmail({ db: t.db, emailId: id, store, transport: mailboxTransport(dir), now })).toMatchObject({ status: "sent" });

    const [json] = (await readdir(dir)).filter((f) => f.endsWith(`_${id}.json`));
    const mail = JSON.parse(await readFile(join(dir, json!), "utf8")) as { attachments: { name: string; size: number; sha256: string; file: string }[] };
    expect(mail.attachments).toEqual([{ ...agreement, file: `${json!.slice(0, -".json".length)}.1.Accord_de_reglement.pdf` }]);
    const written = await readFile(join(dir, mail.attachments[0]!.file));
    expect(written).toEqual(await readFile(store.pathOf(agreement.sha256)));
    expect(createHash("sha256").update(written).digest("hex")).toBe(agreement.sha256);
  });

  it("a file missing from the store fails the delivery with a clear lastError; the retry sends it once it is back", async () => {
    const agreement = await storedPdf("manquant.pdf");
    const bytes = await readFile(store.pathOf(agreement.sha256));
    const { id } = await queue({ attachments: [agreement] });
    await store.remove(agreement.sha256);
    const sent: string[] = [];
    const recording: EmailTransport = {
      name: "recording",
      send: async (email) => (sent.push(...(email.attachments ?? []).map((a) => Buffer.from(a.content).toString("latin1"))), { providerId: "p2" }),
    };

    expect(await deliverEmail({ db: t.db, emailId: id, store, transport: recording, now })).toMatchObject({
      status: "retry",
      error: `Attachment "manquant.pdf" (${agreement.sha256}) is missing from the file store`,
    });
    expect(await row(id)).toMatchObject({ state: "queued", attempts: 1, lastError: `Attachment "manquant.pdf" (${agreement.sha256}) is missing from the file store` });
    expect(sent).toEqual([]);

    const temp = await store.writeTemp(Readable.from([bytes]), { maxBytes: 1024 * 1024 });
    if (!temp.ok) throw new Error("unexpected refusal");
    await store.commit(temp.tempKey, temp.sha256);
    expect(await deliverEmail({ db: t.db, emailId: id, store, transport: recording, now, attempt: 2 })).toEqual({ status: "sent", providerId: "p2" });
    expect(sent).toEqual([bytes.toString("latin1")]);
    expect(await row(id)).toMatchObject({ state: "sent", attempts: 2, lastError: null });
  });
});
