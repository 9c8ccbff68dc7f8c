import { AppError, getCustomerCase, withdrawCase, withdrawCaseSchema, type WithdrawCaseInput } from "@accord/core";
import { PageHeader } from "@accord/ui";
import { BoundTextarea, SubmitRow } from "@accord/web/components/FormFields";
import { IntentForm, useIntentForm } from "@accord/web/components/IntentForm";
import { intent, type IntentName } from "@accord/web/intents";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/cases.withdraw";
import { customerRoute } from "../.server/actor";
import { loadOrRespond, notFound } from "../.server/errors";
import { base, customerAction, type CustomerContext } from "../.server/intents";
import { env } from "../env.server";

/** The confirmation page of a withdrawal: the reason, then "yes, withdraw". Not there for a viewer or an ended case. */
export async function loader(args: Route.LoaderArgs) {
  const page = await withdrawableCase(await customerRoute(args, "case:withdraw"));
  return { reference: page.case.reference, title: page.case.title };
}

/** The case of the URL if this user may withdraw it now; otherwise the page does not exist (404), whatever was posted. */
async function withdrawableCase(ctx: CustomerContext) {
  const page = await loadOrRespond(ctx, () => getCustomerCase({ ...ctx, input: { reference: ctx.params.reference ?? "" } }));
  if (!page.can.withdraw) notFound();
  return page;
}

async function withdraw(input: WithdrawCaseInput, ctx: CustomerContext) {
  const reference = ctx.params.reference ?? "";
  try {
    await withdrawCase({ ...base(ctx), input: { ...input, reference }, portalUrl: env().PORTAL_URL });
  } catch (error) {
    // The case moved on meanwhile: say it in the customer's words.
    if (error instanceof AppError && error.code === "invalid_transition") throw new AppError("invalid_transition", { messageKey: "cases.error.cannotWithdraw" });
    throw error;
  }
  return reference.toUpperCase();
}

const INTENTS = {
  withdraw: intent(withdrawCaseSchema, withdraw, (reference) => ({ to: `/cases/${reference}`, flash: "cases.flash.withdrawn" })),
};

export async function action(args: Route.ActionArgs) {
  return customerAction(args, INTENTS, { permission: "case:withdraw", guard: withdrawableCase });
}

export default function WithdrawCase({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { reference, title } = loaderData;
  const [form, fields] = useIntentForm<WithdrawCaseInput, IntentName<typeof INTENTS>>("withdraw", actionData);
  return (
    <>
      <PageHeader eyebrow={title} title={t("cases.withdraw.title", { reference })} description={t("cases.withdraw.description")} />
      <IntentForm form={form} className="card form stack">
        <BoundTextarea field={fields.reason} id="withdraw-reason" label={t("cases.withdraw.reason")} hint={t("cases.withdraw.reasonHint")} />
        <SubmitRow label={t("cases.withdraw.submit")} variant="danger">
          <Link to={`/cases/${reference}`}>{t("cases.withdraw.cancel")}</Link>
        </SubmitRow>
      </IntentForm>
    </>
  );
}
