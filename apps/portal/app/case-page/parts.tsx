/** What the sections of the portal's case page share: their props, their frame, the file links and the upload forms. */
import { DataTable, EmptyState, EvidenceUploader, formatFileSize, uploaderLimits, type Column } from "@accord/ui";
import { BoundTextarea, SubmitRow } from "@accord/web/components/FormFields";
import { IntentForm, useIntentForm } from "@accord/web/components/IntentForm";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { CustomerCasePage, CustomerCaseIntent, CustomerCaseReply } from "../.server/case-page";

export interface SectionProps {
  page: CustomerCasePage;
}

export interface FormSectionProps extends SectionProps {
  actionData: CustomerCaseReply | null;
}

export type FileRow = CustomerCasePage["evidence"][number];

/** A titled section of the page; its id is the anchor a form comes back to. */
export function Section({ id, title, card = true, children }: { id: string; title: ReactNode; card?: boolean; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className={card ? "card stack" : "stack"}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** A section holding one table; `strings` names its title, caption and empty-table message (`<strings>.title`…). */
export function TableSection<Row extends { id: string }>({ id, strings, rows, columns }: { id: string; strings: "cases.page.evidence" | "cases.page.lines"; rows: Row[]; columns: Column<Row>[] }) {
  const { t } = useTranslation();
  return (
    <Section id={id} title={t(`${strings}.title`)} card={false}>
      <DataTable caption={t(`${strings}.caption`)} rows={rows} rowKey={(row) => row.id} empty={<EmptyState title={t(`${strings}.empty`)} />} columns={columns} />
    </Section>
  );
}

/**
 * A section listing items (requests, messages, events), or saying there is none; `strings` names its
 * title and empty message; `after` follows the list (the reply form).
 */
export function ListSection<Item>({
  id,
  strings,
  items,
  ordered = false,
  className,
  item,
  after,
}: {
  id: string;
  strings: "cases.page.timeline" | "cases.page.messages" | "cases.page.requests";
  items: Item[];
  ordered?: boolean;
  className: string;
  item: (item: Item) => ReactNode;
  after?: ReactNode;
}) {
  const { t } = useTranslation();
  const List = ordered ? "ol" : "ul";
  return (
    <Section id={id} title={t(`${strings}.title`)}>
      {items.length === 0 ? <p>{t(`${strings}.empty`)}</p> : null}
      <List className={className}>{items.map(item)}</List>
      {after}
    </Section>
  );
}

/** Items as a plain bulleted list (what a request asked for, what an event listed). */
export function BulletList({ items }: { items: readonly string[] }) {
  return (
    <ul>
      {items.map((item, index) => (
        <li key={index}>{item}</li>
      ))}
    </ul>
  );
}

/** A file of the case, downloaded by its name. */
export function FileLink({ reference, file }: { reference: string; file: Pick<FileRow, "id" | "fileName"> }) {
  const { t } = useTranslation();
  return (
    <a href={`/cases/${reference}/evidence/${file.id}`} download aria-label={t("cases.page.evidence.download", { name: file.fileName })}>
      {file.fileName}
    </a>
  );
}

/** Files (of a message, of an answer) with their size. */
export function FileLinks({ reference, files }: { reference: string; files: FileRow[] }) {
  const { i18n } = useTranslation();
  return (
    <ul>
      {files.map((file) => (
        <li key={file.id}>
          <FileLink reference={reference} file={file} />{" "}
          <span className="muted">({formatFileSize(file.sizeBytes, i18n.language)})</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * A text and files sent together (a reply, the answer to a request): the text and the staged files
 * come back after a refusal. `strings` names its labels (`<strings>.text`, `.files`, `.submit`);
 * `formKey` tells apart the same form shown several times (one per request).
 */
export function UploadForm({
  intent,
  textName,
  id,
  title,
  strings,
  page,
  actionData,
  formKey,
}: FormSectionProps & {
  intent: CustomerCaseIntent;
  textName: "body" | "text";
  id: string;
  title: ReactNode;
  strings: "cases.page.messages.reply" | "cases.page.requests.answer";
  formKey?: string;
}) {
  const { t, i18n } = useTranslation();
  const [form, fields] = useIntentForm<Record<"body" | "text" | "uploadIds", string>, CustomerCaseIntent>(intent, actionData, formKey === undefined ? {} : { key: formKey });
  const mine = actionData?.intent === intent && (formKey === undefined || actionData.result.initialValue?.intentKey === formKey);
  const last = mine ? actionData : null;
  const field = fields[textName];
  return (
    <IntentForm form={form} encType="multipart/form-data" className="form stack">
      {title}
      {formKey !== undefined ? <input type="hidden" name="requestId" value={formKey} /> : null}
      <BoundTextarea field={field} id={`${id}-text`} label={t(`${strings}.text`)} />
      <EvidenceUploader
        id={`${id}-files`}
        label={t(`${strings}.files`)}
        language={i18n.language}
        {...uploaderLimits(t, page.maxUploadBytes)}
        initialUploads={last?.uploads ?? null}
        initialRefused={last?.refused ?? null}
        errors={fields.uploadIds.errors}
      />
      <SubmitRow label={t(`${strings}.submit`)} />
    </IntentForm>
  );
}
