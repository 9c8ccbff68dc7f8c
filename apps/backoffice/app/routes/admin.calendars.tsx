import { listCalendars } from "@accord/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { adminLoader } from "../admin/admin.server";
import { AdminListPage } from "../admin/page";
import type { Route } from "./+types/admin.calendars";

export async function loader(args: Route.LoaderArgs) {
  return adminLoader(args, "admin:sla", async (ctx) => ({ calendars: await listCalendars(ctx) }));
}

export default function Calendars({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <AdminListPage
      section="calendars"
      create={t("admin.calendars.newCalendar")}
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
  );
}
