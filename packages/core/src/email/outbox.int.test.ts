import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { emailMessages } from "@accord/db";
import { useTestDb } from "@accord/db/testing";
import { mailboxTransport, type EmailTransport } from "@accord/email";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rejection, workerJobs } from "../testing/fixtures";
import { deliverEmail } from "./deliver-email";
import { queueEmail } from "./queue-email";

const t = useTestDb();
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "accord-outbox-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const now = new Date("2026-03-02T09:00:00Z");
let n = 0;
const resetProps = () => ({ name: "Claire Dupont", resetUrl: `http://localhost:3000/reset-password?token=tok${++n}` });

async function queue(options: { to?: string; language?: "fr" | "en"; key?: string } = {}) {
  const props = resetProps();
  const { id } = await t.db.transaction((tx) =>
    queueEmail(tx, {
      to: options.to ?? "claire@fixture.example",
      template: "password-reset",
      language: options.language ?? "fr",
      props,
      idempotencyKey: options.key ?? `test:${n}`,
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
    const result = await deliverEmail({ db: t.db, emailId: id, transport: mailboxTransport(dir), now, from: "Accord <support@accord.example>" });
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
    await deliverEmail({ db: t.db, emailId: id, transport: counting, now });
    expect(await deliverEmail({ db: t.db, emailId: id, transport: counting, now })).toEqual({ status: "skipped", reason: "already_sent" });
    expect(sends).toEqual([id]);
    expect(await row(id)).toMatchObject({ state: "sent", providerId: "p1", attempts: 1 });
  });

  it("records a failure and rethrows it so the job is retried, then gives up on the last attempt", async () => {
    const { id } = await queue({ language: "en" });
    const seen: { idempotencyKey: string; subject: string }[] = [];
    const failing: EmailTransport = {
      name: "failing",
      send: async (email) => {
        seen.push({ idempotencyKey: email.idempotencyKey, subject: email.subject });
        throw new Error("provider unavailable");
      },
    };
    expect(await rejection(deliverEmail({ db: t.db, emailId: id, transport: failing, now }))).toMatchObject({ message: "provider unavailable" });
    expect(await row(id)).toMatchObject({ state: "queued", attempts: 1, lastError: "provider unavailable", sentAt: null });

    await rejection(deliverEmail({ db: t.db, emailId: id, transport: failing, now, lastAttempt: true }));
    expect(await row(id)).toMatchObject({ state: "failed", attempts: 2 });
    expect(seen).toEqual([
      { idempotencyKey: `test:${n}`, subject: "Reset your Accord password" },
      { idempotencyKey: `test:${n}`, subject: "Reset your Accord password" },
    ]);
    expect(await deliverEmail({ db: t.db, emailId: id, transport: failing, now })).toEqual({ status: "skipped", reason: "already_failed" });
  });

  it("marks failed after the tenth attempt without being told", async () => {
    const { id } = await queue();
    await t.db.update(emailMessages).set({ attempts: 9 }).where(eq(emailMessages.id, id));
    const failing: EmailTransport = { name: "failing", send: async () => Promise.reject(new Error("down")) };
    await rejection(deliverEmail({ db: t.db, emailId: id, transport: failing, now }));
    expect(await row(id)).toMatchObject({ state: "failed", attempts: 10, lastError: "down" });
  });

  it("skips an e-mail that does not exist", async () => {
    expect(
      await deliverEmail({ db: t.db, emailId: "00000000-0000-4000-8000-000000000000", transport: mailboxTransport(dir), now }),
    ).toEqual({ status: "skipped", reason: "not_found" });
  });
});
