import type { ReactElement } from "react";
import type { EmailLanguage } from "./language";

/**
 * Who reads an e-mail (ADR 0033): a customer's contact (the portal's users, an outside stakeholder) or
 * the supplier's staff. A customer e-mail must never carry what is internal (internal notes, internal
 * evidence, staff-only amounts); the all-templates test feeds each one such fields and checks.
 */
export type EmailAudience = "customer" | "staff";

/**
 * One e-mail kind. Every string comes from the template's own fr/en catalogue;
 * `render` returns the whole document (usually wrapped in `EmailLayout`).
 */
export interface EmailTemplate<Props> {
  audience: EmailAudience;
  subject(props: Props, language: EmailLanguage): string;
  render(props: Props, language: EmailLanguage): ReactElement;
  /**
   * Props to keep once the e-mail is sent, without secrets (e.g. a reset link):
   * the outbox row outlives the e-mail, the secret must not.
   */
  redact?(props: Props): Props;
}
