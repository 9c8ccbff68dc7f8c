/** The shapes every administration page shares: the list page, the edit page, the forms and their buttons. */
import type { CaseType } from "@accord/domain";
import { Button, DataTable, EmptyState, PageHeader, type Column } from "@accord/ui";
import { translateKey } from "@accord/ui/locales";
import type { MessageKey } from "@accord/web/i18n";
import type { IntentReply } from "@accord/web/intents";
import { IntentForm, useIntentForm } from "@accord/web/components/IntentForm";
import type { TFunction } from "i18next";
import type { Key, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useActionData } from "react-router";
import { sectionKey, type AdminSection, type SectionKey } from "./AdminNav";

/** The reply of a refused administration form, as the page's action answers it. */
type AdminReply = Pick<IntentReply, "intent" | "result">;

/** The values a form starts from, as it writes them (a checkbox: true or "on"; several choices: a list; rows: objects). */
export type FormDefaults = Record<string, string | boolean | string[] | Record<string, string>[] | null | undefined>;

export type T = TFunction;

/**
 * conform's form of one intent of the page, starting from `defaults` (the entity's values as the form
 * writes them) or, after the page's action refused it, from what was typed. `key` tells apart the same
 * form shown once per row.
 */
export function useAdminForm(intent: string, { key, defaults }: { key?: string; defaults?: FormDefaults } = {}) {
  const reply = useActionData<AdminReply>();
  return useIntentForm<FormDefaults>(intent, reply, { key, defaultValue: defaults });
}

/** What an administration form needs: its intent, the values it starts from, its button. */
export interface AdminFormProps {
  intent: string;
  defaults?: FormDefaults;
  submit: string;
  encType?: "multipart/form-data";
  /** The fields (components of ./fields, which read the form). */
  children: ReactNode;
}

