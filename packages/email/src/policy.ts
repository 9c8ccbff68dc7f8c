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


/**
 * What a customer may receive by e-mail, by kind (not by template: one kind may have several
 * templates). PRODUCT.md: acknowledgement, information requested, proposal offered, resolution,
 * closure, invitation and password reset are mandatory (legally relevant or needed to get in);
 * the others can be turned off in the portal's profile.
 */
export const CUSTOMER_EMAIL_KINDS = [
  "acknowledgement",
  "new_reply",
  "information_requested",
  "reminder",
  "proposal_offered",
  "proposal_accepted",
  "resolution",
  "closure",
  "invitation",
  "password_reset",
  // A quality notice about a lot the customer received (another customer's case found the cause).
  "proactive_notice",
] as const;
export type CustomerEmailKind = (typeof CUSTOMER_EMAIL_KINDS)[number];

export const MANDATORY_EMAIL_KINDS: readonly CustomerEmailKind[] = [
  "acknowledgement",
  "information_requested",
  "proposal_offered",
  "resolution",
  "closure",
  "invitation",
  "password_reset",
];

export const OPTIONAL_EMAIL_KINDS: readonly CustomerEmailKind[] = CUSTOMER_EMAIL_KINDS.filter(
  (kind) => !MANDATORY_EMAIL_KINDS.includes(kind),
);

export function isCustomerEmailKind(value: unknown): value is CustomerEmailKind {
  return typeof value === "string" && (CUSTOMER_EMAIL_KINDS as readonly string[]).includes(value);
}

export function isMandatoryEmailKind(kind: CustomerEmailKind): boolean {
  return MANDATORY_EMAIL_KINDS.includes(kind);
}

/**
 * Whether a customer with these stored preferences (`customer_users.email_preferences`, kind →
 * wanted) gets an e-mail of this kind. Mandatory kinds always go; optional ones go unless turned off.
 */
export function wantsEmail(preferences: Readonly<Record<string, boolean>> | null | undefined, kind: CustomerEmailKind): boolean {
  if (isMandatoryEmailKind(kind)) return true;
  return preferences?.[kind] !== false;
}
