import type { Route } from "./+types/cases.detail";
import { caseAction, caseLoader } from "../.server/case-page";
import { CasePage } from "../case-page/CasePage";

export async function loader(args: Route.LoaderArgs) {
  return caseLoader(args);
}

export async function action(args: Route.ActionArgs) {
  return caseAction(args);
}

export default function CaseDetail({ loaderData, actionData }: Route.ComponentProps) {
  return <CasePage page={loaderData} actionData={actionData ?? null} />;
}
