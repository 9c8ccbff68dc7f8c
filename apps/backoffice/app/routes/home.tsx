import { listCaseQueue } from "@accord/core";
import { DataTable, EmptyState, formatDate, formatDateTime, PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import type { Route } from "./+types/home";
import { requireStaff } from "../.server/actor";
import { dbContext } from "../.server/db";
import { throwAsResponse } from "../.server/errors";
import { translator } from "../.server/i18n";

export async function loader(args: Route.LoaderArgs) {
  const actor = await requireStaff(args);
  try {
    return await listCaseQueue({ db: args.context.get(dbContext), actor });
  } catch (error) {
    throwAsResponse(error, translator(args.context));
  }
}

export default function CaseQueue({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <PageHeader title={t("queue.title")} description={t("queue.description")} />
      <DataTable
        caption={t("queue.caption")}
        rows={loaderData.cases}
        rowKey={(item) => item.id}
        empty={<EmptyState title={t("queue.empty")} />}
        columns={[
          { key: "reference", header: t("queue.columns.reference"), cell: (item) => item.reference },
          { key: "customer", header: t("queue.columns.customer"), cell: (item) => item.accountName },
          { key: "subject", header: t("queue.columns.subject"), cell: (item) => item.title },
          { key: "type", header: t("queue.columns.type"), cell: (item) => t(`caseType.${item.type}`) },
          { key: "priority", header: t("queue.columns.priority"), cell: (item) => <span className="badge">{item.priority}</span> },
          { key: "status", header: t("queue.columns.status"), cell: (item) => t(`caseStatus.${item.status}`) },
          { key: "assignee", header: t("queue.columns.assignee"), cell: (item) => item.assigneeName ?? t("queue.unassigned") },
          {
            key: "nextDeadline",
            header: t("queue.columns.nextDeadline"),
            cell: (item) => (item.nextSlaAt ? formatDateTime(item.nextSlaAt, i18n.language) : t("queue.noDeadline")),
          },
          { key: "received", header: t("queue.columns.received"), cell: (item) => formatDate(item.receivedAt, i18n.language) },
        ]}
      />
    </>
  );
}
