import { listTemplates } from "@accord/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { adminLoader } from "../admin/admin.server";
import { AdminListPage } from "../admin/page";
import type { Route } from "./+types/admin.responses";

export async function loader(args: Route.LoaderArgs) {
  return adminLoader(args, "admin:settings", async (ctx) => {
    const { responses } = await listTemplates(ctx);
    return { responses: responses.map((r) => ({ id: r.id, name: r.name, caseType: r.caseType, active: r.active })) };
  });
}

export default function Responses({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <AdminListPage
      section="responses"
      create={t("admin.responses.newTemplate")}
      empty={t("admin.responses.empty")}
      rows={loaderData.responses}
      rowKey={(r) => r.id}
      columns={[
        { key: "name", header: t("admin.responses.columns.name"), rowHeader: true, cell: (r) => <Link to={`/admin/responses/${r.id}`}>{r.name}</Link> },
        { key: "type", header: t("admin.responses.columns.type"), cell: (r) => (r.caseType ? t(`caseType.${r.caseType}`) : t("admin.any")) },
        { key: "status", header: t("admin.responses.columns.status"), cell: (r) => t(r.active ? "admin.active" : "admin.inactive") },
      ]}
    />
  );
}
