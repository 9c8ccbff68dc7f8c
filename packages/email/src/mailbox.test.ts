import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mailboxTransport, readMailbox, safeAttachmentName, type MailboxFile } from "./mailbox";
import type { OutgoingAttachment, OutgoingEmail } from "./transport";

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

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

function attachment(name: string, content: string, type = "application/pdf"): OutgoingAttachment {
  const bytes = new TextEncoder().encode(content);
  return { name, type, sha256: sha256(bytes), content: bytes };
}

const ID = "0b6f7a52-1c1e-4c47-9e0a-3f1d2b4c5d6e";
const STEM = `2026-03-02T09-15-00-123Z_${ID}`;

describe("mailboxTransport with attachments", () => {
  const now = new Date("2026-03-02T09:15:00.123Z");
  const files = [attachment("Accord signé (v2).pdf", "%PDF-1.4 accord"), attachment("../../etc/passwd", "root:x:0:0", "text/plain")];

  it("writes each file beside the JSON and lists name, type, size, sha256 and file", async () => {
    await mailboxTransport(root).send({ ...email(ID), attachments: files }, now);

    expect((await readdir(root)).sort()).toEqual([`${STEM}.1.Accord_signe_v2_.pdf`, `${STEM}.2.passwd`, `${STEM}.json`]);
    const content = JSON.parse(await readFile(join(root, `${STEM}.json`), "utf8")) as MailboxFile;
    expect(Object.keys(content).sort()).toEqual(["attachments", "from", "html", "sentAt", "subject", "text", "to"]);
    expect(content.attachments).toStrictEqual([
      { name: "Accord signé (v2).pdf", type: "application/pdf", size: 15, sha256: files[0]!.sha256, file: `${STEM}.1.Accord_signe_v2_.pdf` },
      { name: "../../etc/passwd", type: "text/plain", size: 10, sha256: files[1]!.sha256, file: `${STEM}.2.passwd` },
    ]);
    for (const listed of content.attachments!) {
      const written = await readFile(join(root, listed.file));
      expect(sha256(written)).toBe(listed.sha256);
      expect(written.byteLength).toBe(listed.size);
    }
  });

  it("writes nothing twice when the delivery is retried", async () => {
    const transport = mailboxTransport(root);
    const first = await transport.send({ ...email(ID), attachments: files }, now);
    const before = (await readdir(root)).sort();
    const second = await transport.send({ ...email(ID), attachments: files }, new Date("2026-03-02T09:20:00Z"));
    expect(second).toEqual(first);
    expect((await readdir(root)).sort()).toEqual(before);
  });

  it("replaces what an interrupted delivery left (files without their JSON)", async () => {
    const transport = mailboxTransport(root);
    await writeFile(join(root, `2026-03-02T09-00-00-000Z_${ID}.1.Accord_signe_v2_.pdf`), "half");
    await writeFile(join(root, `2026-03-02T09-00-00-000Z_other.1.keep.pdf`), "another e-mail's");
    await transport.send({ ...email(ID), attachments: files }, now);
    expect((await readdir(root)).sort()).toEqual([
      "2026-03-02T09-00-00-000Z_other.1.keep.pdf",
      `${STEM}.1.Accord_signe_v2_.pdf`,
      `${STEM}.2.passwd`,
      `${STEM}.json`,
    ]);
  });

  it("refuses content that does not match its SHA-256, and writes no JSON", async () => {
    const bad = { ...attachment("a.pdf", "x"), sha256: "0".repeat(64) };
    await expect(mailboxTransport(root).send({ ...email(ID), attachments: [bad] }, now)).rejects.toThrow(/SHA-256/);
    expect((await readdir(root)).filter((f) => f.endsWith(".json"))).toEqual([]);
  });

  it("leaves the key out when there are no attachments", async () => {
    await mailboxTransport(root).send({ ...email(ID), attachments: [] }, now);
    expect(await readdir(root)).toEqual([`${STEM}.json`]);
    expect(Object.keys(JSON.parse(await readFile(join(root, `${STEM}.json`), "utf8")) as object)).not.toContain("attachments");
  });
});

describe("safeAttachmentName", () => {
  it.each([
    ["accord.pdf", "accord.pdf"],
    ["Accord été 2026.pdf", "Accord_ete_2026.pdf"],
    ["..\\..\\windows\\win.ini", "win.ini"],
    ["/tmp/../.hidden", "hidden"],
    ["...", "attachment"],
    ["", "attachment"],
    ["données.json", "donnees_json"],
    ["x.JSON", "x_json"],
    [`${"a".repeat(120)}.pdf`, `${"a".repeat(76)}.pdf`],
  ])("%j → %j", (original, safe) => {
    expect(safeAttachmentName(original)).toBe(safe);
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

  it("returns the attachments and never takes an attachment file for an e-mail", async () => {
    await mailboxTransport(root).send({ ...email(ID), attachments: [attachment("data.json", "{}", "application/json")] }, new Date("2026-03-02T09:15:00.123Z"));
    const entries = await readMailbox(root);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.attachments).toEqual([
      { name: "data.json", type: "application/json", size: 2, sha256: sha256(new TextEncoder().encode("{}")), file: `${STEM}.1.data_json` },
    ]);
  });

  it("is empty when the directory does not exist", async () => {
    expect(await readMailbox(join(root, "missing"))).toEqual([]);
  });
});
