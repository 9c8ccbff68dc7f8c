import { listTemplates } from "@accord/core";
import { adminLoader } from "../admin/admin.server";
import { activeStatus, AdminListPage, caseTypeName } from "../admin/page";
import type { Route } from "./+types/admin.responses";

export async function loader(args: Route.LoaderArgs) {
  return adminLoader(args, "admin:settings", async (ctx) => {
    const { responses } = await listTemplates(ctx);
    return { responses: responses.map((r) => ({ id: r.id, name: r.name, caseType: r.caseType, active: r.active })) };
  });
}

export default function Responses({ loaderData }: Route.ComponentProps) {
  return (
    <AdminListPage
      section="responses"
      rows={loaderData.responses}
      cells={(t) => ({
        name: (r) => r.name,
        type: (r) => caseTypeName(t, r.caseType),
        status: (r) => activeStatus(t, r.active),
      })}
    />
  );
}
