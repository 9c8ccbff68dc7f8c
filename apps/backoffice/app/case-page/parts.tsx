/** What every section of the case page shares: its frame, its props, and the formats it repeats. */
import type { StaffCase } from "@accord/core";
import { useIntentForm } from "@accord/web/components/IntentForm";
import type { ReactNode } from "react";
import type { TFunction } from "i18next";
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

/** Business minutes as "3 h 20 min". */
export function duration(t: T, minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  return t("casePage.sla.minutes", { hours: Math.floor(whole / 60), minutes: whole % 60 });
}

/** A quantity in thousandths, in the reader's language. */
export function quantity(milli: number | null, language: string): string {
  if (milli === null) return "—";
  return new Intl.NumberFormat(language === "en" ? "en-GB" : "fr-FR", { maximumFractionDigits: 3 }).format(milli / 1000);
}

/** A help article's or a root cause's label in the reader's language. */
export function articleTitle(language: string, article: { titleFr: string; titleEn: string }): string {
  return language === "en" ? article.titleEn : article.titleFr;
}
