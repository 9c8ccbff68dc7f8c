import { hasPermission } from "@accord/auth";
import { Outlet } from "react-router";
import adminStyles from "../admin/admin.css?url";
import { AdminNav, type AdminSection } from "../admin/AdminNav";
import type { Route } from "./+types/admin";
import { staffRoute } from "../.server/actor";
import { notFound } from "../.server/errors";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: adminStyles }];

/** The administration's frame: only for staff holding an admin permission (anyone else: 404). */
export async function loader(args: Route.LoaderArgs) {
  const { actor } = await staffRoute(args);
  const sections: AdminSection[] = [
    ...(hasPermission(actor, "admin:sla") ? (["sla", "calendars"] as const) : []),
    ...(hasPermission(actor, "admin:users") ? (["staff", "accounts"] as const) : []),
    ...(hasPermission(actor, "admin:settings") ? (["thresholds", "indexes", "root-causes", "checklists", "responses", "kb", "company", "undelivered"] as const) : []),
    ...(hasPermission(actor, "integration_keys:manage") ? (["integration-keys"] as const) : []),
    ...(hasPermission(actor, "reason_codes:manage") ? (["reason-codes"] as const) : []),
  ];
  if (sections.length === 0) notFound();
  return { sections };
}

export default function AdminLayout({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <AdminNav sections={loaderData.sections} />
      <Outlet />
    </>
  );
}
