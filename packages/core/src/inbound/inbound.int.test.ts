import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { adminEvents, caseEvents, cases, customerUsers, emailMessages, evidence, inboundEmails, messages, reasonCodes, storedFiles } from "@accord/db";
import { insertCustomerAccount, insertInvoice, useTestDb } from "@accord/db/testing";
import { mailboxTransport } from "@accord/email";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverEmail } from "../email/deliver-email";
import { createFileStore, type FileStore } from "../files/file-store";
import { createCustomer, createStaff, customerActor, staffActor } from "../testing/fixtures";
import { attachQuarantinedEmail } from "./attach-quarantined-email";
import { getQuarantinedEmail } from "./get-quarantined-email";
import { listQuarantinedEmails } from "./list-quarantined-emails";
import { openInboundAttachment } from "./open-inbound-attachment";
import { rejectQuarantinedEmail, rejectQuarantinedEmailSchema } from "./reject-quarantined-email";
import { parseMimeMessage, parsePostmarkInbound, type InboundMessage } from "./parse-inbound-email";
import { inboundSecretMatches, receiveInboundEmail } from "./receive-inbound-email";

const t = useTestDb();
const FIXTURES = path.join(import.meta.dirname, "fixtures", "mime");
const DOMAIN = "reply.accord.example";
const now = new Date("2026-12-07T09:00:00Z");
let storeDir: string;
let store: FileStore;
beforeAll(async () => {
  storeDir = await mkdtemp(path.join(tmpdir(), "accord-inbound-"));
  store = createFileStore(storeDir);
});
afterAll(async () => {
  await rm(storeDir, { recursive: true, force: true });
});

const fixture = (name: string) => readFile(path.join(FIXTURES, name));
let counter = 0;

/**
 * The message with some header fields replaced (the others kept byte for byte), as a test plays a
 * known sender or a reply. Every rewritten message gets a fresh Message-ID unless one is given.
 */
function rewrite(raw: Buffer, fields: Record<string, string | null>): Buffer {
  let text = raw.toString("latin1");
  let mbox = "";
  if (text.startsWith("From ")) {
    const end = text.indexOf("\n") + 1;
    mbox = text.slice(0, end);
    text = text.slice(end);
  }
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const split = text.indexOf(eol + eol);
  const head = text.slice(0, split);
  const body = text.slice(split);
  const all = { "Message-ID": `<test-${++counter}-${Date.now()}@test.example>`, ...fields };
  const names = new Set(Object.keys(all).map((k) => k.toLowerCase()));
  const kept: string[] = [];
  let skipping = false;
  for (const line of head.split(eol)) {
    if (/^[ \t]/.test(line)) {
      if (!skipping) kept.push(line);
      continue;
    }
    const name = line.slice(0, line.indexOf(":")).trim().toLowerCase();
    skipping = names.has(name);
    if (!skipping) kept.push(line);
  }
  const added = Object.entries(all)
    .filter(([, value]) => value !== null)
    .map(([name, value]) => `${name}: ${value}`);
  return Buffer.from(mbox + [...added, ...kept].join(eol) + body, "latin1");
}

async function parsed(raw: Buffer): Promise<InboundMessage> {
  const result = await parseMimeMessage(raw);
  if (!result.ok) throw new Error(result.detail);
  return result.message;
}

async function receive(raw: Buffer | InboundMessage, maxAttachmentBytes = 10 * 1024 * 1024) {
  const input = Buffer.isBuffer(raw) ? await parsed(raw) : raw;
  return receiveInboundEmail({ db: t.db, input, now, store, maxAttachmentBytes, inboundDomain: DOMAIN, portalUrl: "http://portal.test", backofficeUrl: "http://backoffice.test" });
}

async function setup() {
  const account = await insertCustomerAccount(t.db, {});
  const member = await createCustomer(t.db, { accountId: account.id, role: "member", name: "Marie Léger" });
  const viewer = await createCustomer(t.db, { accountId: account.id, role: "viewer" });
  const stranger = await createCustomer(t.db, { role: "admin" });
  return { account, member, viewer, stranger };
}

async function refCountOf(sha256: string): Promise<number> {
  const [row] = await t.db.select({ refCount: storedFiles.refCount }).from(storedFiles).where(eq(storedFiles.sha256, sha256));
  return row?.refCount ?? 0;
}

