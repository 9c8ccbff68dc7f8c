import { listTemplates } from "@accord/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { adminLoader } from "../admin/admin.server";
import { AdminListPage } from "../admin/page";
import type { Route } from "./+types/admin.checklists";

export async function loader(args: Route.LoaderArgs) {
  return adminLoader(args, "admin:settings", async (ctx) => {
    const { checklists } = await listTemplates(ctx);
    return { checklists: checklists.map((c) => ({ id: c.id, name: c.name, caseType: c.caseType, items: c.items.length, active: c.active })) };
  });
}

export default function Checklists({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <AdminListPage
      section="checklists"
      create={t("admin.checklists.newTemplate")}
      empty={t("admin.checklists.empty")}
      rows={loaderData.checklists}
      rowKey={(c) => c.id}
      columns={[
        { key: "name", header: t("admin.checklists.columns.name"), rowHeader: true, cell: (c) => <Link to={`/admin/checklists/${c.id}`}>{c.name}</Link> },
        { key: "type", header: t("admin.checklists.columns.type"), cell: (c) => (c.caseType ? t(`caseType.${c.caseType}`) : t("admin.any")) },
        { key: "items", header: t("admin.checklists.columns.items"), cell: (c) => c.items },
        { key: "status", header: t("admin.checklists.columns.status"), cell: (c) => t(c.active ? "admin.active" : "admin.inactive") },
      ]}
    />
  );
}
