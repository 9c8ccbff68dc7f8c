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

export type T = ReturnType<typeof useTranslation>["t"];

/**
 * conform's form of one intent of the page, starting from `defaults` (the entity's values as the form
 * writes them) or, after a refusal, from what was typed. `key` tells apart the same form shown per row.
 */
export function useAdminForm(intent: string, actionData: AdminReply, { key, defaults }: { key?: string; defaults?: FormDefaults } = {}) {
  return useIntentForm<FormDefaults>(intent, actionData, { key, defaultValue: defaults });
}

/** What an administration form needs: its intent, the page's reply, the values it starts from, its button. */
export interface AdminFormProps {
  intent: string;
  actionData: AdminReply;
  defaults?: FormDefaults;
  submit: string;
  encType?: "multipart/form-data";
  /** The fields (components of ./fields, which read the form). */
  children: ReactNode;
}

/** One administration form: the fields, then its submit button. */
export function AdminForm({ intent, actionData, defaults, submit, encType, children }: AdminFormProps) {
  const [form] = useAdminForm(intent, actionData, { defaults });
  return (
    <IntentForm form={form} encType={encType}>
      {children}
      <div className="form__actions">
        <Button type="submit">{submit}</Button>
      </div>
    </IntentForm>
  );
}

/** A titled card holding one form (a creation on a list page, an invitation): a region named by its title. */
export function FormSection({ id, title, description, ...form }: AdminFormProps & { id: string; title: string; description?: string }) {
  return (
    <section aria-labelledby={id} className="card">
      <h2 id={id}>{title}</h2>
      {description ? <p>{description}</p> : null}
      <AdminForm {...form} />
    </section>
  );
}

/** A titled part of a page around a table (an account's users, its prices, the teams), then what follows it. */
export function TableSection<Row>({ id, title, children, ...table }: { id: string; title: string; children?: ReactNode } & Parameters<typeof DataTable<Row>>[0]) {
  return (
    <section aria-labelledby={id} className="stack">
      <h2 id={id}>{title}</h2>
      <DataTable {...table} />
      {children}
    </section>
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

/** What a section's list page shows besides its table: the link to create one (`newItem`), the sentence when there is none (`empty`). */
const LIST_PAGES: Record<AdminSection, { create?: true; empty?: true }> = {
  sla: { empty: true },
  calendars: { create: true },
  staff: {},
  accounts: { create: true, empty: true },
  thresholds: {},
  indexes: {},
  "root-causes": {},
  checklists: { create: true, empty: true },
  responses: { create: true, empty: true },
  kb: { create: true, empty: true },
  company: {},
};

/** A table's cells by column: each column's header is the section's `columns.<name>` (`actions`: the shared one); the first names the row. */
export type Cells<Row> = (t: T, language: string) => Record<string, (row: Row) => ReactNode>;

/**
 * A list page of the administration: its title and description, the link to create one, the table of
 * the section's entities (one column per cell, headed from the catalogue), then the page's own forms.
 */
export function AdminListPage<Row extends { id: string } | { code: string }>({ section, rows, cells, children }: { section: AdminSection; rows: readonly Row[]; cells: Cells<Row>; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const key = sectionKey(section);
  const { create, empty } = LIST_PAGES[section];
  const columns: Column<Row>[] = Object.entries(cells(t, i18n.language)).map(([name, cell], index) => ({
    key: name,
    header: name === "actions" ? t("admin.actions") : t(`admin.${key}.columns.${name}`),
    rowHeader: index === 0,
    cell,
  }));
  return (
    <>
      <PageHeader title={t(`admin.${key}.title`)} description={t(`admin.${key}.description`)} />
      {create ? (
        <p>
          <Link className="button button--primary" to={`/admin/${section}/new`}>
            {t(`admin.${key}.newItem`)}
          </Link>
        </p>
      ) : null}
      <DataTable caption={t(`admin.${key}.caption`)} rows={rows} rowKey={rowKeyOf} empty={empty ? <EmptyState title={t(`admin.${key}.empty`)} /> : null} columns={columns} />
      {children}
    </>
  );
}

const rowKeyOf = (row: { id: string } | { code: string }): Key => ("id" in row ? row.id : row.code);

/**
 * An edit page of the administration (also the page that creates one): the section as eyebrow, the
 * title, the link back to the section's list, and the card holding the form (`children`: its fields);
 * `after`: what follows the card. The button reads "Create" when `creating`, otherwise "Save".
 */
export function AdminEditPage({
  section,
  title,
  description,
  creating = false,
  after,
  ...form
}: Omit<AdminFormProps, "submit"> & { section: AdminSection; title: string; description?: string; creating?: boolean; after?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader eyebrow={t(`admin.${sectionKey(section)}.title`)} title={title} description={description} />
      <p>
        <Link to={`/admin/${section}`}>{t("common.back")}</Link>
      </p>
      <section className="card" aria-label={title}>
        <AdminForm {...form} submit={creating ? t("admin.create") : t("admin.save")} />
      </section>
      {after}
    </>
  );
}

/** A template's or a policy's case type, "any" when it has none. */
export const caseTypeName = (t: T, caseType: string | null) => (caseType ? t(`caseType.${caseType}`) : t("admin.any"));

/** "Active" or "Inactive". */
export const activeStatus = (t: T, active: boolean) => t(active ? "admin.active" : "admin.inactive");

/**
 * The row's button that deactivates an active entity or reactivates an inactive one (intents `deactivate`
 * and `reactivate`), labelled with the section's `deactivateLabel`/`reactivateLabel`; a staff member's
 * deactivation is a "danger" button.
 */
export function ActiveToggle({ section, active, actionData, values, name }: { section: "rootCauses" | "sla" | "staff"; active: boolean; actionData: AdminReply; values: Record<string, string>; name: string }) {
  const { t } = useTranslation();
  const next = active ? "deactivate" : "reactivate";
  return <RowAction intent={next} actionData={actionData} values={values} variant={active && section === "staff" ? "danger" : "secondary"} label={t(`admin.${section}.${next}Label`, { name })} text={t(`admin.${next}`)} />;
}
