import { hasPermission, type Actor } from "@accord/auth";
import { readMailbox, type MailboxEntry } from "@accord/email";
import { requireStaff } from "../access";
import { AppError } from "../errors";

const DEFAULT_LIMIT = 200;

/** The dev mailbox (MAILBOX_DIR), newest first: staff admins only. */
export async function listMailbox({
  actor,
  dir,
  input = {},
}: {
  actor: Actor | null;
  dir: string;
  input?: { limit?: number };
}): Promise<{ emails: MailboxEntry[] }> {
  const staff = requireStaff(actor);
  if (!hasPermission(staff, "mailbox:read") && !staff.roles.includes("admin")) throw new AppError("forbidden");
  return { emails: await readMailbox(dir, { limit: input.limit ?? DEFAULT_LIMIT }) };
}
