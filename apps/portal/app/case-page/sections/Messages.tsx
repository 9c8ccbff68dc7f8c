/** The conversation with our team (help articles and attachments included), and the form to write a message. */
import { formatDateTime } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { FileLinks, ListSection, UploadForm, type FormSectionProps } from "../parts";

type Message = FormSectionProps["page"]["messages"][number];

function MessageItem({ message, reference }: { message: Message; reference: string }) {
  const { t, i18n } = useTranslation();
  return (
    <li>
      <p>
        <strong>{t(`cases.page.messages.from.${message.authorKind}`, { name: message.authorName ?? "" })}</strong>{" "}
        <span className="muted">{formatDateTime(message.createdAt, i18n.language)}</span>
      </p>
      <p className="preserve-lines">{message.body}</p>
      {message.articles.length > 0 ? (
        <p className="muted">
          {t("cases.page.messages.articles")}{" "}
          {message.articles.map((article, index) => (
            <span key={article.slug}>
              {index > 0 ? ", " : null}
              <Link to={`/help/${article.slug}`}>{i18n.language === "en" ? article.titleEn : article.titleFr}</Link>
            </span>
          ))}
        </p>
      ) : null}
      {message.attachments.length > 0 ? (
        <>
          <p className="muted">{t("cases.page.messages.attachments")}</p>
          <FileLinks reference={reference} files={message.attachments} />
        </>
      ) : null}
    </li>
  );
}

export function Messages({ page, actionData }: FormSectionProps) {
  const { t } = useTranslation();
  const reply = page.can.reply ? (
    <UploadForm
      // A new message remounts the form: the text and the staged files do not stay after sending.
      key={page.messages.length}
      intent="reply"
      textName="body"
      id="reply"
      title={<h3 id="reply-title">{t("cases.page.messages.reply.title")}</h3>}
      strings="cases.page.messages.reply"
      page={page}
      actionData={actionData}
    />
  ) : null;
  return (
    <ListSection
      id="messages"
      strings="cases.page.messages"
      items={page.messages}
      ordered
      className="stack message-list"
      item={(message) => <MessageItem key={message.id} message={message} reference={page.case.reference} />}
      after={reply}
    />
  );
}
