import { hasPermission } from "@accord/auth";
import { redirect } from "react-router";
import type { Route } from "./+types/admin._index";
import { staffRoute } from "../.server/actor";
import { notFound } from "../.server/errors";

/** /admin opens the first section this admin may use. */
export async function loader(args: Route.LoaderArgs) {
  const { actor } = await staffRoute(args);
  if (hasPermission(actor, "admin:sla")) return redirect("/admin/sla");
  if (hasPermission(actor, "admin:users")) return redirect("/admin/staff");
  if (hasPermission(actor, "admin:settings")) return redirect("/admin/thresholds");
  notFound();
}

/** Never shown (the loader redirects or answers 404), but a component keeps this a page, not a resource route. */
export default function AdminIndex() {
  return null;
}
