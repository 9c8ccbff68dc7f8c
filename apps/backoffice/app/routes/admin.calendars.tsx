import { listCalendars } from "@accord/core";
import { DataTable, PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/admin.calendars";
import { requireStaff } from "../.server/actor";
import { dbContext } from "../.server/db";
import { throwAsResponse } from "../.server/errors";
import { translator } from "../.server/i18n";

export async function loader(args: Route.LoaderArgs) {
  const actor = await requireStaff(args);
  try {
    return { calendars: await listCalendars({ db: args.context.get(dbContext), actor }) };
  } catch (error) {
    throwAsResponse(error, translator(args.context));
  }
}

export default function Calendars({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("admin.calendars.title")} description={t("admin.calendars.description")} />
      <DataTable
        caption={t("admin.calendars.caption")}
        empty={null}
        rows={loaderData.calendars}
        rowKey={(calendar) => calendar.id}
        columns={[
          { key: "name", header: t("admin.calendars.columns.name"), rowHeader: true, cell: (c) => <Link to={`/admin/calendars/${c.id}`}>{c.name}</Link> },
          { key: "code", header: t("admin.calendars.columns.code"), cell: (c) => c.code },
          { key: "tz", header: t("admin.calendars.columns.timeZone"), cell: (c) => c.definition.timeZone },
          { key: "holidays", header: t("admin.calendars.columns.holidays"), cell: (c) => t(`admin.calendars.holidaySets.${c.definition.holidays}`) },
          { key: "closures", header: t("admin.calendars.columns.closures"), cell: (c) => c.definition.closures.map((closure) => `${closure.from} → ${closure.to}`).join(", ") },
          { key: "policies", header: t("admin.calendars.columns.policies"), cell: (c) => c.policies },
          { key: "default", header: t("admin.calendars.columns.default"), cell: (c) => (c.isDefault ? t("admin.yes") : t("admin.no")) },
        ]}
      />
      <p>
        <Link className="button button--primary" to="/admin/calendars/new">
          {t("admin.calendars.newCalendar")}
        </Link>
      </p>
    </>
  );
}
