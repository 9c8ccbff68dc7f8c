/** What every section of the case page shares: its frame, its props, and the formats it repeats. */
import type { StaffCase } from "@accord/core";
import { DataTable, EmptyState, type Column } from "@accord/ui";
import { useIntentForm } from "@accord/web/components/IntentForm";
import type { HTMLAttributes, ReactNode } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { CaseActionData, CaseIntent } from "../.server/case-page";

export type T = TFunction;

export interface SectionProps {
  page: StaffCase;
  actionData: CaseActionData | null;
}

/** conform's form of one of the page's intents (the intent name is checked against the page's table). */
export function useCaseForm<Shape extends Record<string, unknown> = Record<string, unknown>>(intent: CaseIntent, actionData: CaseActionData | null, options: { key?: string } = {}) {
  return useIntentForm<Shape, CaseIntent>(intent, actionData, options);
}

/** A titled section of the page; its id is the anchor a form comes back to. */
export function Section({ id, title, children }: { id: string; title: ReactNode; children: ReactNode }) {
  return (
    <section id={id} className="card stack case-page__section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} style={{ marginTop: 0 }}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A section's table of its rows (by id): captioned `casePage.<name>.caption`, or `casePage.<name>.none` when there is none. */
export function SectionTable<Row extends { id: string }>({ name, rows, columns }: { name: "evidence" | "lines" | "tasks" | "time"; rows: readonly Row[]; columns: Column<Row>[] }) {
  const { t } = useTranslation();
  return <DataTable caption={t(`casePage.${name}.caption`)} rows={rows} rowKey={(row) => row.id} empty={<EmptyState title={t(`casePage.${name}.none`)} />} columns={columns} />;
}

/** A list of entries (`children` renders each `<li>`), or the sentence saying there is none. */
export function ListOrNone<Item>({ items, none, ordered = false, children, ...attributes }: { items: readonly Item[]; none: ReactNode; ordered?: boolean; children: (item: Item) => ReactNode; "data-testid"?: string } & Omit<HTMLAttributes<HTMLElement>, "children">) {
  if (items.length === 0) return <p>{none}</p>;
  const List = ordered ? "ol" : "ul";
  return <List {...attributes}>{items.map(children)}</List>;
}

/** Business minutes as "3 h 20 min". */
export function duration(t: T, minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  return t("casePage.sla.minutes", { hours: Math.floor(whole / 60), minutes: whole % 60 });
}

/** A help article's or a root cause's label in the reader's language. */
export function articleTitle(language: string, article: { titleFr: string; titleEn: string }): string {
  return language === "en" ? article.titleEn : article.titleFr;
}
