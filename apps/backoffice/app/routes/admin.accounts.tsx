import { listCustomerAccounts } from "@accord/core";
import { DataTable, EmptyState, PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/admin.accounts";
import { requireStaff } from "../.server/actor";
import { dbContext } from "../.server/db";
import { throwAsResponse } from "../.server/errors";
import { translator } from "../.server/i18n";

export async function loader(args: Route.LoaderArgs) {
  const actor = await requireStaff(args);
  try {
    return { accounts: await listCustomerAccounts({ db: args.context.get(dbContext), actor }) };
  } catch (error) {
    throwAsResponse(error, translator(args.context));
  }
}

export default function Accounts({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("admin.accounts.title")} description={t("admin.accounts.description")} />
      <p>
        <Link className="button button--primary" to="/admin/accounts/new">
          {t("admin.accounts.newAccount")}
        </Link>
      </p>
      <DataTable
        caption={t("admin.accounts.caption")}
        rows={loaderData.accounts}
        rowKey={(account) => account.id}
        empty={<EmptyState title={t("admin.accounts.empty")} />}
        columns={[
          { key: "name", header: t("admin.accounts.columns.name"), rowHeader: true, cell: (a) => <Link to={`/admin/accounts/${a.id}`}>{a.name}</Link> },
          { key: "siren", header: t("admin.accounts.columns.siren"), cell: (a) => a.siren ?? "" },
          { key: "erp", header: t("admin.accounts.columns.erpCode"), cell: (a) => a.erpCode ?? "" },
          { key: "tier", header: t("admin.accounts.columns.tier"), cell: (a) => t(`admin.accounts.tiers.${a.tier}`) },
          { key: "term", header: t("admin.accounts.columns.paymentTerm"), cell: (a) => t(`admin.accounts.paymentTerms.${a.paymentTerm.kind}`, { days: a.paymentTerm.days }) },
          { key: "users", header: t("admin.accounts.columns.users"), cell: (a) => a.users },
        ]}
      />
    </>
  );
}
