import { signOutAction } from "@accord/web/auth";
import { redirect } from "react-router";
import type { Route } from "./+types/logout";
import { APP } from "../.server/app";

export async function action(args: Route.ActionArgs) {
  return signOutAction(args, { app: APP });
}

// Signing out changes state: only by POST (the header's form). A GET just goes home.
export function loader() {
  return redirect("/");
}
