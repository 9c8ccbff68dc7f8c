import { getCustomerCase, parseInput, withdrawCase, withdrawCaseSchema } from "@accord/core";
import { isSecureRequest } from "@accord/auth";
import { Alert, PageHeader, TextareaField } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/cases.withdraw";
import { requireCustomer } from "../.server/actor";
import { dbContext } from "../.server/db";
import { describeError, throwAsResponse } from "../.server/errors";
import { flashCookie } from "../.server/flash";
import { translator } from "../.server/i18n";
import { env } from "../env.server";

/** The confirmation page of a withdrawal: the reason, then "yes, withdraw". Not there for a viewer or an ended case. */
export async function loader(args: Route.LoaderArgs) {
  const actor = await requireCustomer(args, "case:withdraw");
  let page: Awaited<ReturnType<typeof getCustomerCase>>;
  try {
    page = await getCustomerCase({ db: args.context.get(dbContext), actor, input: { reference: (args.params.reference ?? "") }, now: new Date() });
  } catch (error) {
    throwAsResponse(error, translator(args.context));
  }
  if (!page.can.withdraw) throw data(null, { status: 404 });
  return { reference: page.case.reference, title: page.case.title };
}

export async function action(args: Route.ActionArgs) {
  const actor = await requireCustomer(args, "case:withdraw");
  const t = translator(args.context);
  const formData = await args.request.formData();
  const reason = String(formData.get("reason") ?? "");
  try {
    const reference = (args.params.reference ?? "");
    await withdrawCase({ db: args.context.get(dbContext), actor, input: { ...parseInput(withdrawCaseSchema, { reason }), reference }, now: new Date(), portalUrl: env().PORTAL_URL });
    return redirect(`/cases/${reference.toUpperCase()}`, { headers: { "Set-Cookie": flashCookie("cases.flash.withdrawn", { secure: isSecureRequest(args.request) }) } });
  } catch (error) {
    const failure = describeError(error, t);
    if (failure.code === "forbidden" || failure.code === "not_found") throw data(null, { status: 404 });
    const message = failure.code === "invalid_transition" ? t("cases.error.cannotWithdraw") : Object.keys(failure.fieldErrors).length ? null : failure.message;
    return data({ reason, message, fieldErrors: failure.fieldErrors }, { status: failure.status });
  }
}

export default function WithdrawCase({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { reference, title } = loaderData;
  return (
    <>
      <PageHeader eyebrow={title} title={t("cases.withdraw.title", { reference })} description={t("cases.withdraw.description")} />
      {actionData?.message ? <Alert tone="error">{actionData.message}</Alert> : null}
      <Form method="post" className="card form stack">
        <TextareaField
          id="withdraw-reason"
          name="reason"
          label={t("cases.withdraw.reason")}
          hint={t("cases.withdraw.reasonHint")}
          defaultValue={actionData?.reason}
          errors={actionData?.fieldErrors.reason}
        />
        <div className="form__actions">
          <button type="submit" className="button button--danger">
            {t("cases.withdraw.submit")}
          </button>
          <Link to={`/cases/${reference}`}>{t("cases.withdraw.cancel")}</Link>
        </div>
      </Form>
    </>
  );
}