async function caseOf(reference: string) {
  const [row] = await t.db.select().from(cases).where(eq(cases.reference, reference));
  return row!;
}

const ALL_FIXTURES = ["01-plain-text-reply-thunderbird.eml", "04-pdf-attachment-gmail-raw-utf8-subject.eml", "06-windows-1252-outlook2000-qp.eml", "08-fr-gmail-encoded-subject-attachment.eml", "11-auto-reply-auto-submitted-plain.eml", "20-bounce-multipart-report.eml", "21-html-only-windows-1252.eml", "22-nested-multipart-rfc2231.eml", "23-precedence-bulk.eml", "24-x-auto-response-suppress.eml", "25-empty-return-path.eml"];
const AUTOMATIC = new Set(["11-auto-reply-auto-submitted-plain.eml", "20-bounce-multipart-report.eml", "23-precedence-bulk.eml", "24-x-auto-response-suppress.eml", "25-empty-return-path.eml"]);

describe("every fixture through the inbound channel", () => {
  it("the copied fixtures are the shared ones, byte for byte", async () => {
    const files = (await readdir(FIXTURES)).filter((f) => f.endsWith(".eml"));
    expect(files.sort()).toEqual([...ALL_FIXTURES].sort());
    const readme = await readFile(path.join(FIXTURES, "README.md"), "utf8");
    for (const [, sum, name] of readme.matchAll(/^([0-9a-f]{64}) {2}(\S+\.eml)$/gm)) {
      expect(createHash("sha256").update(await fixture(name!)).digest("hex"), name).toBe(sum);
    }
  });

  it.each(ALL_FIXTURES)("%s from a known sender: an automatic message opens nothing, any other opens one e-mail claim", async (name) => {
    const { member } = await setup();
    const result = await receive(rewrite(await fixture(name), { From: `Marie <${member.email}>` }));
    const mine = await t.db.select().from(cases).where(eq(cases.customerContactId, member.id));
    const acks = await t.db.select().from(emailMessages).where(eq(emailMessages.template, "claim-acknowledged"));
    if (AUTOMATIC.has(name)) {
      expect(result).toMatchObject({ status: "done", outcome: "ignored_auto_reply", reference: null });
      expect(mine).toEqual([]);
      expect(acks.filter((a) => a.to.includes(member.email))).toEqual([]);
    } else {
      expect(result).toMatchObject({ status: "done", outcome: "claim_opened" });
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ channel: "email", status: "received", type: "other", disputedAmountCents: 0, reference: (result as { reference: string }).reference });
      expect(acks.filter((a) => a.to.includes(member.email))).toHaveLength(1);
      const message = await parsed(await fixture(name));
      const files = await t.db.select().from(evidence).where(eq(evidence.caseId, mine[0]!.id));
      expect(files.map((f) => f.fileName).sort()).toEqual(message.attachments.map((a) => a.name).sort());
    }
  });

  it.each(ALL_FIXTURES.filter((n) => !AUTOMATIC.has(n)))("%s from an unknown sender is quarantined with its files", async (name) => {
    const result = await receive(rewrite(await fixture(name), { From: `stranger-${counter}@nowhere.example` }));
    expect(result).toMatchObject({ outcome: "quarantined" });
    const [row] = await t.db.select().from(inboundEmails).where(eq(inboundEmails.status, "quarantined")).orderBy(inboundEmails.createdAt).limit(1).offset(0);
    expect(row).toBeDefined();
  });
});

