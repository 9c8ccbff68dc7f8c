/** Time spent on the case: the total, per staff member, each entry, and the form to log time. */
import type { LogTimeInput } from "@accord/core";
import { DataTable, Field, formatDate } from "@accord/ui";
import { IntentForm } from "@accord/web/components/IntentForm";
import { useTranslation } from "react-i18next";
import { bind, SubmitRow } from "../fields";
import { duration, Section, SectionTable, useCaseForm, type SectionProps } from "../parts";

export function Time({ page, actionData, today }: SectionProps & { today: string }) {
  const { t, i18n } = useTranslation();
  const [form, fields] = useCaseForm<LogTimeInput>("logTime", actionData);
  return (
    <Section id="time" title={t("casePage.sections.time")}>
      <p>
        <strong>{t("casePage.time.total", { time: duration(t, page.time.totalMinutes) })}</strong>
      </p>
      {page.time.totals.length > 0 ? (
        <DataTable
          caption={t("casePage.time.byStaff")}
          captionVisible
          rows={page.time.totals}
          rowKey={(row) => row.staffId}
          empty={null}
          columns={[
            { key: "staff", header: t("casePage.time.staff"), rowHeader: true, cell: (row) => row.staffName },
            { key: "minutes", header: t("casePage.time.minutes"), align: "end", cell: (row) => duration(t, row.minutes) },
          ]}
        />
      ) : null}
      <SectionTable
        name="time"
        rows={page.time.entries}
        columns={[
          { key: "date", header: t("casePage.time.spentOn"), rowHeader: true, cell: (e) => formatDate(e.spentOn, i18n.language) },
          { key: "staff", header: t("casePage.time.staff"), cell: (e) => e.staffName },
          { key: "minutes", header: t("casePage.time.minutes"), align: "end", cell: (e) => duration(t, e.minutes) },
          { key: "note", header: t("casePage.time.note"), cell: (e) => e.note ?? "" },
        ]}
      />
      {page.can.logTime ? (
        <IntentForm form={form}>
          <Field id="time-minutes" type="number" min={1} max={1440} label={t("casePage.time.minutes")} {...bind(fields.minutes)} />
          <Field id="time-date" type="date" max={today} label={t("casePage.time.spentOn")} {...bind(fields.spentOn, today)} />
          <Field id="time-note" label={t("casePage.time.note")} {...bind(fields.note)} />
          <SubmitRow variant="secondary">{t("casePage.time.submit")}</SubmitRow>
        </IntentForm>
      ) : null}
    </Section>
  );
}
