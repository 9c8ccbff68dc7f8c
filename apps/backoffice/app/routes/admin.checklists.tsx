import { listTemplates } from "@accord/core";
import { DataTable, EmptyState, PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/admin.checklists";
import { requireStaff } from "../.server/actor";
import { dbContext } from "../.server/db";
import { throwAsResponse } from "../.server/errors";
import { translator } from "../.server/i18n";

export async function loader(args: Route.LoaderArgs) {
  const actor = await requireStaff(args);
  try {
    const { checklists } = await listTemplates({ db: args.context.get(dbContext), actor });
    return { checklists: checklists.map((c) => ({ id: c.id, name: c.name, caseType: c.caseType, items: c.items.length, active: c.active })) };
  } catch (error) {
    throwAsResponse(error, translator(args.context));
  }
}

export default function Checklists({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("admin.checklists.title")} description={t("admin.checklists.description")} />
      <p>
        <Link className="button button--primary" to="/admin/checklists/new">
          {t("admin.checklists.newTemplate")}
        </Link>
      </p>
      <DataTable
        caption={t("admin.checklists.caption")}
        rows={loaderData.checklists}
        rowKey={(c) => c.id}
        empty={<EmptyState title={t("admin.checklists.empty")} />}
        columns={[
          { key: "name", header: t("admin.checklists.columns.name"), rowHeader: true, cell: (c) => <Link to={`/admin/checklists/${c.id}`}>{c.name}</Link> },
          { key: "type", header: t("admin.checklists.columns.type"), cell: (c) => (c.caseType ? t(`caseType.${c.caseType}`) : t("admin.any")) },
          { key: "items", header: t("admin.checklists.columns.items"), cell: (c) => c.items },
          { key: "status", header: t("admin.checklists.columns.status"), cell: (c) => t(c.active ? "admin.active" : "admin.inactive") },
        ]}
      />
    </>
  );
}
