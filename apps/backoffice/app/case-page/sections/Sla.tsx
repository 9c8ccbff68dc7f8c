/** The SLA panel: policy, clock, both targets with their deadlines and elapsed business time, the paused intervals. */
import type { StaffCase } from "@accord/core";
import { DataTable, formatDateTime } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { duration, ListOrNone, Section } from "../parts";

export function Sla({ page }: { page: StaffCase }) {
  const { t, i18n } = useTranslation();
  const sla = page.sla;
  return (
    <Section id="sla" title={t("casePage.sections.sla")}>
      {!sla ? (
        <p>{t("casePage.sla.none")}</p>
      ) : (
        <>
          <p className="muted">{t("casePage.sla.policy", { name: sla.policyName })}</p>
          <p data-testid="sla-clock">{t("casePage.sla.clockNow", { state: t(`casePage.sla.clockState.${sla.resolution.clock}`) })}</p>
          <DataTable
            caption={t("casePage.sections.sla")}
            rows={[
              { key: "firstResponse", status: sla.firstResponse },
              { key: "resolution", status: sla.resolution },
            ] as const}
            rowKey={(row) => row.key}
            empty={null}
            columns={[
              { key: "target", header: t("casePage.sla.target"), rowHeader: true, cell: (row) => t(`casePage.sla.${row.key}`) },
              {
                key: "deadline",
                header: t("casePage.sla.deadline"),
                cell: (row) =>
                  row.status.completedAt
                    ? t("casePage.sla.completed", { date: formatDateTime(row.status.completedAt, i18n.language) })
                    : row.status.deadlineAt
                      ? formatDateTime(row.status.deadlineAt, i18n.language)
                      : t("casePage.sla.noDeadline"),
              },
              { key: "elapsed", header: t("casePage.sla.elapsed"), align: "end", cell: (row) => `${duration(t, row.status.elapsedMinutes)} / ${duration(t, row.status.targetMinutes)}` },
              { key: "clock", header: t("casePage.sla.clock"), cell: (row) => t(`casePage.sla.clockState.${row.status.clock}`) },
              { key: "state", header: t("casePage.statusLabel"), cell: (row) => t(`casePage.sla.state.${row.status.state}`) },
            ]}
          />
          <h3>{t("casePage.sla.pausedIntervals")}</h3>
          <ListOrNone items={sla.pausedIntervals} none={t("casePage.sla.noPause")} data-testid="paused-intervals">
            {(interval) => (
              <li key={interval.from.toString()}>
                {t(`caseStatus.${interval.status}`)} — {t("casePage.sla.pausedFrom", { from: formatDateTime(interval.from, i18n.language) })}{" "}
                {interval.to ? t("casePage.sla.pausedTo", { to: formatDateTime(interval.to, i18n.language) }) : `(${t("casePage.sla.ongoing")})`}
              </li>
            )}
          </ListOrNone>
        </>
      )}
    </Section>
  );
}
