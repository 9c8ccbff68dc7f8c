/** The shapes every administration page shares: the list page, the edit page, the form and its buttons. */
import { Button, DataTable, EmptyState, PageHeader, type Column } from "@accord/ui";
import type { IntentReply } from "@accord/web/intents";
import { IntentForm, useIntentForm } from "@accord/web/components/IntentForm";
import type { Key, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { sectionKey, type AdminSection } from "./AdminNav";

/** The reply of a refused administration form, as the page's `actionData` carries it. */
export type AdminReply = Pick<IntentReply, "intent" | "result"> | null | undefined;

/** The values a form starts from, as it writes them (a checkbox: true or "on"; several choices: a list; rows: objects). */
export type FormDefaults = Record<string, string | boolean | string[] | Record<string, string>[] | null | undefined>;

/**
 * conform's form of one intent of the page, starting from `defaults` (the entity's values as the form
 * writes them) or, after a refusal, from what was typed. `key` tells apart the same form shown per row.
 */
export function useAdminForm(intent: string, actionData: AdminReply, { key, defaults }: { key?: string; defaults?: FormDefaults } = {}) {
  return useIntentForm<FormDefaults>(intent, actionData, { key, defaultValue: defaults });
}

type AdminForm = ReturnType<typeof useAdminForm>[0];

/** One administration form: the fields, then its submit button. */
export function AdminForm({ form, submit, children, encType }: { form: AdminForm; submit: string; children: ReactNode; encType?: "multipart/form-data" }) {
  return (
    <IntentForm form={form} encType={encType}>
      {children}
      <div className="form__actions">
        <Button type="submit">{submit}</Button>
      </div>
    </IntentForm>
  );
}

/** A one-button form in a table's row (move, deactivate, reactivate): the row's key and values are posted with it. */
export function RowAction({
  intent,
  actionData,
  values,
  label,
  text,
  variant = "secondary",
}: {
  intent: string;
  actionData: AdminReply;
  values: Record<string, string>;
  label: string;
  text: string;
  variant?: "secondary" | "danger";
}) {
  const [form] = useAdminForm(intent, actionData, { key: Object.values(values).join(":") });
  return (
    <IntentForm form={form} className="admin-row-action">
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant={variant} aria-label={label}>
        {text}
      </Button>
    </IntentForm>
  );
}

/** The page's title, its description and, when the section has one, the link to create an entity. */
function SectionHeader({ section, create }: { section: AdminSection; create?: string }) {
  const { t } = useTranslation();
  const key = sectionKey(section);
  return (
    <>
      <PageHeader title={t(`admin.${key}.title`)} description={t(`admin.${key}.description`)} />
      {create ? (
        <p>
          <Link className="button button--primary" to={`/admin/${section}/new`}>
            {create}
          </Link>
        </p>
      ) : null}
    </>
  );
}

/**
 * A list page of the administration: its header, the link to create one (`create`: the link's text),
 * the table of the section's entities (`empty` when there is none), then the page's own forms.
 */
export function AdminListPage<Row>({
  section,
  create,
  rows,
  rowKey,
  columns,
  empty,
  children,
}: {
  section: AdminSection;
  create?: string;
  rows: readonly Row[];
  rowKey: (row: Row) => Key;
  columns: Column<Row>[];
  empty?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <SectionHeader section={section} create={create} />
      <DataTable caption={t(`admin.${sectionKey(section)}.caption`)} rows={rows} rowKey={rowKey} empty={empty ? <EmptyState title={empty} /> : null} columns={columns} />
      {children}
    </>
  );
}

/**
 * An edit page of the administration (also the page that creates one): the section as eyebrow, the
 * title, the link back to the section's list, and the card holding the form; `children` after the card.
 */
export function AdminEditPage({ section, title, description, form, children }: { section: AdminSection; title: string; description?: string; form: ReactNode; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader eyebrow={t(`admin.${sectionKey(section)}.title`)} title={title} description={description} />
      <p>
        <Link to={`/admin/${section}`}>{t("common.back")}</Link>
      </p>
      <section className="card" aria-label={title}>
        {form}
      </section>
      {children}
    </>
  );
}
