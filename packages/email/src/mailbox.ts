import { createHash, randomUUID } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { EmailTransport, OutgoingAttachment } from "./transport";

/** A file carried by a mailbox e-mail, written beside its JSON (public contract, as MailboxFile). */
export interface MailboxAttachment {
  /** The original name (display only). */
  name: string;
  type: string;
  /** In bytes. */
  size: number;
  /** SHA-256 of the written file, lowercase hex. */
  sha256: string;
  /** The written file's name, in the mailbox directory. */
  file: string;
}

/** The file written per e-mail; its shape is a public contract (e2e tests read it). */
export interface MailboxFile {
  to: string[];
  from: string;
  subject: string;
  html: string;
  text: string;
  /** ISO 8601 */
  sentAt: string;
  /** Present only when the e-mail carries files. */
  attachments?: MailboxAttachment[];
  /** Present when the e-mail answers to a case's reply address (ADR 0036). */
  replyTo?: string;
  /** Present when the e-mail carries a Message-ID of ours. */
  messageId?: string;
}

export interface MailboxEntry extends MailboxFile {
  /** The file name without `.json`: sortable by time, ends with the e-mail id. */
  id: string;
}

const SUFFIX = ".json";

function safeFileId(emailId: string): string {
  return emailId.replace(/[^A-Za-z0-9-]/g, "_");
}

/** `2026-03-02T09-15-00-123Z_<id>`: lexical order is time order. */
function fileStem(sentAt: Date, emailId: string): string {
  return `${sentAt.toISOString().replace(/[:.]/g, "-")}_${safeFileId(emailId)}`;
}

const MAX_NAME_LENGTH = 80;

/**
 * A file-system-safe version of an attachment's original name: ASCII letters, digits, `.`, `-`, `_`
 * only (accents dropped, anything else `_`), no directory part, no leading dot, at most 80 characters
 * (the extension kept), never ending in `.json` (the mailbox's e-mails are its `.json` files).
 */
export function safeAttachmentName(original: string): string {
  const base = original.split(/[/\\]/).pop() ?? "";
  let name = base
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._-]+/g, "_")
    .replace(/^[._]+/, "");
  if (name.length > MAX_NAME_LENGTH) {
    const dot = name.lastIndexOf(".");
    const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : "";
    name = name.slice(0, MAX_NAME_LENGTH - extension.length) + extension;
  }
  if (name === "" || /^[._-]*$/.test(name)) name = "attachment";
  if (name.toLowerCase().endsWith(SUFFIX)) name = `${name.slice(0, -SUFFIX.length)}_json`;
  return name;
}

/**
 * `<stem>.<n>.<safe name>` (n from 1): the stem ties the file to its e-mail, and `.` cannot occur in
 * a stem, so the files of one e-mail are told apart from another's.
 */
function attachmentFileName(stem: string, index: number, original: string): string {
  return `${stem}.${index + 1}.${safeAttachmentName(original)}`;
}

function sha256Hex(content: Uint8Array): string {
  return createHash("sha256").update(content).digest("hex");
}

/** Written then renamed, so a reader never sees half a file. */
async function writeWhole(dir: string, name: string, content: string | Uint8Array): Promise<void> {
  const temporary = join(dir, `.${name}.${randomUUID()}.tmp`);
  await writeFile(temporary, content);
  await rename(temporary, join(dir, name));
}

async function writeAttachment(dir: string, stem: string, index: number, attachment: OutgoingAttachment): Promise<MailboxAttachment> {
  const sha256 = sha256Hex(attachment.content);
  if (sha256 !== attachment.sha256) {
    throw new Error(`Attachment "${attachment.name}": its content's SHA-256 is ${sha256}, not ${attachment.sha256}`);
  }
  const file = attachmentFileName(stem, index, attachment.name);
  await writeWhole(dir, file, attachment.content);
  return { name: attachment.name, type: attachment.type, size: attachment.content.byteLength, sha256, file };
}

/** Dev mailbox: one JSON file per e-mail in `dir` (created when missing), its attachments beside it. */
export function mailboxTransport(dir: string): EmailTransport {
  return {
    name: "mailbox",
    async send(email, now) {
      await mkdir(dir, { recursive: true });
      const safeId = safeFileId(email.id);
      // A retried delivery must not show the same e-mail twice.
      const names = await readdir(dir);
      const existing = names.find((name) => name.endsWith(`_${safeId}${SUFFIX}`));
      if (existing) return { providerId: existing.slice(0, -SUFFIX.length) };
      // The JSON is written last: files without it are what an interrupted delivery left.
      const leftovers = names.filter((name) => leftoverOf(name, safeId));
      for (const name of leftovers) await rm(join(dir, name), { force: true });

      const stem = fileStem(now, email.id);
      const attachments: MailboxAttachment[] = [];
      for (const [index, attachment] of (email.attachments ?? []).entries()) {
        attachments.push(await writeAttachment(dir, stem, index, attachment));
      }
      const file: MailboxFile = {
        to: email.to,
        from: email.from,
        subject: email.subject,
        html: email.html,
        text: email.text,
        sentAt: now.toISOString(),
        ...(attachments.length > 0 ? { attachments } : {}),
        ...(email.replyTo ? { replyTo: email.replyTo } : {}),
        ...(email.messageId ? { messageId: email.messageId } : {}),
      };
      await writeWhole(dir, `${stem}${SUFFIX}`, JSON.stringify(file, null, 2));
      return { providerId: stem };
    },
  };
}

const STEM_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z_/;

/** Whether `name` is an attachment file of the e-mail whose safe id is `safeId` (`<time>_<id>.<n>.<name>`). */
function leftoverOf(name: string, safeId: string): boolean {
  const time = STEM_TIME.exec(name);
  if (!time) return false;
  const rest = name.slice(time[0].length);
  return rest.startsWith(`${safeId}.`) && /^\d+\./.test(rest.slice(safeId.length + 1));
}

/** The mailbox's e-mails, newest first; empty when the directory does not exist. */
export async function readMailbox(dir: string, options: { limit?: number } = {}): Promise<MailboxEntry[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const stems = names
    .filter((name) => name.endsWith(SUFFIX) && !name.startsWith("."))
    .map((name) => name.slice(0, -SUFFIX.length))
    .sort()
    .reverse()
    .slice(0, options.limit ?? Number.POSITIVE_INFINITY);
  const entries: MailboxEntry[] = [];
  for (const id of stems) {
    try {
      const file = JSON.parse(await readFile(join(dir, `${id}${SUFFIX}`), "utf8")) as MailboxFile;
      entries.push({ id, ...file });
    } catch {
      // A file that is not ours (or was removed meanwhile) is not an e-mail.
    }
  }
  return entries;
}
