import { resetPasswordAction, resetPasswordLoader } from "@accord/web/auth";
import { ResetPasswordPage } from "@accord/web/components/AuthPages";
import type { Route } from "./+types/reset-password";
import { APP } from "../.server/app";
import { translator } from "../.server/i18n";

// The token is in the URL: never leak it to another site through Referer.
export const headers: Route.HeadersFunction = () => ({ "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" });

export async function loader(args: Route.LoaderArgs) {
  return resetPasswordLoader(args, { app: APP });
}

export async function action(args: Route.ActionArgs) {
  return resetPasswordAction(args, { app: APP, t: translator(args.context) });
}

export default function ResetPassword({ loaderData, actionData }: Route.ComponentProps) {
  return <ResetPasswordPage loaderData={loaderData} actionData={actionData} />;
}
