import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

export type MailboxAttachment = { name: string; type: string; size: number; sha256: string; file: string };
/** `attachments` is present only when the e-mail carries files (each written beside the JSON, as `file`). */
export type MailboxEmail = {
  to: string[];
  from: string;
  subject: string;
  html: string;
  text: string;
  sentAt: string;
  attachments?: MailboxAttachment[];
  /** A customer's e-mail about a case: the case's reply address (ADR 0036). */
  replyTo?: string;
  messageId?: string;
};

function mailboxDir(own?: string): string {
  if (own) return own;
  const dir = process.env.E2E_MAILBOX_DIR;
  if (!dir) throw new Error("E2E_MAILBOX_DIR is not set (playwright.config.ts sets it)");
  return dir;
}

/** The e-mails of the run's mailbox, or of `dir` (an Accord of the spec's own, support/stack.ts). */
export async function readMailbox(dir?: string): Promise<MailboxEmail[]> {
  const folder = mailboxDir(dir);
  const names = (await readdir(folder).catch(() => [])).filter((n) => n.endsWith(".json")).sort();
  return Promise.all(names.map(async (n) => JSON.parse(await readFile(path.join(folder, n), "utf8")) as MailboxEmail));
}

/** Waits for an e-mail to `to` (whose subject matches) that was not in the mailbox before `after`. */
export async function waitForEmail(
  to: string,
  options: { subject?: RegExp; after?: number; timeoutMs?: number; dir?: string } = {},
): Promise<MailboxEmail> {
  // Generous: the worker polls every 2 s and the machine may be loaded.
  const timeoutMs = options.timeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await readMailbox(options.dir))
      .filter((m) => m.to.includes(to))
      .filter((m) => !options.subject || options.subject.test(m.subject))
      .filter((m) => !options.after || Date.parse(m.sentAt) >= options.after)
      .at(-1);
    if (found) return found;
    if (Date.now() > deadline) {
      throw new Error(`gave up after ${timeoutMs / 1000} s waiting for an e-mail to ${to}${options.subject ? ` whose subject matches ${options.subject}` : ""} in the dev mailbox`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The first link in an e-mail's text that starts with `prefix`. */
export function linkIn(email: MailboxEmail, prefix: string): string {
  const match = email.text.match(new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[^\\s)\\]>"]+`));
  if (!match) throw new Error(`No link starting with ${prefix} in "${email.subject}"`);
  return match[0];
}
