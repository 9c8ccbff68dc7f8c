import { signInAction } from "@accord/web/auth";
import { LoginPage } from "@accord/web/components/AuthPages";
import type { Route } from "./+types/login";
import { APP } from "../.server/app";
import { translator } from "../.server/i18n";

export async function action(args: Route.ActionArgs) {
  return signInAction(args, { app: APP, t: translator(args.context) });
}

export default function Login({ actionData }: Route.ComponentProps) {
  return <LoginPage actionData={actionData} />;
}