describe("decoding", () => {
  it("reads windows-1252 (0x80–0x9F), ISO-8859-1, encoded words, HTML-only bodies, nested multiparts, RFC 2231 names, the mbox line and a duplicated From", async () => {
    const outlook = await parsed(await fixture("06-windows-1252-outlook2000-qp.eml"));
    expect(outlook.from.address).toBe("doug@example.com");
    expect(outlook.subject).toBe("Die Hasen und die Frösche (Microsoft Outlook 00)");
    expect(outlook.text).toContain("über ihre mißliche Lage");

    const html = await parsed(await fixture("21-html-only-windows-1252.eml"));
    expect(html.subject).toBe("Réclamation : écart de prix – facture");
    expect(html.from).toEqual({ address: "achats@martin.example", name: "Marie Léger" });
    expect(html.text).toContain("12,50€ HT facturés en trop, l’œuvre du");
    expect(html.text).not.toContain("<p>");

    const nested = await parsed(await fixture("22-nested-multipart-rfc2231.eml"));
    expect(nested.text).toContain("Voici le bon de livraison signé");
    expect(nested.attachments.map((a) => a.name)).toEqual(["facture n° 42 été.pdf", "bon de livraison réception.pdf"]);

    const gmail = await parsed(await fixture("04-pdf-attachment-gmail-raw-utf8-subject.eml"));
    expect(gmail.from.address).toBe("xxxx@xxxx.com");
    expect(gmail.subject).toBe("Another PDF with 🎉 Unicode chars in it 🍿");
    expect(gmail.attachments.map((a) => [a.name, a.content.subarray(0, 4).toString("latin1")])).toEqual([["broken.pdf", "%PDF"]]);

    const french = await parsed(await fixture("08-fr-gmail-encoded-subject-attachment.eml"));
    expect(french.subject).toBe("Mail avec fichier attaché de 3ko");
    expect(french.attachments).toHaveLength(1);
  });

  it("names a malformed message's problem precisely", async () => {
    expect(await parseMimeMessage(Buffer.from(""))).toMatchObject({ ok: false, problem: "empty" });
    expect(await parseMimeMessage(Buffer.from("hello world\r\n\r\nbody"))).toMatchObject({ ok: false, problem: "no_header" });
    expect(await parseMimeMessage(Buffer.from("Subject: hi\r\n\r\nbody"))).toMatchObject({ ok: false, problem: "no_from" });
    expect(await parseMimeMessage(Buffer.from("From: Marie\r\nSubject: hi\r\n\r\nbody"))).toMatchObject({ ok: false, problem: "from_without_address" });
  });

  it("checks the channel's secret", () => {
    expect(inboundSecretMatches("accord-demo-inbound", "accord-demo-inbound")).toBe(true);
    expect(inboundSecretMatches("accord-demo-inbounD", "accord-demo-inbound")).toBe(false);
    expect(inboundSecretMatches(null, "accord-demo-inbound")).toBe(false);
    expect(inboundSecretMatches("", "")).toBe(false);
  });
});

