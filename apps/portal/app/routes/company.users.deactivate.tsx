import { customerUserTargetSchema, deactivateCustomerUser, listCompanyUsers, parseInput } from "@accord/core";
import { isSecureRequest } from "@accord/auth";
import { Alert, Button, PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { data, Form, redirect } from "react-router";
import type { Route } from "./+types/company.users.deactivate";
import { requireCustomer } from "../.server/actor";
import { dbContext } from "../.server/db";
import { describeError, notFound, throwAsResponse } from "../.server/errors";
import { flashCookie } from "../.server/flash";
import { translator } from "../.server/i18n";

/** The confirmation step before deactivating a colleague (works without JavaScript). */
export async function loader(args: Route.LoaderArgs) {
  const actor = await requireCustomer(args, "customer:users:manage");
  let list;
  try {
    list = await listCompanyUsers({ db: args.context.get(dbContext), actor, now: new Date() });
  } catch (error) {
    throwAsResponse(error, translator(args.context));
  }
  // Scoped by the actor's company: another company's user id is simply not there.
  const user = list.users.find((u) => u.id === args.params.userId && u.active && !u.isSelf);
  if (!list.canManage || !user) notFound();
  return { user: { id: user.id, name: user.name } };
}

export async function action(args: Route.ActionArgs) {
  const actor = await requireCustomer(args, "customer:users:manage");
  const t = translator(args.context);
  try {
    await deactivateCustomerUser({ db: args.context.get(dbContext), actor, input: parseInput(customerUserTargetSchema, { userId: args.params.userId }), now: new Date() });
  } catch (error) {
    const failure = describeError(error, t);
    if (failure.code === "forbidden" || failure.code === "not_found") notFound();
    return data({ error: failure.message }, { status: failure.status });
  }
  return redirect("/company", { headers: { "Set-Cookie": flashCookie("company.flash.deactivated", { secure: isSecureRequest(args.request) }) } });
}

export default function DeactivateCompanyUser({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { user } = loaderData;
  return (
    <div className="card card--narrow">
      <PageHeader eyebrow={t("company.title")} title={t("company.deactivateConfirm.title", { name: user.name })} />
      {actionData?.error ? <Alert tone="error">{actionData.error}</Alert> : null}
      <p>{t("company.deactivateConfirm.body", { name: user.name })}</p>
      <Form method="post" className="form">
        <div className="form__actions">
          <Button type="submit" variant="danger">
            {t("company.deactivateConfirm.submit")}
          </Button>
          <a href="/company">{t("company.deactivateConfirm.cancel")}</a>
        </div>
      </Form>
    </div>
  );
}
