/** Our commitment: the first response and resolution deadlines, done or due, and whether the clock runs. */
import { formatDateTime } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { Section, type SectionProps } from "../parts";

export function Sla({ page }: SectionProps) {
  const { t, i18n } = useTranslation();
  const { sla, mergedInto } = page;
  const date = (iso: string) => formatDateTime(iso, i18n.language);
  const duration = (inWords: { unit: "business_days" | "business_hours"; value: number }) =>
    t(inWords.unit === "business_days" ? "cases.page.sla.days" : "cases.page.sla.hours", { count: inWords.value });
  if (mergedInto) {
    return (
      <Section id="sla" title={t("cases.page.sla.title")}>
        <p>{t("cases.page.merged.sla", { reference: mergedInto.reference })}</p>
      </Section>
    );
  }
  return (
    <Section id="sla" title={t("cases.page.sla.title")}>
      {sla ? (
        <ul>
          {(["firstResponse", "resolution"] as const).map((name) => {
            const target = sla[name];
            return (
              <li key={name}>
                {t(`cases.page.sla.${name}`, { duration: duration(target.inWords) })}
                {target.completedAt ? ` — ${t("cases.page.sla.done", { date: date(target.completedAt) })}` : null}
                {!target.completedAt && target.deadlineAt ? ` — ${t("cases.page.sla.due", { date: date(target.deadlineAt) })}` : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p>{t("cases.page.sla.none")}</p>
      )}
      {sla?.paused ? <p>{t("cases.page.sla.paused")}</p> : null}
      {sla && !sla.paused && sla.resolution.clock === "stopped" ? <p>{t("cases.page.sla.stopped")}</p> : null}
    </Section>
  );
}