describe("a claim by e-mail", () => {
  it("keeps the files as evidence with their decoded names, records the account's invoice numbers, and takes its type from a reason code in the subject", async () => {
    const { account, member } = await setup();
    await insertInvoice(t.db, { accountId: account.id, number: "FA-2026-0042", issueDate: "2026-11-10", lines: [{ description: "Farine", quantityMilli: 1000, unitPriceCents: 100, vatRateBp: 550 }] });
    await t.db.insert(reasonCodes).values({ accountId: account.id, code: "RQ-01", caseType: "quality", label: "Qualité" });
    const raw = rewrite(await fixture("22-nested-multipart-rfc2231.eml"), { From: member.email, Subject: "[RQ-01] Sacs abimes, facture FA-2026-0042" });
    const pdfSha = createHash("sha256").update((await parsed(raw)).attachments[0]!.content).digest("hex");
    const refsBefore = await refCountOf(pdfSha);
    const result = await receive(raw);
    const row = await caseOf((result as { reference: string }).reference);
    expect(row).toMatchObject({ type: "quality", title: "Sacs abimes, facture FA-2026-0042", details: { invoiceNumbers: ["FA-2026-0042"], reasonCode: "RQ-01" } });
    const files = await t.db.select().from(evidence).where(eq(evidence.caseId, row.id));
    expect(files.map((f) => [f.fileName, f.contentType, f.visibility])).toEqual([
      ["facture n° 42 été.pdf", "application/pdf", "public"],
      ["bon de livraison réception.pdf", "application/pdf", "public"],
    ]);
    // One content, two evidence rows: two references, and the bytes in the store.
    expect(files[0]!.sha256).toBe(files[1]!.sha256);
    expect(files[0]!.sha256).toBe(pdfSha);
    expect(await refCountOf(pdfSha)).toBe(refsBefore + 2);
    expect(await store.has(files[0]!.sha256)).toBe(true);
    const [received] = await t.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, row.id), eq(caseEvents.type, "case_received")));
    expect(received!.payload).toMatchObject({ channel: "email", files: [{ fileName: "facture n° 42 été.pdf" }, { fileName: "bon de livraison réception.pdf" }] });
  });

  it("a provider's retry (same sender and Message-ID) gets the first answer and files nothing more", async () => {
    const { member } = await setup();
    const raw = rewrite(await fixture("01-plain-text-reply-thunderbird.eml"), { From: member.email, "Message-ID": `<retry-${Date.now()}@martin.example>` });
    const first = await receive(raw);
    const second = await receive(raw);
    expect(second).toEqual({ ...first, replayed: true });
    expect(await t.db.select().from(cases).where(eq(cases.customerContactId, member.id))).toHaveLength(1);
  });

  it("a viewer's e-mail opens nothing: quarantine", async () => {
    const { viewer } = await setup();
    expect(await receive(rewrite(await fixture("01-plain-text-reply-thunderbird.eml"), { From: viewer.email }))).toMatchObject({ outcome: "quarantined" });
    expect(await t.db.select().from(cases).where(eq(cases.customerContactId, viewer.id))).toEqual([]);
  });

  it("an unknown address of an account's domain is quarantined with that account suggested", async () => {
    const { account, member } = await setup();
    const domain = `boulangerie-${Date.now()}.example`;
    await t.db.update(customerUsers).set({ email: `marie@${domain}` }).where(eq(customerUsers.id, member.id));
    const colleague = `nouvelle@${domain}`;
    await receive(rewrite(await fixture("01-plain-text-reply-thunderbird.eml"), { From: colleague }));
    const [row] = await t.db.select().from(inboundEmails).where(eq(inboundEmails.fromAddress, colleague));
    expect(row).toMatchObject({ status: "quarantined", reason: "unknown_user_of_account", accountId: account.id });
  });

  it("an attachment over the limit refuses the message and writes nothing", async () => {
    const { member } = await setup();
    const before = await t.db.select().from(inboundEmails);
    const result = await receive(rewrite(await fixture("04-pdf-attachment-gmail-raw-utf8-subject.eml"), { From: member.email }), 100);
    expect(result).toEqual({ status: "attachment_too_large", name: "broken.pdf", maxBytes: 100 });
    expect(await t.db.select().from(inboundEmails)).toHaveLength(before.length);
    expect(await t.db.select().from(cases).where(eq(cases.customerContactId, member.id))).toEqual([]);
    expect(await readdir(path.join(storeDir, "tmp")).catch(() => [])).toEqual([]);
  });
});

