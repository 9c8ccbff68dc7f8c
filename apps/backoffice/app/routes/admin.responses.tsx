import { listTemplates } from "@accord/core";
import { DataTable, EmptyState, PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/admin.responses";
import { requireStaff } from "../.server/actor";
import { dbContext } from "../.server/db";
import { throwAsResponse } from "../.server/errors";
import { translator } from "../.server/i18n";

export async function loader(args: Route.LoaderArgs) {
  const actor = await requireStaff(args);
  try {
    const { responses } = await listTemplates({ db: args.context.get(dbContext), actor });
    return { responses: responses.map((r) => ({ id: r.id, name: r.name, caseType: r.caseType, active: r.active })) };
  } catch (error) {
    throwAsResponse(error, translator(args.context));
  }
}

export default function Responses({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("admin.responses.title")} description={t("admin.responses.description")} />
      <p>
        <Link className="button button--primary" to="/admin/responses/new">
          {t("admin.responses.newTemplate")}
        </Link>
      </p>
      <DataTable
        caption={t("admin.responses.caption")}
        rows={loaderData.responses}
        rowKey={(r) => r.id}
        empty={<EmptyState title={t("admin.responses.empty")} />}
        columns={[
          { key: "name", header: t("admin.responses.columns.name"), rowHeader: true, cell: (r) => <Link to={`/admin/responses/${r.id}`}>{r.name}</Link> },
          { key: "type", header: t("admin.responses.columns.type"), cell: (r) => (r.caseType ? t(`caseType.${r.caseType}`) : t("admin.any")) },
          { key: "status", header: t("admin.responses.columns.status"), cell: (r) => t(r.active ? "admin.active" : "admin.inactive") },
        ]}
      />
    </>
  );
}