/** One administration form: the fields, then its submit button. */
export function AdminForm({ intent, defaults, submit, encType, children }: AdminFormProps) {
  const [form] = useAdminForm(intent, { defaults });
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

/** A one-button form in a table's row (move, deactivate, reactivate): the row's values are posted with it. */
export function RowAction({ intent, values, label, text, variant = "secondary" }: { intent: string; values: Record<string, string>; label: string; text: string; variant?: "secondary" | "danger" }) {
  const [form] = useAdminForm(intent, { key: Object.values(values).join(":") });
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

/**
 * The row's button that deactivates an active entity or reactivates an inactive one (intents `deactivate`
 * and `reactivate`), labelled with the section's `deactivateLabel`/`reactivateLabel`; a staff member's
 * deactivation is a "danger" button.
 */
export function ActiveToggle({ section, active, values, name }: { section: "rootCauses" | "sla" | "staff"; active: boolean; values: Record<string, string>; name: string }) {
  const { t } = useTranslation();
  const next = active ? "deactivate" : "reactivate";
  return <RowAction intent={next} values={values} variant={active && section === "staff" ? "danger" : "secondary"} label={t(`admin.${section}.${next}Label`, { name })} text={t(`admin.${next}`)} />;
}

type Row = { id: string } | { code: string };
const rowKeyOf = (row: Row): Key => ("id" in row ? row.id : row.code);

/** A table's cells by column, in order; the first names the row. */
export type Cells<R> = (t: T, language: string) => Record<string, (row: R) => ReactNode>;

/**
 * A table's columns from its cells: each header is `<headers>.<column>` in the catalogue (`actions`: the
 * shared one); the column names are the cells' keys, known at run time (hence `translateKey`).
 */
function useColumns<R extends Row>(headers: string, cells: Cells<R>): Column<R>[] {
  const { t, i18n } = useTranslation();
  return Object.entries(cells(t, i18n.language)).map(([name, cell], index) => ({
    key: name,
    header: name === "actions" ? t("admin.actions") : translateKey(t, `${headers}.${name}`),
    rowHeader: index === 0,
    cell,
  }));
}

/** Where a TableSection's strings are (`<at>.title`, `.caption`, `.columns.*`). */
type TableStrings = "admin.accounts.users" | "admin.prices" | "admin.staff.teams";

/** A titled part of a page around a table (an account's users, its prices, the teams; strings under `at`), then what follows it. */
export function TableSection<R extends Row>({ id, at, rows, cells, empty, children }: { id: string; at: TableStrings; rows: readonly R[]; cells: Cells<R>; empty: ReactNode; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={id} className="stack">
      <h2 id={id}>{t(`${at}.title`)}</h2>
      <DataTable caption={t(`${at}.caption`)} rows={rows} rowKey={rowKeyOf} empty={empty} columns={useColumns(`${at}.columns`, cells)} />
      {children}
    </section>
  );
}

/**
 * A section of entities, listed on its page and each edited on its own (not the sections of one form:
 * thresholds, indexes, company). Its strings are `admin.<key>.title`, `.description`, `.caption`,
 * `.columns.*`, `.createTitle`, `.editTitle`.
 */
export type EntitySection = Exclude<AdminSection, "thresholds" | "indexes" | "company" | "undelivered" | "integration-keys" | "reason-codes">;

/** A key of the section's strings that the catalogue has (never when it has not). */
type SectionString<S extends EntitySection, Name extends string> = Extract<`admin.${SectionKey<S>}.${Name}`, MessageKey>;

/**
 * What a section's list page shows besides its table: the link to create one (its `newItem`), the
 * sentence when there is none (its `empty`).
 */
const LIST_PAGES: { [S in EntitySection]: { create?: SectionString<S, "newItem">; empty?: SectionString<S, "empty"> } } = {
  sla: { empty: "admin.sla.empty" },
  calendars: { create: "admin.calendars.newItem" },
  staff: {},
  accounts: { create: "admin.accounts.newItem", empty: "admin.accounts.empty" },
  "root-causes": {},
  checklists: { create: "admin.checklists.newItem", empty: "admin.checklists.empty" },
  responses: { create: "admin.responses.newItem", empty: "admin.responses.empty" },
  kb: { create: "admin.kb.newItem", empty: "admin.kb.empty" },
};

/**
 * A list page of the administration: its title and description, the link to create one, the table of
 * the section's entities (headed from the catalogue; the first cell links to the entity's page, `note`
 * beside it), then the page's own forms.
 */
export function AdminListPage<R extends Row>({ section, rows, cells, note, children }: { section: EntitySection; rows: readonly R[]; cells: Cells<R>; note?: (row: R) => ReactNode; children?: ReactNode }) {
  const { t } = useTranslation();
  const key = sectionKey(section);
  const { create, empty } = LIST_PAGES[section];
  const [first, ...rest] = useColumns(`admin.${key}.columns`, cells);
  const linked: Column<R> = {
    ...first!,
    cell: (row) => (
      <>
        <Link to={`/admin/${section}/${rowKeyOf(row)}`}>{first!.cell(row)}</Link> {note?.(row)}
      </>
    ),
  };
  return (
    <>
      <PageHeader title={t(`admin.${key}.title`)} description={t(`admin.${key}.description`)} />
      {create ? (
        <p>
          <Link className="button button--primary" to={`/admin/${section}/new`}>
            {t(create)}
          </Link>
        </p>
      ) : null}
      <DataTable caption={t(`admin.${key}.caption`)} rows={rows} rowKey={rowKeyOf} empty={empty ? <EmptyState title={t(empty)} /> : null} columns={[linked, ...rest]} />
      {children}
    </>
  );
}

/**
 * An edit page of the administration, or the page that creates one (`name` null): the section as
 * eyebrow, the section's `editTitle` (or `createTitle`), the link back to the list, and the card holding
 * the form (`children`: its fields; intent `save` unless told); `after`: what follows the card.
 */
export function AdminEditPage({
  section,
  name,
  description,
  intent = "save",
  after,
  ...form
}: Omit<AdminFormProps, "submit" | "intent"> & { section: EntitySection; name: string | null | undefined; intent?: string; description?: string; after?: ReactNode }) {
  const { t } = useTranslation();
  const key = sectionKey(section);
  const title = name == null ? t(`admin.${key}.createTitle`) : t(`admin.${key}.editTitle`, { name });
  return (
    <>
      <PageHeader eyebrow={t(`admin.${key}.title`)} title={title} description={description} />
      <p>
        <Link to={`/admin/${section}`}>{t("common.back")}</Link>
      </p>
      <section className="card" aria-label={title}>
        <AdminForm intent={intent} {...form} submit={name == null ? t("admin.create") : t("admin.save")} />
      </section>
      {after}
    </>
  );
}

/** A template's or a policy's case type, "any" when it has none. */
export const caseTypeName = (t: T, caseType: CaseType | null) => (caseType ? t(`caseType.${caseType}`) : t("admin.any"));

/** "Active" or "Inactive". */
export const activeStatus = (t: T, active: boolean) => t(active ? "admin.active" : "admin.inactive");
