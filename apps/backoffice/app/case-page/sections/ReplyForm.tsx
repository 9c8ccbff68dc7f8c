/** The reply to the customer: a response template to start from, the message, help articles, attachments. */
import type { PostStaffReplyInput } from "@accord/core";
import { IntentForm } from "@accord/web/components/IntentForm";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Form, useSearchParams } from "react-router";
import { bind, CaseUploader, ChoiceGroup, SelectField, SubmitRow, TextareaField } from "../fields";
import { articleTitle, useCaseForm, type SectionProps } from "../parts";

export function ReplyForm({ page, actionData, maxUploadBytes }: SectionProps & { maxUploadBytes: number }) {
  const { t, i18n } = useTranslation();
  const [searchParams] = useSearchParams();
  const [form, fields] = useCaseForm<PostStaffReplyInput>("reply", actionData);
  const chosen = page.options.responseTemplates.find((tpl) => tpl.id === searchParams.get("template"));
  const insertTemplate = (event: FormEvent<HTMLFormElement>) => {
    const choice = new FormData(event.currentTarget).get("template");
    const template = page.options.responseTemplates.find((tpl) => tpl.id === choice);
    const area = document.getElementById("reply-body");
    if (!template || !(area instanceof HTMLTextAreaElement)) return;
    event.preventDefault();
    // What the agent typed stays: the template goes where the cursor is.
    area.setRangeText(template.body, area.selectionStart, area.selectionEnd, "end");
    area.focus();
  };
  return (
    <>
      <h3>{t("casePage.conversation.replyTitle")}</h3>
      {page.options.responseTemplates.length > 0 ? (
        // Without JavaScript the page reloads with the template in the reply; with it, the template goes in at the cursor.
        <Form method="get" className="form" action={`/cases/${page.case.reference}#conversation`} onSubmit={insertTemplate}>
          <SelectField
            id="reply-template"
            name="template"
            label={t("casePage.conversation.template")}
            hint={t("casePage.conversation.templatesHint", { placeholders: page.options.responsePlaceholders.map((name) => `{{${name}}}`).join(", "), interpolation: { escapeValue: false } })}
            defaultValue={chosen?.id ?? ""}
            options={[{ value: "", label: t("casePage.conversation.noTemplate") }, ...page.options.responseTemplates.map((tpl) => ({ value: tpl.id, label: tpl.name }))]}
          />
          <SubmitRow variant="secondary">{t("casePage.conversation.useTemplate")}</SubmitRow>
        </Form>
      ) : null}
      <IntentForm form={form} encType="multipart/form-data">
        <TextareaField key={chosen?.id ?? "blank"} id="reply-body" label={t("casePage.conversation.replyBody")} rows={6} {...bind(fields.body, chosen?.body ?? "")} />
        {page.options.kbArticles.length > 0 ? (
          <ChoiceGroup
            id="reply-articles"
            legend={t("casePage.conversation.articlesLegend")}
            name="kbArticleIds"
            type="checkbox"
            options={page.options.kbArticles.map((a) => ({ value: a.id, label: articleTitle(i18n.language, a) }))}
            errors={fields.kbArticleIds.errors}
          />
        ) : null}
        <CaseUploader id="reply-files" label={t("casePage.conversation.attachments")} intent="reply" actionData={actionData} maxUploadBytes={maxUploadBytes} errors={fields.uploadIds.errors} />
        <SubmitRow>{t("casePage.conversation.sendReply")}</SubmitRow>
      </IntentForm>
    </>
  );
}
