import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { once } from "node:events";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createFileStore, queueEmail, requestPasswordReset } from "@accord/core";
import { emailMessages, storedFiles } from "@accord/db";
import { createTestDb, insertCustomerAccount, insertCustomerUser, waitUntil, type TestDb } from "@accord/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "./env";
import { startWorker, type RunningWorker } from "./worker";

let t: TestDb;
let mailbox: string;
let files: string;
let worker: RunningWorker | undefined;
beforeAll(async () => {
  t = await createTestDb();
  mailbox = await mkdtemp(join(tmpdir(), "accord-worker-mailbox-"));
  files = await mkdtemp(join(tmpdir(), "accord-worker-files-"));
});
afterAll(async () => {
  await worker?.stop();
  await t.close();
  await rm(mailbox, { recursive: true, force: true });
  await rm(files, { recursive: true, force: true });
});

describe("worker", () => {
  it("delivers a queued password-reset e-mail to the dev mailbox and marks it sent", async () => {
    const env = parseEnv({ DATABASE_URL: t.url, NODE_ENV: "test", MAILBOX_DIR: mailbox, FILE_STORE_DIR: files, EMAIL_FROM: "Accord <test@accord.example>" });
    worker = await startWorker(env, { log: () => {} });
    expect(worker.transportName).toBe("mailbox");

    const account = await insertCustomerAccount(t.db);
    const user = await insertCustomerUser(t.db, { accountId: account.id, email: "claire@fixture.example", name: "Claire Dupont", language: "en" });
    await requestPasswordReset({ db: t.db, input: { email: user.email }, app: "portal", baseUrl: "http://localhost:3000", now: new Date() });

    const file = await waitUntil("the reset e-mail in the dev mailbox", async () => (await readdir(mailbox)).find((name) => name.endsWith(".json")));
    const mail = JSON.parse(await readFile(join(mailbox, file), "utf8")) as { to: string[]; from: string; subject: string; text: string };
    expect(mail).toMatchObject({ to: ["claire@fixture.example"], from: "Accord <test@accord.example>", subject: "Reset your Accord password" });
    expect(mail.text).toMatch(/http:\/\/localhost:3000\/reset-password\?token=[a-z2-7]{32}/);

    const row = await waitUntil("the outbox row marked sent", async () => {
      const [found] = await t.db.select().from(emailMessages).where(eq(emailMessages.to, [user.email]));
      return found?.state === "sent" ? found : undefined;
    });
    expect(row).toMatchObject({ attempts: 1, lastError: null });
  });

  it("delivers an e-mail's attachment from FILE_STORE_DIR, written beside the mailbox JSON", async () => {
    const bytes = Buffer.from("%PDF-1.4\n% accord de règlement\n%%EOF\n");
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const store = createFileStore(files);
    await mkdir(join(files, sha256.slice(0, 2), sha256.slice(2, 4)), { recursive: true });
    await writeFile(store.pathOf(sha256), bytes);
    await t.db.insert(storedFiles).values({ sha256, sizeBytes: bytes.length, contentType: "application/pdf", refCount: 1 });
    await t.db.transaction((tx) =>
      queueEmail(tx, {
        to: "achats@fixture.example",
        template: "password-reset",
        language: "fr",
        props: { name: "Claire Dupont", resetUrl: "http://localhost:3000/reset-password?token=t" },
        idempotencyKey: "worker:attachment",
        attachments: [{ name: "accord.pdf", type: "application/pdf", size: bytes.length, sha256 }],
      }),
    );

    const mail = await waitUntil("the mailbox JSON listing the attachment", async () => {
      for (const name of (await readdir(mailbox)).filter((n) => n.endsWith(".json"))) {
        const parsed = JSON.parse(await readFile(join(mailbox, name), "utf8")) as { to: string[]; attachments?: { name: string; sha256: string; file: string }[] };
        if (parsed.to.includes("achats@fixture.example")) return parsed;
      }
      return undefined;
    });
    expect(mail.attachments).toMatchObject([{ name: "accord.pdf", type: "application/pdf", size: bytes.length, sha256 }]);
    expect(await readFile(join(mailbox, mail.attachments![0]!.file))).toEqual(bytes);
  });

  it("stops, and leaves no connection of its own (nor graphile-worker's) behind", async () => {
    await worker!.stop();
    worker = undefined;
    const left = await waitUntil("the worker's connections to close", async () => {
      const [row] = await t.sql<{ count: number }[]>`select count(*)::int as count from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and application_name <> 'accord-test'`;
      return row!.count === 0 ? row!.count : undefined;
    });
    expect(left).toBe(0);
  });
});

describe("worker process", () => {
  it("delivers e-mails as started by `npm start` (tsx from apps/worker), then exits cleanly on SIGTERM", async () => {
    const childMailbox = await mkdtemp(join(tmpdir(), "accord-worker-process-"));
    const child = spawn(process.execPath, ["--import", "tsx", "src/index.ts"], {
      cwd: join(import.meta.dirname, ".."),
      env: { ...process.env, DATABASE_URL: t.url, NODE_ENV: "development", MAILBOX_DIR: childMailbox },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = once(child, "exit");
    try {
      await waitUntil("the worker process to say it started", async () => (output.includes("worker: started") ? true : undefined), { timeoutMs: 120_000 });
      expect(output).not.toContain("crontab");

      // Rendering the TSX templates in this process is what the in-process test above cannot prove.
      const account = await insertCustomerAccount(t.db);
      const user = await insertCustomerUser(t.db, { accountId: account.id, email: "process@fixture.example" });
      await requestPasswordReset({ db: t.db, input: { email: user.email }, app: "portal", baseUrl: "http://localhost:3000", now: new Date() });
      const file = await waitUntil("the reset e-mail delivered by the worker process", async () => (await readdir(childMailbox)).find((name) => name.endsWith(".json")), { timeoutMs: 120_000 }).catch(
        (error: unknown) => {
          throw new Error(`no e-mail delivered; worker output:\n${output}`, { cause: error });
        },
      );
      const mail = JSON.parse(await readFile(join(childMailbox, file), "utf8")) as { to: string[]; subject: string };
      expect(mail).toMatchObject({ to: ["process@fixture.example"], subject: "Réinitialisation de votre mot de passe Accord" });

      child.kill("SIGTERM");
      const [code] = (await exited) as [number | null];
      expect(code, output).toBe(0);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await rm(childMailbox, { recursive: true, force: true });
    }
  });

  it("refuses to start without DATABASE_URL, saying why", async () => {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ["--import", "tsx", "src/index.ts"], {
      cwd: join(import.meta.dirname, ".."),
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, "exit")) as [number | null];
    expect(code).toBe(1);
    expect(stderr).toContain("DATABASE_URL is required");
  });
});
