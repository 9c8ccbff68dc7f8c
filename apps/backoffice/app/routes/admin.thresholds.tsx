import { approvalThresholdsSchema, centsAsEuros, getApprovalThresholds, updateApprovalThresholds } from "@accord/core";
import { Button, PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { AdminForm, stateFor, TextField } from "../admin/fields";
import { savedRedirect, submitForm } from "../admin/form-state.server";
import type { Route } from "./+types/admin.thresholds";
import { requireStaff } from "../.server/actor";
import { dbContext } from "../.server/db";
import { throwAsResponse } from "../.server/errors";
import { languageOf, translator } from "../.server/i18n";

export async function loader(args: Route.LoaderArgs) {
  const actor = await requireStaff(args);
  try {
    const thresholds = await getApprovalThresholds({ db: args.context.get(dbContext), actor });
    const language = languageOf(args.context);
    return { supervisorAbove: centsAsEuros(thresholds.supervisorAboveCents, language), financeAbove: centsAsEuros(thresholds.financeAboveCents, language) };
  } catch (error) {
    throwAsResponse(error, translator(args.context));
  }
}

export async function action(args: Route.ActionArgs) {
  const actor = await requireStaff(args);
  const { request, context } = args;
  const formData = await request.formData();
  const db = context.get(dbContext);
  const refused = await submitForm(formData, approvalThresholdsSchema, translator(context), (input) => updateApprovalThresholds({ db, actor, input, now: new Date() }));
  return refused ?? savedRedirect(request, "/admin/thresholds");
}

export default function Thresholds({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("admin.thresholds.title")} description={t("admin.thresholds.description")} />
      <section className="card" aria-label={t("admin.thresholds.title")}>
        <AdminForm intent="thresholds" state={stateFor(actionData, "thresholds")}>
          <div className="admin-row">
            <TextField name="supervisorAbove" label={t("admin.thresholds.fields.supervisorAbove")} inputMode="decimal" required defaultValue={loaderData.supervisorAbove} />
            <TextField name="financeAbove" label={t("admin.thresholds.fields.financeAbove")} inputMode="decimal" required defaultValue={loaderData.financeAbove} />
          </div>
          <div className="form__actions">
            <Button type="submit">{t("admin.save")}</Button>
          </div>
        </AdminForm>
      </section>
    </>
  );
}
