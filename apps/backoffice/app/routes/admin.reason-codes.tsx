/** « Codes motif » of the administration (ADR 0035): the mapping of reason codes → claim types valid for every account. */
import { addReasonCode, changeReasonCode, changeReasonCodeSchema, deleteReasonCode, listReasonCodes, reasonCodeSchema, reasonCodeTargetSchema } from "@accord/core";
import { PageHeader } from "@accord/ui";
import { ReasonCodesSection } from "@accord/web/components/Keys";
import { intent } from "@accord/web/intents";
import { useTranslation } from "react-i18next";
import { adminAction, adminLoader, base, savedTo, type AdminContext } from "../admin/admin.server";
import type { Route } from "./+types/admin.reason-codes";

export async function loader(args: Route.LoaderArgs) {
  // No account named: the administration's own mapping.
  return adminLoader(args, "reason_codes:manage", async (ctx) => ({ codes: await listReasonCodes({ ...ctx, accountId: null }) }));
}

const done = (flash: "keys.flash.codeAdded" | "keys.flash.codeChanged" | "keys.flash.codeDeleted") => savedTo("/admin/reason-codes", flash);

const INTENTS = {
  addReasonCode: intent(reasonCodeSchema, (input, ctx: AdminContext) => addReasonCode({ ...base(ctx), accountId: null, input }), done("keys.flash.codeAdded")),
  changeReasonCode: intent(changeReasonCodeSchema, (input, ctx: AdminContext) => changeReasonCode({ ...base(ctx), accountId: null, input }), done("keys.flash.codeChanged")),
  deleteReasonCode: intent(reasonCodeTargetSchema, (input, ctx: AdminContext) => deleteReasonCode({ ...base(ctx), accountId: null, input }), done("keys.flash.codeDeleted")),
};

export const action = (args: Route.ActionArgs) => adminAction(args, INTENTS);

export default function ReasonCodes({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("keys.reasonCodes.title")} />
      <ReasonCodesSection own={loaderData.codes.own} administration={[]} forAdministration />
    </>
  );
}
