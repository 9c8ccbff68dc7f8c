import { getAgreementView } from "@accord/core";
import { AgreementView } from "@accord/web/components/AgreementView";
import type { Route } from "./+types/cases.agreement-view";
import { customerRoute } from "../.server/actor";
import { loadOrRespond } from "../.server/errors";

/** The agreement's printable page (the PDF stays the reference). */
export async function loader(args: Route.LoaderArgs) {
  const ctx = await customerRoute(args, "case:read");
  return { view: await loadOrRespond(ctx, () => getAgreementView({ ...ctx, input: { reference: args.params.reference ?? "" } })) };
}

export default function CaseAgreement({ loaderData }: Route.ComponentProps) {
  return <AgreementView view={loaderData.view} />;
}
