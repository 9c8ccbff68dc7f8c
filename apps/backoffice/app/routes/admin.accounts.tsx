import { listCustomerAccounts } from "@accord/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { adminLoader } from "../admin/admin.server";
import { AdminListPage } from "../admin/page";
import type { Route } from "./+types/admin.accounts";

export async function loader(args: Route.LoaderArgs) {
  return adminLoader(args, "admin:users", async (ctx) => ({ accounts: await listCustomerAccounts(ctx) }));
}

export default function Accounts({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <AdminListPage
      section="accounts"
      create={t("admin.accounts.newAccount")}
      empty={t("admin.accounts.empty")}
      rows={loaderData.accounts}
      rowKey={(account) => account.id}
      columns={[
        { key: "name", header: t("admin.accounts.columns.name"), rowHeader: true, cell: (a) => <Link to={`/admin/accounts/${a.id}`}>{a.name}</Link> },
        { key: "siren", header: t("admin.accounts.columns.siren"), cell: (a) => a.siren ?? "" },
        { key: "erp", header: t("admin.accounts.columns.erpCode"), cell: (a) => a.erpCode ?? "" },
        { key: "tier", header: t("admin.accounts.columns.tier"), cell: (a) => t(`admin.accounts.tiers.${a.tier}`) },
        { key: "term", header: t("admin.accounts.columns.paymentTerm"), cell: (a) => t(`admin.accounts.paymentTerms.${a.paymentTerm.kind}`, { days: a.paymentTerm.days }) },
        { key: "users", header: t("admin.accounts.columns.users"), cell: (a) => a.users },
      ]}
    />
  );
}
