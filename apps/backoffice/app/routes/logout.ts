import { isSecureRequest, sessionCookie } from "@accord/auth";
import { signOut } from "@accord/core";
import { redirect } from "react-router";
import type { Route } from "./+types/logout";
import { APP } from "../.server/app";
import { dbContext } from "../.server/db";

export async function action({ request, context }: Route.ActionArgs) {
  const cookie = sessionCookie(APP);
  const token = cookie.read(request);
  if (token) await signOut({ db: context.get(dbContext), token });
  return redirect("/login", { headers: { "Set-Cookie": cookie.clear({ secure: isSecureRequest(request) }) } });
}

// Signing out changes state: only by POST (the header's form). A GET just goes home.
export function loader() {
  return redirect("/");
}
