import type { ReactElement } from "react";
import type { EmailLanguage } from "./language";

/**
 * One e-mail kind. Every string comes from the template's own fr/en catalogue;
 * `render` returns the whole document (usually wrapped in `EmailLayout`).
 */
export interface EmailTemplate<Props> {
  subject(props: Props, language: EmailLanguage): string;
  render(props: Props, language: EmailLanguage): ReactElement;
  /**
   * Props to keep once the e-mail is sent, without secrets (e.g. a reset link):
   * the outbox row outlives the e-mail, the secret must not.
   */
  redact?(props: Props): Props;
}