describe("replies", () => {
  async function openedCase() {
    const people = await setup();
    const result = await receive(rewrite(await fixture("01-plain-text-reply-thunderbird.eml"), { From: people.member.email, Subject: "Sacs abîmés" }));
    const row = await caseOf((result as { reference: string }).reference);
    return { ...people, row };
  }
  const dmarcPass = (domain: string) => `mx.accord.example; spf=pass smtp.mailfrom=${domain}; dmarc=pass (p=REJECT) header.from=${domain}`;

  it("naming the reference, from a user of the account with dmarc=pass, lands on its case with the quoted history trimmed", async () => {
    const { member, row } = await openedCase();
    const domain = member.email.split("@")[1]!;
    const raw = Buffer.from(
      [`From: Marie <${member.email}>`, `To: reclamations@accord.example`, `Subject: RE: [Accord] ${row.reference}`, `Message-ID: <r-${Date.now()}@x.example>`, `Authentication-Results: ${dmarcPass(domain)}`, "Content-Type: text/plain; charset=utf-8", "", "Voici le numéro de lot : 42.", "", `Le lun. 7 déc. 2026 à 10:00, Accord <no-reply@accord.example> a écrit :`, "> Pouvez-vous nous donner le lot ?", ""].join("\r\n"),
    );
    expect(await receive(raw)).toMatchObject({ outcome: "reply_appended", reference: row.reference });
    const posted = await t.db.select().from(messages).where(eq(messages.caseId, row.id));
    expect(posted.map((m) => [m.body, m.authorKind, m.authorId, m.visibility])).toEqual([["Voici le numéro de lot : 42.", "customer", member.id, "public"]]);
    expect(await t.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, row.id), eq(caseEvents.type, "customer_replied")))).toHaveLength(1);
  });

  it("the same without dmarc=pass, or from another account's user, goes to quarantine", async () => {
    const { member, stranger, row } = await openedCase();
    const noDmarc = rewrite(await fixture("01-plain-text-reply-thunderbird.eml"), { From: member.email, Subject: `Re: ${row.reference}` });
    expect(await receive(noDmarc)).toMatchObject({ outcome: "quarantined" });
    const other = rewrite(await fixture("01-plain-text-reply-thunderbird.eml"), { From: stranger.email, Subject: `Re: ${row.reference}`, "Authentication-Results": dmarcPass(stranger.email.split("@")[1]!) });
    expect(await receive(other)).toMatchObject({ outcome: "quarantined" });
    const failDmarc = rewrite(await fixture("01-plain-text-reply-thunderbird.eml"), { From: member.email, Subject: `Re: ${row.reference}`, "Authentication-Results": "mx.accord.example; dmarc=fail header.from=x" });
    expect(await receive(failDmarc)).toMatchObject({ outcome: "quarantined" });
    const reasons = await t.db.select({ reason: inboundEmails.reason }).from(inboundEmails).where(and(eq(inboundEmails.caseId, row.id), eq(inboundEmails.status, "quarantined")));
    expect(reasons.map((r) => r.reason).sort()).toEqual(["reply_from_other_account", "reply_not_authenticated", "reply_not_authenticated"]);
    expect(await t.db.select().from(messages).where(eq(messages.caseId, row.id))).toEqual([]);
  });

  it("answering the case's reply address is trusted, without DMARC, attachments kept on the message", async () => {
    const { member, row } = await openedCase();
    const raw = rewrite(await fixture("04-pdf-attachment-gmail-raw-utf8-subject.eml"), { From: member.email, To: `reply+${row.replyToken}@${DOMAIN}` });
    expect(await receive(raw)).toMatchObject({ outcome: "reply_appended", reference: row.reference });
    const [message] = await t.db.select().from(messages).where(eq(messages.caseId, row.id));
    const files = await t.db.select().from(evidence).where(eq(evidence.messageId, message!.id));
    expect(files.map((f) => f.fileName)).toEqual(["broken.pdf"]);
  });

  it("an unknown reply token, or a reply to an ended case, goes to quarantine", async () => {
    const { member, row } = await openedCase();
    const unknown = rewrite(await fixture("01-plain-text-reply-thunderbird.eml"), { From: member.email, To: `reply+${"0".repeat(32)}@${DOMAIN}` });
    expect(await receive(unknown)).toMatchObject({ outcome: "quarantined" });
    await t.db.update(cases).set({ status: "closed" }).where(eq(cases.id, row.id));
    const ended = rewrite(await fixture("01-plain-text-reply-thunderbird.eml"), { From: member.email, To: `reply+${row.replyToken}@${DOMAIN}` });
    expect(await receive(ended)).toMatchObject({ outcome: "quarantined" });
    const reasons = await t.db.select({ reason: inboundEmails.reason }).from(inboundEmails).where(and(eq(inboundEmails.fromAddress, member.email), eq(inboundEmails.status, "quarantined")));
    expect(reasons.map((r) => r.reason).sort()).toEqual(["case_ended", "unknown_reply_address"]);
  });

  it("our e-mails about a case carry its reply address and a Message-ID; a reply to that Message-ID with dmarc=pass lands on the case", async () => {
    const { member, row } = await openedCase();
    const [ack] = await t.db.select().from(emailMessages).where(and(eq(emailMessages.caseId, row.id), eq(emailMessages.template, "claim-acknowledged")));
    const mailbox = await mkdtemp(path.join(tmpdir(), "accord-inbound-mailbox-"));
    try {
      const sent = await deliverEmail({ db: t.db, emailId: ack!.id, transport: mailboxTransport(mailbox), store, now, inboundDomain: DOMAIN });
      expect(sent.status).toBe("sent");
      const [file] = (await readdir(mailbox)).filter((f) => f.endsWith(".json"));
      const json = JSON.parse(await readFile(path.join(mailbox, file!), "utf8")) as { replyTo: string; messageId: string };
      expect(json.replyTo).toBe(`reply+${row.replyToken}@${DOMAIN}`);
      expect(json.messageId).toBe(`<${ack!.id}@${DOMAIN}>`);
      const raw = rewrite(await fixture("01-plain-text-reply-thunderbird.eml"), {
        From: member.email,
        Subject: "Re: votre message",
        "In-Reply-To": json.messageId,
        References: json.messageId,
        "Authentication-Results": dmarcPass(member.email.split("@")[1]!),
      });
      expect(await receive(raw)).toMatchObject({ outcome: "reply_appended", reference: row.reference });
    } finally {
      await rm(mailbox, { recursive: true, force: true });
    }
  });
});

