/** The conversation: public messages, customer messages and internal notes (marked apart), the reply form and the note form. */
import type { AddInternalNoteInput } from "@accord/core";
import { formatDateTime } from "@accord/ui";
import { IntentForm } from "@accord/web/components/IntentForm";
import { useTranslation } from "react-i18next";
import { bind, SubmitRow, TextareaField } from "../fields";
import { articleTitle, ListOrNone, Section, useCaseForm, type SectionProps } from "../parts";
import { ReplyForm } from "./ReplyForm";

const INTERNAL = "#8a5a00";

export function Conversation({ page, actionData, maxUploadBytes }: SectionProps & { maxUploadBytes: number }) {
  const { t, i18n } = useTranslation();
  const [noteForm, noteFields] = useCaseForm<AddInternalNoteInput>("note", actionData);
  return (
    <Section id="conversation" title={t("casePage.sections.conversation")}>
      <ListOrNone items={page.messages} none={t("casePage.conversation.none")} ordered className="stack" style={{ listStyle: "none", padding: 0 }}>
        {(message) => {
          const internal = message.visibility === "internal";
          const from = message.authorKind === "customer" ? "customer" : "public";
          return (
            <li
              key={message.id}
              data-visibility={message.visibility}
              style={{ borderLeft: `4px solid ${internal ? INTERNAL : from === "customer" ? "#1f3a68" : "#2e6b3a"}`, paddingLeft: "0.75rem", background: internal ? "#fff8e6" : undefined }}
            >
              <p style={{ margin: 0 }}>
                <span className="badge">{internal ? t("casePage.conversation.internal") : t(`casePage.conversation.${from}`)}</span>{" "}
                <span className="muted">{t("casePage.conversation.from", { name: message.authorName ?? "", date: formatDateTime(message.createdAt, i18n.language) })}</span>
              </p>
              <p style={{ whiteSpace: "pre-line" }}>{message.body}</p>
              {message.articles.length > 0 ? (
                <p className="muted">
                  {t("casePage.conversation.articles")} {message.articles.map((a) => articleTitle(i18n.language, a)).join(", ")}
                </p>
              ) : null}
            </li>
          );
        }}
      </ListOrNone>
      {page.can.reply ? <ReplyForm page={page} actionData={actionData} maxUploadBytes={maxUploadBytes} /> : null}
      {page.can.note ? (
        <IntentForm form={noteForm} style={{ borderLeft: `4px solid ${INTERNAL}`, paddingLeft: "0.75rem" }}>
          <h3>{t("casePage.conversation.noteTitle")}</h3>
          <TextareaField id="note-body" label={t("casePage.conversation.noteBody")} {...bind(noteFields.body)} />
          <SubmitRow variant="secondary">{t("casePage.conversation.addNote")}</SubmitRow>
        </IntentForm>
      ) : null}
    </Section>
  );
}
