import { customerUserTargetSchema, deactivateCustomerUser, listCompanyUsers } from "@accord/core";
import { NarrowCard, SubmitRow } from "@accord/web/components/FormFields";
import { IntentForm, useIntentForm } from "@accord/web/components/IntentForm";
import { intent, type IntentName } from "@accord/web/intents";
import { useTranslation } from "react-i18next";
import type { Route } from "./+types/company.users.deactivate";
import { customerRoute } from "../.server/actor";
import { loadOrRespond, notFound } from "../.server/errors";
import { base, customerAction, type CustomerContext } from "../.server/intents";

/** The confirmation step before deactivating a colleague (works without JavaScript). */
export async function loader(args: Route.LoaderArgs) {
  const user = await deactivatableUser(await customerRoute(args, "customer:users:manage"));
  return { user: { id: user.id, name: user.name } };
}

/** The URL's colleague if this admin may deactivate them now; otherwise the page does not exist (404), whatever was posted. */
async function deactivatableUser(ctx: CustomerContext) {
  const list = await loadOrRespond(ctx, () => listCompanyUsers(ctx));
  // Scoped by the actor's company: another company's user id is simply not there.
  const user = list.users.find((u) => u.id === ctx.params.userId && u.active && !u.isSelf);
  if (!list.canManage || !user) notFound();
  return user;
}

const INTENTS = {
  deactivate: intent(customerUserTargetSchema, (input, ctx: CustomerContext) => deactivateCustomerUser({ ...base(ctx), input }), () => ({ to: "/company", flash: "company.flash.deactivated" })),
};

export async function action(args: Route.ActionArgs) {
  // The user is the URL's, whatever the form says.
  return customerAction(args, INTENTS, { permission: "customer:users:manage", guard: deactivatableUser, prepare: (formData) => formData.set("userId", args.params.userId) });
}

export default function DeactivateCompanyUser({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { user } = loaderData;
  const [form] = useIntentForm<Record<string, unknown>, IntentName<typeof INTENTS>>("deactivate", actionData);
  return (
    <NarrowCard eyebrow={t("company.title")} title={t("company.deactivateConfirm.title", { name: user.name })}>
      <p>{t("company.deactivateConfirm.body", { name: user.name })}</p>
      <IntentForm form={form}>
        <SubmitRow label={t("company.deactivateConfirm.submit")} variant="danger">
          <a href="/company">{t("company.deactivateConfirm.cancel")}</a>
        </SubmitRow>
      </IntentForm>
    </NarrowCard>
  );
}
