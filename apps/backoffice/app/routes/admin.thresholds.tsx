import { approvalThresholdsSchema, centsAsEuros, escalationSettingsSchema, getApprovalThresholds, getEscalationSettings, updateApprovalThresholds, updateEscalationSettings } from "@accord/core";
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
    const db = args.context.get(dbContext);
    const thresholds = await getApprovalThresholds({ db, actor });
    const escalation = await getEscalationSettings({ db, actor });
    const language = languageOf(args.context);
    return {
      supervisorAbove: centsAsEuros(thresholds.supervisorAboveCents, language),
      financeAbove: centsAsEuros(thresholds.financeAboveCents, language),
      escalation: {
        warningPercent: String(Math.round(escalation.warningShare * 100)),
        inactivityBusinessDays: String(escalation.inactivityBusinessDays),
        customerReminderBusinessDays: String(escalation.customerReminderBusinessDays),
        autoCloseBusinessDays: escalation.autoCloseBusinessDays === null ? "" : String(escalation.autoCloseBusinessDays),
      },
    };
  } catch (error) {
    throwAsResponse(error, translator(args.context));
  }
}

export async function action(args: Route.ActionArgs) {
  const actor = await requireStaff(args);
  const { request, context } = args;
  const formData = await request.formData();
  const db = context.get(dbContext);
  const refused =
    formData.get("intent") === "escalation"
      ? await submitForm(formData, escalationSettingsSchema, translator(context), (input) => updateEscalationSettings({ db, actor, input, now: new Date() }))
      : await submitForm(formData, approvalThresholdsSchema, translator(context), (input) => updateApprovalThresholds({ db, actor, input, now: new Date() }));
  return refused ?? savedRedirect(request, "/admin/thresholds");
}

export default function Thresholds({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("admin.thresholds.title")} description={t("admin.thresholds.description")} />
      <section className="card" aria-label={t("admin.thresholds.title")}>
        <AdminForm key={`${loaderData.supervisorAbove}|${loaderData.financeAbove}`} intent="thresholds" state={stateFor(actionData, "thresholds")}>
          <div className="admin-row">
            <TextField name="supervisorAbove" label={t("admin.thresholds.fields.supervisorAbove")} inputMode="decimal" required defaultValue={loaderData.supervisorAbove} />
            <TextField name="financeAbove" label={t("admin.thresholds.fields.financeAbove")} inputMode="decimal" required defaultValue={loaderData.financeAbove} />
          </div>
          <div className="form__actions">
            <Button type="submit">{t("admin.save")}</Button>
          </div>
        </AdminForm>
      </section>
      <section className="card" aria-labelledby="escalation-title">
        <h2 id="escalation-title">{t("admin.thresholds.escalation.title")}</h2>
        <p>{t("admin.thresholds.escalation.description")}</p>
        <AdminForm key={JSON.stringify(loaderData.escalation)} intent="escalation" state={stateFor(actionData, "escalation")}>
          <div className="admin-row">
            <TextField name="warningPercent" label={t("admin.thresholds.escalation.warningPercent")} inputMode="numeric" required defaultValue={loaderData.escalation.warningPercent} />
            <TextField name="inactivityBusinessDays" label={t("admin.thresholds.escalation.inactivityBusinessDays")} inputMode="numeric" required defaultValue={loaderData.escalation.inactivityBusinessDays} />
          </div>
          <div className="admin-row">
            <TextField
              name="customerReminderBusinessDays"
              label={t("admin.thresholds.escalation.customerReminderBusinessDays")}
              inputMode="numeric"
              required
              defaultValue={loaderData.escalation.customerReminderBusinessDays}
            />
            <TextField
              name="autoCloseBusinessDays"
              label={t("admin.thresholds.escalation.autoCloseBusinessDays")}
              hint={t("admin.thresholds.escalation.autoCloseHint")}
              inputMode="numeric"
              defaultValue={loaderData.escalation.autoCloseBusinessDays}
            />
          </div>
          <div className="form__actions">
            <Button type="submit">{t("admin.save")}</Button>
          </div>
        </AdminForm>
      </section>
    </>
  );
}
