import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mailboxTransport, readMailbox } from "./mailbox";
import type { OutgoingEmail } from "./transport";

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "accord-mailbox-"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function email(id: string, subject = "Sujet"): OutgoingEmail {
  return {
    id,
    to: ["admin@martin.example"],
    from: "Accord <no-reply@accord.example>",
    subject,
    html: "<p>Bonjour</p>",
    text: "Bonjour",
    idempotencyKey: `email:${id}`,
  };
}

describe("mailboxTransport", () => {
  it("creates the directory and writes exactly { to, from, subject, html, text, sentAt }", async () => {
    const dir = join(root, "nested", "mailbox");
    const now = new Date("2026-03-02T09:15:00.123Z");
    await mailboxTransport(dir).send(email("0b6f7a52-1c1e-4c47-9e0a-3f1d2b4c5d6e"), now);

    const files = await readdir(dir);
    expect(files).toEqual(["2026-03-02T09-15-00-123Z_0b6f7a52-1c1e-4c47-9e0a-3f1d2b4c5d6e.json"]);
    const content: unknown = JSON.parse(await readFile(join(dir, files[0]!), "utf8"));
    expect(content).toStrictEqual({
      to: ["admin@martin.example"],
      from: "Accord <no-reply@accord.example>",
      subject: "Sujet",
      html: "<p>Bonjour</p>",
      text: "Bonjour",
      sentAt: "2026-03-02T09:15:00.123Z",
    });
  });

  it("leaves no temporary file behind", async () => {
    await mailboxTransport(root).send(email("a"), new Date());
    expect((await readdir(root)).filter((f) => !f.endsWith(".json"))).toEqual([]);
  });

  it("writes a retried e-mail once", async () => {
    const transport = mailboxTransport(root);
    await transport.send(email("same"), new Date("2026-03-02T09:00:00Z"));
    await transport.send(email("same"), new Date("2026-03-02T09:05:00Z"));
    expect(await readdir(root)).toHaveLength(1);
  });
});

describe("readMailbox", () => {
  it("lists e-mails newest first", async () => {
    const transport = mailboxTransport(root);
    await transport.send(email("b", "second"), new Date("2026-03-02T10:00:00Z"));
    await transport.send(email("a", "first"), new Date("2026-03-02T09:00:00Z"));
    await transport.send(email("c", "third"), new Date("2026-03-03T08:00:00Z"));

    const entries = await readMailbox(root);
    expect(entries.map((e) => e.subject)).toEqual(["third", "second", "first"]);
    expect(entries[0]).toMatchObject({ to: ["admin@martin.example"], sentAt: "2026-03-03T08:00:00.000Z" });
    expect((await readMailbox(root, { limit: 1 })).map((e) => e.subject)).toEqual(["third"]);
  });

  it("is empty when the directory does not exist", async () => {
    expect(await readMailbox(join(root, "missing"))).toEqual([]);
  });
});