describe("Postmark's inbound JSON", () => {
  it("maps its fields and base64 attachments onto the same channel", async () => {
    const { member } = await setup();
    const pdf = Buffer.from("%PDF-1.4\n%%EOF\n");
    const body = {
      FromName: "Marie",
      From: member.email,
      FromFull: { Email: member.email, Name: "Marie", MailboxHash: "" },
      To: "reclamations@accord.example",
      ToFull: [{ Email: "reclamations@accord.example", Name: "", MailboxHash: "" }],
      Subject: "Réclamation : sacs abîmés",
      MessageID: "22c74902-a0c1-4511-804f-341342852c90",
      TextBody: "",
      HtmlBody: "<p>Bonjour,</p><p>Les sacs sont <b>abîmés</b>.</p>",
      Headers: [{ Name: "Message-ID", Value: `<pm-${Date.now()}@martin.example>` }],
      Attachments: [{ Name: "photo sacs.pdf", Content: pdf.toString("base64"), ContentType: "application/pdf", ContentLength: pdf.length }],
    };
    const result = parsePostmarkInbound(body, 1000);
    expect(result.ok).toBe(true);
    const message = (result as { message: InboundMessage }).message;
    expect(message.text).toContain("Les sacs sont abîmés");
    const received = await receive(message);
    expect(received).toMatchObject({ outcome: "claim_opened" });
    const row = await caseOf((received as { reference: string }).reference);
    expect(row.title).toBe("Réclamation : sacs abîmés");
    expect((await t.db.select().from(evidence).where(eq(evidence.caseId, row.id))).map((f) => f.fileName)).toEqual(["photo sacs.pdf"]);
    expect(parsePostmarkInbound({ Subject: "x" }, 10)).toMatchObject({ ok: false, problem: "not_provider_json" });
    expect(parsePostmarkInbound({ From: 42 }, 10)).toMatchObject({ ok: false, problem: "not_provider_json" });
  });
});

