import { randomUUID } from "node:crypto";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { EmailTransport } from "./transport";

/** The file written per e-mail; its shape is a public contract (e2e tests read it). */
export interface MailboxFile {
  to: string[];
  from: string;
  subject: string;
  html: string;
  text: string;
  /** ISO 8601 */
  sentAt: string;
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

/** Dev mailbox: one JSON file per e-mail in `dir` (created when missing). */
export function mailboxTransport(dir: string): EmailTransport {
  return {
    name: "mailbox",
    async send(email, now) {
      await mkdir(dir, { recursive: true });
      const safeId = safeFileId(email.id);
      // A retried delivery must not show the same e-mail twice.
      const existing = (await readdir(dir)).find((name) => name.endsWith(`_${safeId}${SUFFIX}`));
      if (existing) return { providerId: existing.slice(0, -SUFFIX.length) };

      const stem = fileStem(now, email.id);
      const file: MailboxFile = {
        to: email.to,
        from: email.from,
        subject: email.subject,
        html: email.html,
        text: email.text,
        sentAt: now.toISOString(),
      };
      // Written then renamed, so a reader never sees half a file.
      const temporary = join(dir, `.${stem}.${randomUUID()}.tmp`);
      await writeFile(temporary, JSON.stringify(file, null, 2), "utf8");
      await rename(temporary, join(dir, `${stem}${SUFFIX}`));
      return { providerId: stem };
    },
  };
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
