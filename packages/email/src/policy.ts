import { mailboxTransport } from "./mailbox";
import { resendTransport, type ResendTransportOptions } from "./resend";
import type { EmailTransport } from "./transport";

export interface TransportPolicy {
  production: boolean;
  mailboxDir: string;
  resend?: ResendTransportOptions | undefined;
}

export interface ChosenTransport {
  transport: EmailTransport;
  /** Set when the choice deserves a line in the logs. */
  warning: string | null;
}

/**
 * - production with a Resend key: Resend;
 * - production without a key: the mailbox, with a warning (a demo run in production mode);
 * - outside production: the mailbox only, so a developer's key never mails the demo addresses.
 * Outside production the mailbox gets every e-mail, whatever else is configured.
 */
export function chooseTransport({ production, mailboxDir, resend }: TransportPolicy): ChosenTransport {
  const mailbox = mailboxTransport(mailboxDir);
  if (!production) return { transport: mailbox, warning: null };
  if (resend) return { transport: resendTransport(resend), warning: null };
  return {
    transport: mailbox,
    warning: `No RESEND_API_KEY in production: e-mails are only written to the mailbox (${mailboxDir})`,
  };
}

