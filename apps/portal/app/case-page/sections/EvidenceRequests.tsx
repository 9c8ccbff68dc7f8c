/** What our team asked for: each request, what it asked, the answer given, and the form to answer an open one. */
import { formatDate, formatDateTime } from "@accord/ui";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { BulletList, FileLinks, ListSection, UploadForm, type FormSectionProps } from "../parts";

type EvidenceRequest = FormSectionProps["page"]["evidenceRequests"][number];

/** A titled part of a request (its message, the answer, the files), when there is something to show. */
function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <h4>{title}</h4>
      {children}
    </>
  );
}

function Request({ request, page, actionData }: FormSectionProps & { request: EvidenceRequest }) {
  const { t, i18n } = useTranslation();
  const headingId = `request-${request.id}`;
  return (
    <li className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {request.answeredAt === null
          ? `${t("cases.page.requests.open")} — ${t("cases.page.requests.due", { date: formatDate(request.dueDate, i18n.language) })}`
          : t("cases.page.requests.answered", { date: formatDateTime(request.answeredAt, i18n.language) })}
      </h3>
      <p className="muted">{t("cases.page.requests.requestedOn", { date: formatDateTime(request.createdAt, i18n.language) })}</p>
      <Part title={t("cases.page.requests.items")}>
        <BulletList items={request.items} />
      </Part>
      {request.message ? (
        <Part title={t("cases.page.requests.message")}>
          <p className="preserve-lines">{request.message}</p>
        </Part>
      ) : null}
      {request.answerText ? (
        <Part title={t("cases.page.requests.yourAnswer")}>
          <p className="preserve-lines">{request.answerText}</p>
        </Part>
      ) : null}
      {request.files.length > 0 ? (
        <Part title={t("cases.page.requests.files")}>
          <FileLinks reference={page.case.reference} files={request.files} />
        </Part>
      ) : null}
      {request.canAnswer ? (
        <UploadForm
          intent="answer"
          formKey={request.id}
          textName="text"
          id={`answer-${request.id}`}
          title={<h4>{t("cases.page.requests.answer.legend", { date: formatDate(request.createdAt, i18n.language) })}</h4>}
          strings="cases.page.requests.answer"
          page={page}
          actionData={actionData}
        />
      ) : null}
    </li>
  );
}

export function EvidenceRequests({ page, actionData }: FormSectionProps) {
  return (
    <ListSection
      id="requests"
      strings="cases.page.requests"
      items={page.evidenceRequests}
      className="stack request-list"
      item={(request) => <Request key={request.id} request={request} page={page} actionData={actionData} />}
    />
  );
}
