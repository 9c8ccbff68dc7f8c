import { listTemplates } from "@accord/core";
import { adminLoader } from "../admin/admin.server";
import { activeStatus, AdminListPage, caseTypeName } from "../admin/page";
import type { Route } from "./+types/admin.checklists";

export async function loader(args: Route.LoaderArgs) {
  return adminLoader(args, "admin:settings", async (ctx) => {
    const { checklists } = await listTemplates(ctx);
    return { checklists: checklists.map((c) => ({ id: c.id, name: c.name, caseType: c.caseType, items: c.items.length, active: c.active })) };
  });
}

export default function Checklists({ loaderData }: Route.ComponentProps) {
  return (
    <AdminListPage
      section="checklists"
      rows={loaderData.checklists}
      cells={(t) => ({
        name: (c) => c.name,
        type: (c) => caseTypeName(t, c.caseType),
        items: (c) => c.items,
        status: (c) => activeStatus(t, c.active),
      })}
    />
  );
}
