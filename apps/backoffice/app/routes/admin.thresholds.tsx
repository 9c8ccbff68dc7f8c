import {
  approvalThresholdsSchema,
  centsAsEuros,
  escalationSettingsSchema,
  getApprovalThresholds,
  getEscalationSettings,
  getKpiSettings,
  kpiSettingsFormSchema,
  updateApprovalThresholds,
  updateEscalationSettings,
  updateKpiSettings,
} from "@accord/core";
import { PageHeader } from "@accord/ui";
import { intent } from "@accord/web/intents";
import { useTranslation } from "react-i18next";
import { adminAction, adminLoader, base, savedTo } from "../admin/admin.server";
import { SelectField, TextField } from "../admin/fields";
import { AdminForm, FormSection } from "../admin/page";
import type { Route } from "./+types/admin.thresholds";
import { languageOf } from "../.server/i18n";

export async function loader(args: Route.LoaderArgs) {
  return adminLoader(args, "admin:settings", async (ctx) => {
    const thresholds = await getApprovalThresholds(ctx);
    const escalation = await getEscalationSettings(ctx);
    const kpi = await getKpiSettings(ctx);
    const language = languageOf(args.context);
    return {
      thresholds: { supervisorAbove: centsAsEuros(thresholds.supervisorAboveCents, language), financeAbove: centsAsEuros(thresholds.financeAboveCents, language) },
      escalation: {
        warningPercent: String(Math.round(escalation.warningShare * 100)),
        inactivityBusinessDays: String(escalation.inactivityBusinessDays),
        customerReminderBusinessDays: String(escalation.customerReminderBusinessDays),
        customerSecondReminderBusinessDays: String(escalation.customerSecondReminderBusinessDays),
        autoCloseBusinessDays: escalation.autoCloseBusinessDays === null ? "" : String(escalation.autoCloseBusinessDays),
        closeResolvedAfterBusinessDays: String(escalation.closeResolvedAfterBusinessDays),
        preDueReminderEnabled: escalation.preDueReminderEnabled ? "on" : "off",
        preDueReminderDays: String(escalation.preDueReminderDays),
      },
      kpi: {
        hourlyCost: centsAsEuros(kpi.hourlyCostCents, language),
        litigationCost: centsAsEuros(kpi.litigationCostCents, language),
        churnWindowDays: String(kpi.churnWindowDays),
        correctiveWindowDays: String(kpi.correctiveWindowDays),
      },
    };
  });
}

const INTENTS = {
  thresholds: intent(approvalThresholdsSchema, (input, ctx) => updateApprovalThresholds({ ...base(ctx), input }), savedTo("/admin/thresholds")),
  escalation: intent(escalationSettingsSchema, (input, ctx) => updateEscalationSettings({ ...base(ctx), input }), savedTo("/admin/thresholds")),
  kpi: intent(kpiSettingsFormSchema, (input, ctx) => updateKpiSettings({ ...base(ctx), input }), savedTo("/admin/thresholds")),
};

export const action = (args: Route.ActionArgs) => adminAction(args, INTENTS);

export default function Thresholds({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { thresholds, escalation, kpi } = loaderData;
  // Keyed by the saved values: after a save, each form starts again from them.
  return (
    <>
      <PageHeader title={t("admin.thresholds.title")} description={t("admin.thresholds.description")} />
      <section className="card" aria-label={t("admin.thresholds.title")}>
        <AdminForm key={JSON.stringify(thresholds)} intent="thresholds" defaults={thresholds} submit={t("admin.save")}>
          <div className="admin-row">
            <TextField name="supervisorAbove" label={t("admin.thresholds.fields.supervisorAbove")} inputMode="decimal" required />
            <TextField name="financeAbove" label={t("admin.thresholds.fields.financeAbove")} inputMode="decimal" required />
          </div>
        </AdminForm>
      </section>
      <FormSection
        key={JSON.stringify(escalation)}
        id="escalation-title"
        title={t("admin.thresholds.escalation.title")}
        description={t("admin.thresholds.escalation.description")}
        intent="escalation"
        defaults={escalation}
        submit={t("admin.save")}
      >
        <div className="admin-row">
          <TextField name="warningPercent" label={t("admin.thresholds.escalation.warningPercent")} inputMode="numeric" required />
          <TextField name="inactivityBusinessDays" label={t("admin.thresholds.escalation.inactivityBusinessDays")} inputMode="numeric" required />
        </div>
        <div className="admin-row">
          <TextField name="customerReminderBusinessDays" label={t("admin.thresholds.escalation.customerReminderBusinessDays")} inputMode="numeric" required />
          <TextField name="customerSecondReminderBusinessDays" label={t("admin.thresholds.escalation.customerSecondReminderBusinessDays")} inputMode="numeric" required />
        </div>
        <div className="admin-row">
          <TextField name="autoCloseBusinessDays" label={t("admin.thresholds.escalation.autoCloseBusinessDays")} hint={t("admin.thresholds.escalation.autoCloseHint")} inputMode="numeric" />
        </div>
        <div className="admin-row">
          <TextField name="closeResolvedAfterBusinessDays" label={t("admin.thresholds.escalation.closeResolvedAfterBusinessDays")} inputMode="numeric" required />
        </div>
        <div className="admin-row">
          <SelectField
            name="preDueReminderEnabled"
            label={t("admin.thresholds.escalation.preDueReminderEnabled")}
            options={[
              { value: "on", label: t("admin.thresholds.escalation.preDueReminderOn") },
              { value: "off", label: t("admin.thresholds.escalation.preDueReminderOff") },
            ]}
          />
          <TextField name="preDueReminderDays" label={t("admin.thresholds.escalation.preDueReminderDays")} inputMode="numeric" required />
        </div>
      </FormSection>
      <FormSection key={JSON.stringify(kpi)} id="kpi-title" title={t("admin.thresholds.kpi.title")} description={t("admin.thresholds.kpi.description")} intent="kpi" defaults={kpi} submit={t("admin.save")}>
        <div className="admin-row">
          <TextField name="hourlyCost" label={t("admin.thresholds.kpi.hourlyCost")} inputMode="decimal" required />
          <TextField name="litigationCost" label={t("admin.thresholds.kpi.litigationCost")} inputMode="decimal" required />
        </div>
        <div className="admin-row">
          <TextField name="churnWindowDays" label={t("admin.thresholds.kpi.churnWindowDays")} inputMode="numeric" required />
          <TextField name="correctiveWindowDays" label={t("admin.thresholds.kpi.correctiveWindowDays")} inputMode="numeric" required />
        </div>
      </FormSection>
    </>
  );
}
