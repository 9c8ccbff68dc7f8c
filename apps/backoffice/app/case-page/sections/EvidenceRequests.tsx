/** The evidence requests sent to the customer (items, due date, answer), and the form to send one. */
import type { RequestEvidenceInput } from "@accord/core";
import { Field, formatDate, formatDateTime } from "@accord/ui";
import { IntentForm } from "@accord/web/components/IntentForm";
import { useTranslation } from "react-i18next";
import { bind, SubmitRow, TextareaField } from "../fields";
import { ListOrNone, Section, useCaseForm, type SectionProps } from "../parts";

export function EvidenceRequests({ page, actionData, today }: SectionProps & { today: string }) {
  const { t, i18n } = useTranslation();
  const [form, fields] = useCaseForm<RequestEvidenceInput>("requestEvidence", actionData);
  return (
    <Section id="evidence-requests" title={t("casePage.sections.evidenceRequests")}>
      <ListOrNone items={page.evidenceRequests} none={t("casePage.evidenceRequests.none")} className="stack" data-testid="evidence-requests">
        {(request) => (
          <li key={request.id}>
            <span className="badge">{t(`casePage.evidenceRequests.status.${request.status}`)}</span>{" "}
            {t("casePage.evidenceRequests.requestedBy", { name: request.requestedByName ?? "", date: formatDateTime(request.createdAt, i18n.language) })} —{" "}
            {t("casePage.evidenceRequests.due", { date: formatDate(request.dueDate, i18n.language) })}
            <ul>
              {request.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
            {request.message ? <p style={{ whiteSpace: "pre-line" }}>{request.message}</p> : null}
            {request.answeredAt ? <p>{t("casePage.evidenceRequests.answeredAt", { date: formatDateTime(request.answeredAt, i18n.language) })}</p> : null}
            {request.answerText ? <p style={{ whiteSpace: "pre-line" }}>{request.answerText}</p> : null}
          </li>
        )}
      </ListOrNone>
      {page.can.requestEvidence ? (
        <IntentForm form={form}>
          <p className="muted">{t("casePage.evidenceRequests.hint")}</p>
          <TextareaField id="request-items" label={t("casePage.evidenceRequests.items")} {...bind(fields.items)} />
          <TextareaField id="request-message" label={t("casePage.evidenceRequests.message")} {...bind(fields.message)} />
          <Field id="request-due" type="date" min={today} label={t("casePage.evidenceRequests.dueDate")} {...bind(fields.dueDate)} />
          <SubmitRow>{t("casePage.evidenceRequests.submit")}</SubmitRow>
        </IntentForm>
      ) : page.can.requestEvidenceLater ? (
        <p className="muted">{t("casePage.evidenceRequests.notNow")}</p>
      ) : null}
    </Section>
  );
}
