/** "À valider": the proposals waiting for a level this staff member may give, oldest first. */
import { listProposalsToApprove } from "@accord/core";
import { DataTable, EmptyState, formatDateTime, formatMoney, PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/approvals";
import { staffRoute } from "../.server/actor";
import { loadOrRespond } from "../.server/errors";

export function meta() {
  return [{ title: "Accord" }];
}

export async function loader(args: Route.LoaderArgs) {
  const ctx = await staffRoute(args, "case:read");
  return { proposals: await loadOrRespond(ctx, () => listProposalsToApprove({ ...ctx, input: {} })) };
}

export default function Approvals({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <PageHeader title={t("settlement.approvals.title")} description={t("settlement.approvals.description")} />
      <DataTable
        caption={t("settlement.approvals.caption")}
        rows={loaderData.proposals}
        rowKey={(row) => row.id}
        empty={<EmptyState title={t("settlement.approvals.empty")} />}
        columns={[
          { key: "reference", header: t("settlement.approvals.reference"), rowHeader: true, cell: (row) => <Link to={`/cases/${row.reference}#proposals`}>{row.reference}</Link> },
          { key: "customer", header: t("settlement.approvals.customer"), cell: (row) => row.accountName },
          { key: "kind", header: t("settlement.approvals.kind"), cell: (row) => t(`settlement.kinds.${row.kind}`) },
          { key: "amount", header: t("settlement.approvals.amount"), align: "end", cell: (row) => formatMoney(row.amountCents, row.currency, i18n.language) },
          { key: "author", header: t("settlement.approvals.author"), cell: (row) => row.authorName ?? t("casePage.none") },
          { key: "since", header: t("settlement.approvals.since"), cell: (row) => formatDateTime(row.createdAt, i18n.language) },
          { key: "level", header: t("settlement.approvals.level"), cell: (row) => t(`settlement.levels.${row.level}`) },
        ]}
      />
    </>
  );
}
