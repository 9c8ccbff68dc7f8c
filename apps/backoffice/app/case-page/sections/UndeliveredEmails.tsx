/**
 * The e-mails of this case that did not reach their recipient, and why (ADR 0033): refused by Resend,
 * bounced, complained about, sent to a suppressed address, or given up after the last attempt.
 * Shown only when there is one.
 */
import type { StaffCase } from "@accord/core";
import { Alert, formatDateTime } from "@accord/ui";
import { useTranslation } from "react-i18next";

const REASONS = ["refused", "bounced", "complained", "suppressed", "failed"] as const;
type Reason = (typeof REASONS)[number];
const reasonOf = (email: StaffCase["undeliveredEmails"][number]): Reason =>
  (REASONS as readonly string[]).includes(email.reason ?? "") ? (email.reason as Reason) : "failed";

export function UndeliveredEmails({ page }: { page: StaffCase }) {
  const { t, i18n } = useTranslation();
  if (page.undeliveredEmails.length === 0) return null;
  return (
    <section id="undelivered-emails" aria-labelledby="undelivered-emails-title" data-testid="undelivered-emails">
      <Alert tone="warning" title={<span id="undelivered-emails-title">{t("casePage.undeliveredEmails.title")}</span>}>
        <ul>
          {page.undeliveredEmails.map((email) => (
            <li key={email.id}>
              <strong>{t("casePage.undeliveredEmails.item", { to: email.to.join(", "), reason: t(`casePage.undeliveredEmails.reasons.${reasonOf(email)}`) })}</strong>
              <br />
              <span className="muted">
                {t("casePage.undeliveredEmails.subject", { subject: email.subject, date: email.at ? formatDateTime(email.at, i18n.language) : "—" })}
                {email.error ? ` — ${t("casePage.undeliveredEmails.detail", { error: email.error })}` : null}
              </span>
            </li>
          ))}
        </ul>
        <p>{t("casePage.undeliveredEmails.hint")}</p>
      </Alert>
    </section>
  );
}
