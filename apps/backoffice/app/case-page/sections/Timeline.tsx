/** The full timeline: every event of the case's chain, public and internal, with who made it. */
import type { StaffCase } from "@accord/core";
import { DataTable, formatDateTime } from "@accord/ui";
import { translateKey } from "@accord/ui/locales";
import { useTranslation } from "react-i18next";
import { Section, type T } from "../parts";

type Event = StaffCase["timeline"][number];

/** The event in words, with the status change it made and the people a notice reached. */
function describe(t: T, language: string, e: Event): string {
  const { from, to, recipients } = e.payload;
  const change =
    typeof from === "string" && typeof to === "string" && from !== to
      ? ` (${t("casePage.timeline.statusChange", { from, to })})`
      : "";
  const names = Array.isArray(recipients) ? recipients.filter((name): name is string => typeof name === "string") : [];
  const reached = names.length > 0 ? ` — ${t("casePage.timeline.recipients", { names: new Intl.ListFormat(language, { type: "conjunction" }).format(names) })}` : "";
  return `${translateKey(t, [`casePage.timeline.events.${e.type}`, "casePage.timeline.events.other"])}${change}${reached}`;
}

export function Timeline({ page }: { page: StaffCase }) {
  const { t, i18n } = useTranslation();
  return (
    <Section id="timeline" title={t("casePage.sections.timeline")}>
      <DataTable
        caption={t("casePage.timeline.caption")}
        captionVisible
        rows={page.timeline}
        rowKey={(e) => e.seq}
        empty={null}
        columns={[
          { key: "date", header: t("casePage.timeline.date"), rowHeader: true, cell: (e) => formatDateTime(e.at, i18n.language) },
          { key: "event", header: t("casePage.timeline.event"), cell: (e) => describe(t, i18n.language, e) },
          { key: "by", header: t("casePage.timeline.by"), cell: (e) => e.actorName ?? t("casePage.timeline.system") },
          { key: "visibility", header: t("casePage.timeline.visibility"), cell: (e) => t(`casePage.timeline.visibilities.${e.visibility}`) },
        ]}
      />
    </Section>
  );
}
