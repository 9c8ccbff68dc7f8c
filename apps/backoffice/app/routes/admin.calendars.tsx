import { listCalendars } from "@accord/core";
import { adminLoader } from "../admin/admin.server";
import { AdminListPage } from "../admin/page";
import type { Route } from "./+types/admin.calendars";

export async function loader(args: Route.LoaderArgs) {
  return adminLoader(args, "admin:sla", async (ctx) => ({ calendars: await listCalendars(ctx) }));
}

export default function Calendars({ loaderData }: Route.ComponentProps) {
  return (
    <AdminListPage
      section="calendars"
      rows={loaderData.calendars}
      cells={(t) => ({
        name: (c) => c.name,
        code: (c) => c.code,
        timeZone: (c) => c.definition.timeZone,
        holidays: (c) => t(`admin.calendars.holidaySets.${c.definition.holidays}`),
        closures: (c) => c.definition.closures.map((closure) => `${closure.from} → ${closure.to}`).join(", "),
        policies: (c) => c.policies,
        default: (c) => (c.isDefault ? t("admin.yes") : t("admin.no")),
      })}
    />
  );
}