describe("the quarantine", () => {
  async function quarantined(name = "22-nested-multipart-rfc2231.eml") {
    const from = `inconnu-${++counter}@nowhere.example`;
    await receive(rewrite(await fixture(name), { From: from, Subject: "Sacs abimes (inconnu)" }));
    const [row] = await t.db.select().from(inboundEmails).where(eq(inboundEmails.fromAddress, from));
    return row!;
  }

  it("is for agents (inbound:triage): a customer or a finance user is refused", async () => {
    const { member } = await setup();
    const finance = await createStaff(t.db, { roles: ["finance"] });
    await expect(listQuarantinedEmails({ db: t.db, actor: await customerActor(t.db, member.id) })).rejects.toMatchObject({ code: "forbidden" });
    await expect(listQuarantinedEmails({ db: t.db, actor: await staffActor(t.db, finance.id) })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("lists, shows, and an agent attaches a message to an account as a new claim of a chosen contact, once", async () => {
    const { account, member } = await setup();
    const agent = await staffActor(t.db, (await createStaff(t.db, { roles: ["agent"] })).id);
    const row = await quarantined();
    const list = await listQuarantinedEmails({ db: t.db, actor: agent });
    expect(list.find((e) => e.id === row.id)).toMatchObject({ subject: "Sacs abimes (inconnu)", reason: "unknown_sender", attachmentCount: 2 });
    const detail = await getQuarantinedEmail({ db: t.db, actor: agent, input: { id: row.id, accountId: account.id } });
    expect(detail.contacts.map((c) => c.id)).toContain(member.id);
    expect(detail.attachments.map((a) => a.name)).toEqual(["facture n° 42 été.pdf", "bon de livraison réception.pdf"]);
    const download = await openInboundAttachment({ db: t.db, actor: agent, input: { id: row.id, index: 0 }, files: store });
    download.stream.destroy();
    expect(download.fileName).toBe("facture n° 42 été.pdf");

    const refsBefore = await refCountOf(row.attachments[0]!.sha256);
    const { reference } = await attachQuarantinedEmail({ db: t.db, actor: agent, input: { mode: "claim", id: row.id, accountId: account.id, contactId: member.id }, now, portalUrl: "http://portal.test", backofficeUrl: "http://backoffice.test" });
    const opened = await caseOf(reference);
    expect(opened).toMatchObject({ channel: "email", accountId: account.id, customerContactId: member.id, title: "Sacs abimes (inconnu)" });
    expect((await t.db.select().from(evidence).where(eq(evidence.caseId, opened.id))).map((f) => f.fileName)).toEqual(["facture n° 42 été.pdf", "bon de livraison réception.pdf"]);
    // The quarantine's references moved to the evidence: the count did not change.
    expect(await refCountOf(row.attachments[0]!.sha256)).toBe(refsBefore);
    expect(await t.db.select().from(emailMessages).where(and(eq(emailMessages.caseId, opened.id), eq(emailMessages.template, "claim-acknowledged")))).toHaveLength(1);
    const events = await t.db.select().from(adminEvents).where(eq(adminEvents.type, "inbound_email_attached"));
    expect(events.map((e) => e.payload)).toContainEqual(expect.objectContaining({ inboundEmailId: row.id, reference }));

    await expect(
      attachQuarantinedEmail({ db: t.db, actor: agent, input: { mode: "claim", id: row.id, accountId: account.id, contactId: member.id }, now, portalUrl: "http://portal.test", backofficeUrl: "http://backoffice.test" }),
    ).rejects.toMatchObject({ code: "conflict", messageKey: "inbound.error.already_handled" });
    expect((await listQuarantinedEmails({ db: t.db, actor: agent })).map((e) => e.id)).not.toContain(row.id);
  });

  it("attaches a message to an open case of the chosen account, and refuses another account's case or contact", async () => {
    const { account, member, stranger } = await setup();
    const agent = await staffActor(t.db, (await createStaff(t.db, { roles: ["agent"] })).id);
    const filed = await receive(rewrite(await fixture("01-plain-text-reply-thunderbird.eml"), { From: member.email }));
    const target = await caseOf((filed as { reference: string }).reference);
    const row = await quarantined("04-pdf-attachment-gmail-raw-utf8-subject.eml");
    const args = { db: t.db, actor: agent, now, portalUrl: "http://portal.test", backofficeUrl: "http://backoffice.test" };
    await expect(attachQuarantinedEmail({ ...args, input: { mode: "claim", id: row.id, accountId: account.id, contactId: stranger.id } })).rejects.toMatchObject({ code: "validation" });
    await expect(attachQuarantinedEmail({ ...args, input: { mode: "message", id: row.id, accountId: stranger.accountId, reference: target.reference } })).rejects.toMatchObject({ code: "validation" });
    expect(await attachQuarantinedEmail({ ...args, input: { mode: "message", id: row.id, accountId: account.id, reference: target.reference } })).toEqual({ reference: target.reference });
    const [message] = await t.db.select().from(messages).where(eq(messages.caseId, target.id));
    expect(message).toMatchObject({ authorKind: "customer", authorId: member.id });
    expect((await t.db.select().from(evidence).where(eq(evidence.messageId, message!.id))).map((f) => f.fileName)).toEqual(["broken.pdf"]);
  });

  it("rejects with a reason, releasing the files, once", async () => {
    const agent = await staffActor(t.db, (await createStaff(t.db, { roles: ["agent"] })).id);
    const row = await quarantined("04-pdf-attachment-gmail-raw-utf8-subject.eml");
    const sha = row.attachments[0]!.sha256;
    const before = await refCountOf(sha);
    await rejectQuarantinedEmail({ db: t.db, actor: agent, input: { id: row.id, reason: "Publicité" }, now, files: store });
    const [after] = await t.db.select().from(inboundEmails).where(eq(inboundEmails.id, row.id));
    expect(after).toMatchObject({ status: "rejected", rejectReason: "Publicité", attachments: [] });
    expect(await refCountOf(sha)).toBe(before - 1);
    await expect(rejectQuarantinedEmail({ db: t.db, actor: agent, input: { id: row.id, reason: "again" }, now, files: store })).rejects.toMatchObject({ code: "conflict" });
    expect(rejectQuarantinedEmailSchema.safeParse({ id: row.id, reason: "  " }).success).toBe(false);
  });
});
