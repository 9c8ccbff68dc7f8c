import { forgotPasswordAction } from "@accord/web/auth";
import { ForgotPasswordPage } from "@accord/web/components/AuthPages";
import type { Route } from "./+types/forgot-password";
import { APP } from "../.server/app";
import { translator } from "../.server/i18n";
import { env } from "../env.server";

export async function action(args: Route.ActionArgs) {
  return forgotPasswordAction(args, { app: APP, t: translator(args.context), baseUrl: env().PORTAL_URL });
}

export default function ForgotPassword({ actionData }: Route.ComponentProps) {
  return <ForgotPasswordPage actionData={actionData} />;
}
