import { resetPasswordAction, resetPasswordLoader } from "@accord/web/auth";
import { ResetPasswordPage } from "@accord/web/components/AuthPages";
import { SECRET_LINK_HEADERS } from "@accord/web/responses";
import type { Route } from "./+types/reset-password";
import { APP } from "../.server/app";
import { translator } from "../.server/i18n";

// The token is in the URL.
export const headers: Route.HeadersFunction = () => SECRET_LINK_HEADERS;

export async function loader(args: Route.LoaderArgs) {
  return resetPasswordLoader(args, { app: APP });
}

export async function action(args: Route.ActionArgs) {
  return resetPasswordAction(args, { app: APP, t: translator(args.context) });
}

export default function ResetPassword({ loaderData, actionData }: Route.ComponentProps) {
  return <ResetPasswordPage loaderData={loaderData} actionData={actionData} />;
}
